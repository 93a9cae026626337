"""Forms that update a round as news comes in; an edit of a record carries the version it was loaded at."""

from django import forms

from talks.editing.fields import (
    CiteForm,
    DateInput,
    DateTimeLocalInput,
    ErrorsByTheField,
    NoteForm,
    as_venue_time,
    venue_wall_clock,
)
from talks.editing.forms import MeetingForm
from talks.models import Citation, Meeting, MeetingSession, OutcomeProgress
from talks.services import version_of


class Versioned(NoteForm):
    """A hidden copy of the record's last-saved time: saving over a newer change is refused (see record_save)."""

    version = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": "This form lacks the version it was loaded at: reload the page and edit again."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("version", version_of(self.instance))


class MeetingEditForm(Versioned, MeetingForm):
    """The round's own fields, edited in place."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("started_at", "ended_at"):
            self.initial[name] = venue_wall_clock(getattr(self.instance, name), self.instance.zone)
        for name in self.CITE_FIELDS:
            del self.fields[name]
        self.fields["sequence"].required = True  # an existing round keeps its number unless one is typed
        self.fields["sequence"].help_text = ""


class StatusForm(Versioned, ErrorsByTheField, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["status"]
        help_texts = {"status": "Paused, resumed (held), concluded: as the news comes in."}


class SessionForm(NoteForm, ErrorsByTheField, forms.ModelForm):
    """A sitting of the round; its number follows the last one."""

    class Meta:
        model = MeetingSession
        fields = ["status", "started_at", "ended_at", "note"]
        widgets = {"started_at": DateTimeLocalInput(), "ended_at": DateTimeLocalInput()}
        help_texts = {"started_at": "The venue's local time.", "ended_at": "The venue's local time."}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        last = meeting.sessions.order_by("-sequence").values_list("sequence", flat=True).first()
        self.instance.sequence = (last or 0) + 1

    def clean(self):
        data = super().clean()
        for name in ("started_at", "ended_at"):
            if data.get(name):
                data[name] = as_venue_time(data[name], self.instance.meeting.zone)
        return data


class ProgressForm(NoteForm, ErrorsByTheField, CiteForm, forms.ModelForm):
    """A dated point in an outcome's implementation, with its source."""

    class Meta:
        model = OutcomeProgress
        fields = ["as_of", "status", "evidence"]
        widgets = {"as_of": DateInput(), "evidence": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, outcome, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.outcome = outcome


class SourceForm(NoteForm, CiteForm):
    """Another source for a fact already on the record."""

    stance = forms.ChoiceField(choices=Citation.Stance.choices, initial=Citation.Stance.SUPPORTS)
    claim = forms.CharField(
        required=False, max_length=300, help_text="This source's version of the fact, where sources disagree."
    )

    def clean(self):
        data = super().clean()
        named = data.get("cite_source") or data.get("new_source_outlet")
        if not named and not {"cite_source", "new_source_outlet"} & set(self.errors):
            self.add_error("cite_source", "Pick a source on the record or add a new one.")
        return data

    def cite(self):
        cite = super().cite()
        cite.stance = self.cleaned_data["stance"]
        cite.claim = self.cleaned_data["claim"]
        return cite
