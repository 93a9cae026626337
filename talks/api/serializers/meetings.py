from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from talks.api.serializers.base import RecordSerializer, record_meta, self_link
from talks.api.serializers.outcomes import INLINE_OUTCOME_PREFETCH, InlineOutcomeSerializer
from talks.api.serializers.positions import INLINE_DEMAND_PREFETCH, InlineDemandSerializer
from talks.api.serializers.sources import InlineCitationSerializer, citations_of
from talks.api.serializers.statements import InlineStatementSerializer
from talks.models import Absence, AgendaItem, Delegation, DelegationMember, Meeting, MeetingSession


class MeetingSessionSerializer(RecordSerializer):
    url = self_link("meeting-session")
    Meta = record_meta(MeetingSession)


class AgendaItemSerializer(RecordSerializer):
    url = self_link("agenda-item")
    Meta = record_meta(AgendaItem)


class DelegationMemberSerializer(RecordSerializer):
    url = self_link("delegation-member")
    person_name = serializers.CharField(source="person.name", read_only=True)
    title_then = serializers.CharField(read_only=True, help_text="The post the person held on the round's date.")
    Meta = record_meta(DelegationMember)


class DelegationSerializer(RecordSerializer):
    url = self_link("delegation")
    members = DelegationMemberSerializer(many=True, read_only=True)
    Meta = record_meta(Delegation)


DELEGATION_PREFETCH = ("members__person__roles",)


class AbsenceSerializer(RecordSerializer):
    url = self_link("absence")
    citations = InlineCitationSerializer(many=True, read_only=True)
    Meta = record_meta(Absence)


def under(prefix: str, lookups) -> tuple[str, ...]:
    return (prefix, *(f"{prefix}__{lookup}" for lookup in lookups))


class MeetingSerializer(RecordSerializer):
    url = self_link("meeting")
    sessions = MeetingSessionSerializer(many=True, read_only=True)
    agenda = AgendaItemSerializer(many=True, read_only=True)
    delegations = DelegationSerializer(many=True, read_only=True)
    absences = AbsenceSerializer(many=True, read_only=True)
    demands = serializers.SerializerMethodField(help_text="Positions raised or answered at this round.")
    outcomes = InlineOutcomeSerializer(many=True, read_only=True)
    statements = InlineStatementSerializer(many=True, read_only=True)
    citations = InlineCitationSerializer(many=True, read_only=True)

    includable = {
        "sessions": ("sessions",),
        "agenda": ("agenda",),
        "delegations": under("delegations", DELEGATION_PREFETCH),
        "absences": under("absences", citations_of()),
        "demands": under("demand_events__demand", INLINE_DEMAND_PREFETCH),
        "outcomes": under("outcomes", INLINE_OUTCOME_PREFETCH),
        "statements": under("statements", citations_of()),
        "citations": citations_of(),
    }
    Meta = record_meta(Meeting)

    @extend_schema_field(InlineDemandSerializer(many=True))
    def get_demands(self, meeting):
        demands = {event.demand_id: event.demand for event in meeting.demand_events.all()}
        visible = [demand for demand in demands.values() if self._visible(demand)]
        return InlineDemandSerializer(visible, many=True, context=self.context).data

    def _visible(self, record) -> bool:
        return record.deleted_at is None and (self.context.get("drafts") or record.is_published)
