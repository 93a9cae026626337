"""The filters a data desk asks for, per kind of record."""

import django_filters

from talks.api.filtering import IdFilter, RecordFilterSet
from talks.choices import IssueCategory
from talks.models import (
    Absence,
    AgendaItem,
    Area,
    Citation,
    Delegation,
    DelegationMember,
    Demand,
    DemandEvent,
    Meeting,
    MeetingSession,
    Outcome,
    OutcomeProgress,
    Party,
    Person,
    PersonAlias,
    PersonRole,
    Source,
    Statement,
    Track,
    TrackParticipant,
)


def choices(model, field: str) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(choices=model._meta.get_field(field).choices)


class PartyFilter(RecordFilterSet):
    kind = choices(Party, "kind")
    country_code = django_filters.CharFilter()
    track = IdFilter(field_name="track_roles__track", distinct=True)

    class Meta:
        model = Party
        fields = []


class PersonFilter(RecordFilterSet):
    party = IdFilter(field_name="party")

    class Meta:
        model = Person
        fields = []


class AreaFilter(RecordFilterSet):
    kind = choices(Area, "kind")
    country_code = django_filters.CharFilter()

    class Meta:
        model = Area
        fields = []


class TrackFilter(RecordFilterSet):
    status = choices(Track, "status")
    party = IdFilter(field_name="participants__party", distinct=True)

    class Meta:
        model = Track
        fields = []


class MeetingFilter(RecordFilterSet):
    track = IdFilter()
    status = choices(Meeting, "status")
    talks_format = django_filters.ChoiceFilter(
        field_name="format",
        choices=Meeting.Format.choices,
        help_text="direct, mediated, ... (`format` picks json or csv).",
    )
    level = choices(Meeting, "level")
    party = IdFilter(field_name="delegations__party", distinct=True, help_text="A party that sent a delegation.")
    person = IdFilter(field_name="delegations__members__person", distinct=True, help_text="A delegation member.")
    held_after = django_filters.DateFilter(field_name="date", lookup_expr="gte", help_text="On or after this day.")
    held_before = django_filters.DateFilter(field_name="date", lookup_expr="lte", help_text="On or before this day.")
    venue_country = django_filters.CharFilter()

    class Meta:
        model = Meeting
        fields = []


class DemandFilter(RecordFilterSet):
    track = IdFilter()
    party = IdFilter(field_name="made_by", help_text="The party making the demand.")
    addressed_to = IdFilter()
    category = django_filters.ChoiceFilter(choices=IssueCategory.choices)
    kind = choices(Demand, "kind")
    area = IdFilter(field_name="areas", distinct=True)
    meeting = IdFilter(field_name="events__meeting", distinct=True, help_text="Raised or answered at this round.")
    status = django_filters.ChoiceFilter(
        choices=DemandEvent.Action.choices, method="filter_status", help_text="The latest step of the position."
    )
    held_after = django_filters.DateFilter(field_name="events__occurred_on", lookup_expr="gte", distinct=True)
    held_before = django_filters.DateFilter(field_name="events__occurred_on", lookup_expr="lte", distinct=True)

    class Meta:
        model = Demand
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.with_latest_action().filter(latest_action=value)


class OutcomeFilter(RecordFilterSet):
    meeting = IdFilter()
    track = IdFilter(field_name="meeting__track")
    party = IdFilter(field_name="parties", distinct=True)
    area = IdFilter(field_name="areas", distinct=True)
    category = django_filters.ChoiceFilter(choices=IssueCategory.choices)
    kind = choices(Outcome, "kind")
    status = django_filters.ChoiceFilter(
        choices=OutcomeProgress._meta.get_field("status").choices,
        method="filter_status",
        help_text="The latest point of the implementation series.",
    )
    held_after = django_filters.DateFilter(field_name="meeting__date", lookup_expr="gte")
    held_before = django_filters.DateFilter(field_name="meeting__date", lookup_expr="lte")

    class Meta:
        model = Outcome
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.with_current_status().filter(current=value)


class StatementFilter(RecordFilterSet):
    person = IdFilter(field_name="speaker")
    party = IdFilter(field_name="side")
    meeting = IdFilter()
    track = IdFilter(field_name="meeting__track")
    demand = IdFilter()
    outcome = IdFilter()
    is_quote = django_filters.BooleanFilter()
    held_after = django_filters.DateFilter(field_name="said_on", lookup_expr="gte")
    held_before = django_filters.DateFilter(field_name="said_on", lookup_expr="lte")

    class Meta:
        model = Statement
        fields = []


class SourceFilter(RecordFilterSet):
    kind = choices(Source, "kind")
    outlet = django_filters.CharFilter(lookup_expr="iexact")
    language = django_filters.CharFilter()

    class Meta:
        model = Source
        fields = []


class CitationFilter(RecordFilterSet):
    source = IdFilter()
    fact_type = django_filters.CharFilter(method="filter_fact_type", help_text="e.g. talks.meeting")
    fact_id = IdFilter(field_name="object_id")
    attribution = choices(Citation, "attribution")

    class Meta:
        model = Citation
        fields = []

    def filter_fact_type(self, queryset, name, value):
        app_label, _, model = value.lower().partition(".")
        return queryset.filter(content_type__app_label=app_label, content_type__model=model)


def part_filter(model, parent: str, **extra):
    """A filterset for a part of a record: by its parent, plus `updated_since`."""
    attrs = {parent: IdFilter(), **extra, "Meta": type("Meta", (), {"model": model, "fields": []})}
    return type(f"{model.__name__}Filter", (RecordFilterSet,), attrs)


TrackParticipantFilter = part_filter(TrackParticipant, "track", party=IdFilter())
PersonRoleFilter = part_filter(PersonRole, "person")
PersonAliasFilter = part_filter(PersonAlias, "person")
MeetingSessionFilter = part_filter(MeetingSession, "meeting")
AgendaItemFilter = part_filter(AgendaItem, "meeting")
DelegationFilter = part_filter(Delegation, "meeting", party=IdFilter())
DelegationMemberFilter = part_filter(DelegationMember, "delegation", person=IdFilter())
AbsenceFilter = part_filter(Absence, "meeting", person=IdFilter())
DemandEventFilter = part_filter(DemandEvent, "demand", meeting=IdFilter(), action=choices(DemandEvent, "action"))
OutcomeProgressFilter = part_filter(OutcomeProgress, "outcome", status=choices(OutcomeProgress, "status"))
