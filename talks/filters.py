"""The filters of the lists (party, status, dates, category) as GET forms, so a filtered view is a shareable URL."""

from django import forms
from django.db.models import Q

from talks.choices import IssueCategory
from talks.models import Meeting, Party


class RoundFilter(forms.Form):
    party = forms.ModelChoiceField(
        queryset=Party.objects.none(), required=False, to_field_name="slug", empty_label="Any party"
    )
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *Meeting.Status.choices])
    date_from = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))
    category = forms.ChoiceField(required=False, choices=[("", "Any topic"), *IssueCategory.choices], label="Topic")

    def __init__(self, data, *, parties):
        super().__init__(data)
        self.fields["party"].queryset = parties

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The end of the range comes before its start.")
        return data

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
