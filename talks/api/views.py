"""One viewset per kind of record; each names its rows (fetched in a fixed number of queries) and its filters."""

from talks.api import filters
from talks.api.serializers import actors, meetings, outcomes, positions, sources, statements, tracks
from talks.api.viewsets import RecordViewSet
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


class PartyViewSet(RecordViewSet):
    queryset = Party.objects.all()
    serializer_class = actors.PartySerializer
    filterset_class = filters.PartyFilter
    search_fields = ("name", "short_name", "slug")


class PersonViewSet(RecordViewSet):
    queryset = Person.objects.prefetch_related(*actors.PERSON_PREFETCH)
    serializer_class = actors.PersonSerializer
    filterset_class = filters.PersonFilter
    search_fields = ("name", "native_name", "slug", "aliases__name")


class PersonRoleViewSet(RecordViewSet):
    queryset = PersonRole.objects.all()
    serializer_class = actors.PersonRoleSerializer
    filterset_class = filters.PersonRoleFilter
    search_fields = ("title",)


class PersonAliasViewSet(RecordViewSet):
    queryset = PersonAlias.objects.all()
    serializer_class = actors.PersonAliasSerializer
    filterset_class = filters.PersonAliasFilter
    search_fields = ("name",)


class AreaViewSet(RecordViewSet):
    queryset = Area.objects.all()
    serializer_class = actors.AreaSerializer
    filterset_class = filters.AreaFilter
    search_fields = ("name", "iso_code", "slug")


class TrackViewSet(RecordViewSet):
    queryset = Track.objects.prefetch_related("participants")
    serializer_class = tracks.TrackSerializer
    filterset_class = filters.TrackFilter
    search_fields = ("name", "description", "slug")


class TrackParticipantViewSet(RecordViewSet):
    queryset = TrackParticipant.objects.all()
    serializer_class = tracks.TrackParticipantSerializer
    filterset_class = filters.TrackParticipantFilter


class MeetingViewSet(RecordViewSet):
    queryset = Meeting.objects.all()
    serializer_class = meetings.MeetingSerializer
    filterset_class = filters.MeetingFilter
    search_fields = ("title", "summary", "venue_city", "venue_place")


class MeetingSessionViewSet(RecordViewSet):
    queryset = MeetingSession.objects.all()
    serializer_class = meetings.MeetingSessionSerializer
    filterset_class = filters.MeetingSessionFilter
    search_fields = ("note",)


class AgendaItemViewSet(RecordViewSet):
    queryset = AgendaItem.objects.all()
    serializer_class = meetings.AgendaItemSerializer
    filterset_class = filters.AgendaItemFilter
    search_fields = ("title",)


class DelegationViewSet(RecordViewSet):
    queryset = Delegation.objects.select_related("meeting").prefetch_related(*meetings.DELEGATION_PREFETCH)
    serializer_class = meetings.DelegationSerializer
    filterset_class = filters.DelegationFilter


class DelegationMemberViewSet(RecordViewSet):
    queryset = DelegationMember.objects.select_related("person", "delegation__meeting").prefetch_related(
        "person__roles"
    )
    serializer_class = meetings.DelegationMemberSerializer
    filterset_class = filters.DelegationMemberFilter


class AbsenceViewSet(RecordViewSet):
    queryset = Absence.objects.prefetch_related(*sources.citations_of())
    serializer_class = meetings.AbsenceSerializer
    filterset_class = filters.AbsenceFilter
    search_fields = ("note", "person__name")


class DemandViewSet(RecordViewSet):
    queryset = Demand.objects.prefetch_related("areas")
    serializer_class = positions.DemandSerializer
    filterset_class = filters.DemandFilter
    search_fields = ("summary", "text", "condition_for")


class DemandEventViewSet(RecordViewSet):
    queryset = DemandEvent.objects.all()
    serializer_class = positions.DemandEventSerializer
    filterset_class = filters.DemandEventFilter
    search_fields = ("wording", "note")


class OutcomeViewSet(RecordViewSet):
    queryset = Outcome.objects.prefetch_related("parties", "areas")
    serializer_class = outcomes.OutcomeSerializer
    filterset_class = filters.OutcomeFilter
    search_fields = ("summary", "text")


class OutcomeProgressViewSet(RecordViewSet):
    queryset = OutcomeProgress.objects.all()
    serializer_class = outcomes.OutcomeProgressSerializer
    filterset_class = filters.OutcomeProgressFilter
    search_fields = ("evidence",)


class StatementViewSet(RecordViewSet):
    queryset = Statement.objects.all()
    serializer_class = statements.StatementSerializer
    filterset_class = filters.StatementFilter
    search_fields = ("text", "speaker__name", "speaker_description")


class SourceViewSet(RecordViewSet):
    queryset = Source.objects.all()
    serializer_class = sources.SourceSerializer
    filterset_class = filters.SourceFilter
    search_fields = ("outlet", "title", "url")


class CitationViewSet(RecordViewSet):
    queryset = Citation.objects.all()
    serializer_class = sources.CitationSerializer
    filterset_class = filters.CitationFilter
    search_fields = ("claim", "excerpt")


# (prefix, viewset, basename): the router in config.api_v1 registers these; basenames name the `url` links.
ROUTES = [
    ("tracks", TrackViewSet, "track"),
    ("track-participants", TrackParticipantViewSet, "track-participant"),
    ("meetings", MeetingViewSet, "meeting"),
    ("meeting-sessions", MeetingSessionViewSet, "meeting-session"),
    ("agenda-items", AgendaItemViewSet, "agenda-item"),
    ("delegations", DelegationViewSet, "delegation"),
    ("delegation-members", DelegationMemberViewSet, "delegation-member"),
    ("absences", AbsenceViewSet, "absence"),
    ("parties", PartyViewSet, "party"),
    ("people", PersonViewSet, "person"),
    ("person-roles", PersonRoleViewSet, "person-role"),
    ("person-aliases", PersonAliasViewSet, "person-alias"),
    ("areas", AreaViewSet, "area"),
    ("demands", DemandViewSet, "demand"),
    ("demand-events", DemandEventViewSet, "demand-event"),
    ("outcomes", OutcomeViewSet, "outcome"),
    ("outcome-progress", OutcomeProgressViewSet, "outcome-progress"),
    ("statements", StatementViewSet, "statement"),
    ("sources", SourceViewSet, "source"),
    ("citations", CitationViewSet, "citation"),
]
