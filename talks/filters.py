"""The filters of the lists (party, status, dates, category) as GET forms, so a filtered view is a shareable URL."""

from django import forms
from django.db.models import OuterRef, Q, Subquery

from talks.choices import IssueCategory
from talks.models import DemandEvent, Meeting, Party


class DateRangeMixin:
    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The end of the range comes before its start.")
        return data


def date_field(label: str) -> forms.DateField:
    return forms.DateField(required=False, label=label, widget=forms.DateInput(attrs={"type": "date"}))


class RoundFilter(DateRangeMixin, forms.Form):
    party = forms.ModelChoiceField(
        queryset=Party.objects.none(), required=False, to_field_name="slug", empty_label="Any party"
    )
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *Meeting.Status.choices])
    date_from = date_field("From")
    date_to = date_field("To")
    category = forms.ChoiceField(required=False, choices=[("", "Any topic"), *IssueCategory.choices], label="Topic")

    def __init__(self, data, *, parties):
        super().__init__(data)
        self.fields["party"].queryset = parties

    @property
    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    def apply(self, meetings):
        """The rounds that match; call only on a valid form."""
        data = self.cleaned_data
        if data["party"]:
            meetings = meetings.filter(delegations__party=data["party"])
        if data["status"]:
            meetings = meetings.filter(status=data["status"])
        if data["date_from"]:
            meetings = meetings.filter(date__gte=data["date_from"])
        if data["date_to"]:
            meetings = meetings.filter(date__lte=data["date_to"])
        if data["category"]:
            topic = data["category"]
            meetings = meetings.filter(
                Q(agenda__category=topic) | Q(outcomes__category=topic) | Q(demand_events__demand__category=topic)
            )
        return meetings.distinct()


class PositionFilter(DateRangeMixin, forms.Form):
    party = forms.ModelChoiceField(
        queryset=Party.objects.none(), required=False, to_field_name="slug", empty_label="Any party", label="Made by"
    )
    status = forms.ChoiceField(
        required=False, choices=[("", "Any"), *DemandEvent.Action.choices], label="Where it stands"
    )
    date_from = date_field("Active from")
    date_to = date_field("Active to")
    category = forms.ChoiceField(required=False, choices=[("", "Any topic"), *IssueCategory.choices], label="Topic")

    def __init__(self, data, *, parties):
        super().__init__(data)
        self.fields["party"].queryset = parties

    def apply(self, demands):
        data = self.cleaned_data
        if data["party"]:
            demands = demands.filter(made_by=data["party"])
        if data["category"]:
            demands = demands.filter(category=data["category"])
        if data["status"]:
            latest = DemandEvent.objects.filter(demand=OuterRef("pk")).order_by("-occurred_on", "-id")
            demands = demands.annotate(stands=Subquery(latest.values("action")[:1])).filter(stands=data["status"])
        if data["date_from"]:
            demands = demands.filter(events__occurred_on__gte=data["date_from"])
        if data["date_to"]:
            demands = demands.filter(events__occurred_on__lte=data["date_to"])
        return demands.distinct()
