"""The "Log a round" form: the meeting, and a formset for each kind of fact logged with it."""

import zoneinfo

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS

from talks.editing.fields import (
    CiteForm,
    DateInput,
    DateTimeLocalInput,
    ErrorsByTheField,
    as_venue_time,
    time_zone_field,
)
from talks.models import Demand, DemandEvent, Meeting, Outcome, Party, Person, Statement, Track
from talks.services import RoundLog


class MeetingForm(ErrorsByTheField, CiteForm, forms.ModelForm):
    """The round itself. Times are typed as the venue's clock shows them."""

    venue_timezone = time_zone_field(initial="Europe/Istanbul", label="Venue time zone")
    sequence = forms.IntegerField(
        min_value=1, max_value=32767, required=False, help_text="Leave empty for the next round of the track."
    )

    class Meta:
        model = Meeting
        fields = [
            "track",
            "sequence",
            "title",
            "status",
            "format",
            "level",
            "date",
            "date_qualifier",
            "venue_city",
            "venue_country",
            "venue_place",
            "venue_timezone",
            "started_at",
            "ended_at",
            "summary",
        ]
        widgets = {
            "date": DateInput(),
            "started_at": DateTimeLocalInput(),
            "ended_at": DateTimeLocalInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].queryset = Track.objects.live()
        self.fields["status"].initial = Meeting.Status.HELD

    def clean(self):
        super().clean()
        return self.clean_times_and_number()

    def clean_times_and_number(self):
        data = self.cleaned_data
        zone = self._zone(data.get("venue_timezone"))
        for name in ("started_at", "ended_at"):
            if data.get(name) and zone:
                data[name] = as_venue_time(data[name], zone)
        if data.get("started_at") and not data.get("date") and "date" not in self.errors:
            data["date"] = data["started_at"].astimezone(zone).date()  # the venue's day
        track = data.get("track")
        if track and data.get("sequence") is None and "sequence" not in self.errors:
            last = track.meetings.order_by("-sequence").values_list("sequence", flat=True).first()
            data["sequence"] = (last or 0) + 1
        elif track and data.get("sequence"):
            taken = track.meetings.filter(sequence=data["sequence"]).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("sequence", f"Round {data['sequence']} of {track} is already on the record.")
        return data

    @staticmethod
    def _zone(name):
        return zoneinfo.ZoneInfo(name) if name else None

    def meeting_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}


class DelegationForm(forms.Form):
    party = forms.ModelChoiceField(Party.objects.all())
    head = forms.ModelChoiceField(Person.objects.all(), required=False, label="Head of delegation")
    members = forms.ModelMultipleChoiceField(Person.objects.all(), required=False, label="Other members")
    note = forms.CharField(required=False, max_length=300)

    def row(self) -> dict:
        return dict(self.cleaned_data)


class AbsenceForm(CiteForm):
    person = forms.ModelChoiceField(Person.objects.all(), label="Who stayed away")
    party = forms.ModelChoiceField(Party.objects.all(), required=False, label="For")
    note = forms.CharField(required=False, max_length=300, help_text="What is known: declined, not invited, ...")

    def row(self) -> dict:
        data = self.cleaned_data
        return {"person": data["person"], "party": data.get("party"), "note": data["note"], "cite": self.cite()}


class AgendaForm(forms.Form):
    title = forms.CharField(max_length=300, label="Agenda item")
    category = forms.ChoiceField(choices=[("", "—"), *Demand._meta.get_field("category").choices], required=False)

    def row(self) -> dict:
        return dict(self.cleaned_data)


TAKEN_UP = [(a, label) for a, label in DemandEvent.Action.choices if a != DemandEvent.Action.RAISED]


