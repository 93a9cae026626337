"""Form pieces every editing form shares: the source of a fact, the edit note, times typed in the venue's zone."""

import zoneinfo

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone

from talks.models import Citation, Source
from talks.services import Cite

TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime"})


def time_zone_field(**kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(choices=[(name, name) for name in TIME_ZONES], **kwargs)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def as_venue_time(value, zone: zoneinfo.ZoneInfo):
    """A time typed as the venue's wall clock (the field read it in UTC): reinterpret it in the venue's zone."""
    if value is None:
        return None
    return timezone.make_naive(value, timezone.get_current_timezone()).replace(tzinfo=zone)


def venue_wall_clock(value, zone: zoneinfo.ZoneInfo):
    """The venue's wall clock for a stored time, to show in a form."""
    return value.astimezone(zone).replace(tzinfo=None) if value else None


class NoteForm(forms.Form):
    edit_note = forms.CharField(
        label="Edit note",
        required=False,
        max_length=100,
        help_text="Optional: why you changed it. Kept in the history.",
    )


class CiteForm(forms.Form):
    """A source for the fact: pick one already on the record, or add a new one right here."""

    cite_source = forms.ModelChoiceField(
        Source.objects.order_by("-created_at"), required=False, label="Source on the record"
    )
    new_source_outlet = forms.CharField(required=False, max_length=200, label="Or a new source: outlet")
    new_source_title = forms.CharField(required=False, max_length=400, label="Headline or title")
    new_source_url = forms.URLField(required=False, max_length=1000, label="Address (URL)", assume_scheme="https")
    attribution = forms.ChoiceField(
        choices=Citation.Attribution.choices, initial=Citation.Attribution.MEDIA_REPORT, label="Attributed as"
    )
    excerpt = forms.CharField(required=False, max_length=500, label="Short excerpt")

    CITE_FIELDS = ("cite_source", "new_source_outlet", "new_source_title", "new_source_url", "attribution", "excerpt")

    def clean(self):
        data = super().clean()
        new = {k: data.get(f"new_source_{k}") for k in ("outlet", "title", "url") if data.get(f"new_source_{k}")}
        if data.get("cite_source") and new:
            self.add_error("new_source_outlet", "Pick a source on the record or add a new one, not both.")
        elif new and not new.get("outlet"):
            known = Source.objects.filter(url=new.get("url")).first() if new.get("url") else None
            if known:
                data["cite_source"] = known
            else:
                self.add_error("new_source_outlet", "Name the outlet of the new source (Reuters, a ministry, ...).")
        return data

    def cite(self) -> Cite:
        data = self.cleaned_data
        new = {k: data.get(f"new_source_{k}") for k in ("outlet", "title", "url") if data.get(f"new_source_{k}")}
        if data.get("cite_source"):
            new = {}
        return Cite(
            source=data.get("cite_source"),
            new_source=new,
            attribution=data.get("attribution") or Citation.Attribution.MEDIA_REPORT,
            excerpt=data.get("excerpt", ""),
        )

    @property
    def cite_open(self) -> bool:
        """Show the source fields unfolded when something was typed there or is wrong there."""
        names = [name for name in self.CITE_FIELDS if name in self.fields and name != "attribution"]
        if self.is_bound:
            return any(self[name].errors or self[name].value() for name in names)
        return False


class ErrorsByTheField:
    """For model forms: a rule the model checks twice (in clean() and as a database constraint) is shown once,
    by its field, rather than again at the top of the form."""

    def _post_clean(self):
        super()._post_clean()
        top = self._errors.get(NON_FIELD_ERRORS)
        if not top:
            return
        on_fields = {m for name, errors in self._errors.items() if name != NON_FIELD_ERRORS for m in errors}
        kept = [
            e
            for e in top.as_data()
            if not (set(e.messages) & on_fields or (e.code == "unique_together" and len(self._errors) > 1))
        ]
        if kept:
            self._errors[NON_FIELD_ERRORS] = self.error_class(kept, error_class="nonfield", renderer=self.renderer)
        else:
            del self._errors[NON_FIELD_ERRORS]
