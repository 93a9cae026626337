from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from talks.api.rows import concrete_names
from talks.api.serializers.base import RecordSerializer, record_meta, self_link
from talks.api.serializers.outcomes import INLINE_OUTCOME_PREFETCH, InlineOutcomeSerializer
from talks.api.serializers.positions import INLINE_DEMAND_PREFETCH, InlineDemandSerializer
from talks.api.serializers.sources import InlineCitationSerializer, citations_of
from talks.api.serializers.statements import InlineStatementSerializer
from talks.models import (
    Absence,
    AgendaItem,
    Delegation,
    DelegationMember,
    Demand,
    DemandEvent,
    Meeting,
    MeetingSession,
    PersonRole,
)


class MeetingSessionSerializer(RecordSerializer):
    url = self_link("meeting-session")
    Meta = record_meta(MeetingSession)


class AgendaItemSerializer(RecordSerializer):
    url = self_link("agenda-item")
    Meta = record_meta(AgendaItem)


ROLE_FIELDS = ("person_id", "title", "started_on", "ended_on")


def titles_then(rows, members: list[dict]) -> dict[int, str]:
    """title_then from rows: the post each member held on the round's date (Person.title_at)."""
    roles: dict[int, list[dict]] = {}
    people = {member["person_id"] for member in members}
    held = rows.read("titles_then", lambda: (PersonRole.objects.all(), "person_id", ROLE_FIELDS), people)
    for role in held:
        roles.setdefault(role["person_id"], []).append(role)
    days = _round_dates(rows, {member["delegation_id"] for member in members})
    titles = {}
    for member in members:
        day = days.get(member["delegation_id"])
        held = [r for r in roles.get(member["person_id"], ()) if day and r["started_on"] <= day]
        held = [r for r in held if r["ended_on"] is None or day <= r["ended_on"]]
        titles[member["id"]] = max(held, key=lambda r: r["started_on"])["title"] if held else ""
    return titles


def _round_dates(rows, delegation_ids: set[int]) -> dict[int, object]:
    """Each delegation's round date, from the rows of this read where it has them."""
    days, missing = {}, set()
    for delegation_id in delegation_ids:
        delegation = rows.seen.get(Delegation, {}).get(delegation_id)
        meeting = rows.seen.get(Meeting, {}).get(delegation["meeting_id"]) if delegation else None
        if meeting is None:
            missing.add(delegation_id)
        else:
            days[delegation_id] = meeting["date"]
    if missing:
        days.update(Delegation.objects.filter(pk__in=missing).values_list("pk", "meeting__date"))
    return days


class DelegationMemberSerializer(RecordSerializer):
    url = self_link("delegation-member")
    person_name = serializers.CharField(source="person.name", read_only=True)
    title_then = serializers.CharField(read_only=True, help_text="The post the person held on the round's date.")
    row_hooks = {"title_then": titles_then}
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


def demands_at(rows, meetings: list[dict]) -> dict[int, list[dict]]:
    """`demands` from rows: each round's visible demands, once each, in the order of their steps at it."""

    def steps():
        return rows.visible(DemandEvent.objects.all()), "meeting_id", ("meeting_id", "demand_id")

    def demands():
        return rows.visible(Demand.objects.all()), "id", tuple(concrete_names(Demand))

    at: dict[int, dict[int, None]] = {}
    for step in rows.read("demands_at steps", steps, [meeting["id"] for meeting in meetings]):
        at.setdefault(step["meeting_id"], {})[step["demand_id"]] = None
    wanted = {demand_id for ids in at.values() for demand_id in ids}
    found = rows.read("demands_at demands", demands, wanted)
    shown = dict(zip((d["id"] for d in found), rows.serialize(InlineDemandSerializer, found), strict=True))
    return {meeting["id"]: [shown[d] for d in at.get(meeting["id"], ()) if d in shown] for meeting in meetings}


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
    row_hooks = {"demands": demands_at}
    Meta = record_meta(Meeting)

    @extend_schema_field(InlineDemandSerializer(many=True))
    def get_demands(self, meeting):
        demands = {event.demand_id: event.demand for event in meeting.demand_events.all()}
        visible = [demand for demand in demands.values() if self._visible(demand)]
        return InlineDemandSerializer(visible, many=True, context=self.context).data

    def _visible(self, record) -> bool:
        return record.deleted_at is None and (self.context.get("drafts") or record.is_published)