class DemandForm(CiteForm):
    """A position at the round: a new one (raised here), or one on the record taken up again."""

    existing = forms.ModelChoiceField(
        Demand.objects.live().select_related("made_by"),
        required=False,
        label="A position already on the record",
        help_text="Leave empty to record a new position.",
    )
    action = forms.ChoiceField(choices=TAKEN_UP, initial=DemandEvent.Action.REITERATED, label="At this round it was")
    made_by = forms.ModelChoiceField(Party.objects.all(), required=False, label="New position: made by")
    addressed_to = forms.ModelChoiceField(Party.objects.all(), required=False)
    summary = forms.CharField(required=False, max_length=300)
    category = forms.ChoiceField(choices=[("", "—"), *Demand._meta.get_field("category").choices], required=False)
    kind = forms.ChoiceField(choices=Demand.Kind.choices, initial=Demand.Kind.DEMAND)
    condition_for = forms.CharField(required=False, max_length=200, help_text="For a precondition.")
    wording = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Wording at this round")

    NEW_FIELDS = ("made_by", "addressed_to", "summary", "category", "kind", "condition_for")

    def clean(self):
        data = super().clean()
        if data.get("existing"):
            if data.get("action") == DemandEvent.Action.MODIFIED and not data.get("wording"):
                self.add_error("wording", "A modified position needs its new wording.")
            return data
        for name in ("made_by", "summary", "category"):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, "Needed for a new position (or pick one already on the record).")
        if data.get("made_by") and data.get("made_by") == data.get("addressed_to"):
            self.add_error("addressed_to", "A party does not make a demand of itself.")
        if data.get("kind") == Demand.Kind.PRECONDITION and not data.get("condition_for"):
            self.add_error("condition_for", "Say what the precondition is a condition for.")
        return data

    def row(self) -> dict:
        data = self.cleaned_data
        row = {"cite": self.cite(), "wording": data["wording"]}
        if data.get("existing"):
            return {**row, "existing": data["existing"], "action": data["action"]}
        return {**row, **{name: data[name] for name in self.NEW_FIELDS}, "text": data["wording"]}


class OutcomeForm(ErrorsByTheField, CiteForm, forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["kind", "category", "summary", "text", "parties", "deadline"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "deadline": DateInput()}

    def row(self) -> dict:
        data = self.cleaned_data
        return {**{name: data[name] for name in self.Meta.fields}, "cite": self.cite()}


class StatementForm(ErrorsByTheField, CiteForm, forms.ModelForm):
    class Meta:
        model = Statement
        fields = ["speaker", "speaker_description", "side", "text", "is_quote", "said_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "said_on": DateInput()}
        labels = {"speaker_description": "Or an anonymous source, described"}

    def row(self) -> dict:
        data = self.cleaned_data
        return {**{name: data[name] for name in self.Meta.fields}, "cite": self.cite()}


class RowFormSet(forms.BaseFormSet):
    def has_entries(self) -> bool:
        """Whether the editor typed anything here: such sections stay unfolded when the form comes back."""
        return self.is_bound and (any(form.has_changed() for form in self.forms) or bool(self.non_form_errors()))

    def rows(self) -> list[dict]:
        return [form.row() for form in self.forms if form.has_changed()]


class DelegationFormSet(RowFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            party = form.cleaned_data.get("party") if form.has_changed() else None
            if party in seen:
                form.add_error("party", f"{party} already has a delegation at this round.")
            seen.add(party)


SECTIONS = {
    "delegations": ("Delegations", DelegationForm, DelegationFormSet),
    "absences": ("Absences", AbsenceForm, RowFormSet),
    "agenda": ("Agenda", AgendaForm, RowFormSet),
    "demands": ("Positions and demands", DemandForm, RowFormSet),
    "outcomes": ("Outcomes", OutcomeForm, RowFormSet),
    "statements": ("Statements", StatementForm, RowFormSet),
}


class RoundLogForm:
    """The meeting form and one formset per section, validated and shown as one form."""

    def __init__(self, data=None):
        self.meeting = MeetingForm(data, prefix="meeting")
        self.sections = []
        for prefix, (title, form_class, formset_class) in SECTIONS.items():
            factory = forms.formset_factory(form_class, formset=formset_class, extra=1, max_num=60, absolute_max=60)
            formset = factory(data, prefix=prefix)
            formset.title = title
            self.sections.append(formset)

    def section(self, prefix):
        return next(f for f in self.sections if f.prefix == prefix)

    def is_valid(self) -> bool:
        valid = self.meeting.is_valid()
        return all([valid, *(formset.is_valid() for formset in self.sections)])

    def log(self) -> RoundLog:
        rows = {formset.prefix: formset.rows() for formset in self.sections}
        return RoundLog(meeting=self.meeting.meeting_data(), meeting_cite=self.meeting.cite(), **rows)

    # A rule of the saved record that a form field stands for: the round of a position is the one being logged.
    FIELD_FOR = {("demands", "meeting"): "existing", ("demands", "demand"): "existing"}

    def add_problems(self, problems) -> None:
        """Show errors found while saving beside the row and field they concern."""
        for section, index, name, messages in problems:
            form = self.meeting if section == "meeting" else self._changed_forms(section)[index]
            name = self.FIELD_FOR.get((section, name), name)
            field = name if name in form.fields else None
            for message in messages:
                form.add_error(field, message if field or name == NON_FIELD_ERRORS else f"{name}: {message}")

    def _changed_forms(self, prefix):
        return [form for form in self.section(prefix).forms if form.has_changed()]
