"""Logging a whole round in one request: the meeting and every part of it, saved together or not at all.

Each item is checked by the same serializer (and so the same `full_clean()`) as when it is written alone; the
errors name the path to the item (`delegations[1].members[0].person`), and one bad item rolls back everything.
"""

from django.db import transaction
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from talks.api.serializers import meetings, outcomes, positions, sources, statements
from talks.models import Source

# payload key -> (serializer, parent field, nested keys)
PARTS = {
    "sessions": (meetings.MeetingSessionSerializer, "meeting", {}),
    "agenda": (meetings.AgendaItemSerializer, "meeting", {}),
    "delegations": (
        meetings.DelegationSerializer,
        "meeting",
        {"members": (meetings.DelegationMemberSerializer, "delegation", {})},
    ),
    "absences": (meetings.AbsenceSerializer, "meeting", {}),
    "outcomes": (
        outcomes.OutcomeSerializer,
        "meeting",
        {"implementation": (outcomes.OutcomeProgressSerializer, "outcome", {})},
    ),
    "statements": (statements.StatementSerializer, "meeting", {}),
    "demand_events": (positions.DemandEventSerializer, "meeting", {}),
}
CITED = {"talks.meeting", "talks.absence", "talks.outcome", "talks.outcomeprogress", "talks.statement"}
CITED |= {"talks.demand", "talks.demandevent"}


class RoundLog:
    def __init__(self, context):
        self.context = {**context, "include": set()}
        self.errors: dict = {}

    def fail(self, path: str, detail) -> None:
        self.errors[path] = detail

    def save(self, serializer_class, data, path: str, **parent):
        if not isinstance(data, dict):
            self.fail(path, ["Give an object."])
            return None
        serializer = serializer_class(data={**data, **parent}, context=self.context)
        if not serializer.is_valid():
            self.fail(path, serializer.errors)
            return None
        record = serializer.save()
        self.cite(record, data.get("citations", []), f"{path}.citations")
        return record

    def items(self, data, key: str, path: str) -> list:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.fail(f"{path}{key}", ["Give a list."])
            return []
        return value

    def parts(self, record, data: dict, spec: dict, path: str) -> None:
        for key, (serializer_class, parent_field, nested) in spec.items():
            for index, item in enumerate(self.items(data, key, path)):
                item_path = f"{path}{key}[{index}]"
                child = self.save(serializer_class, item, item_path, **{parent_field: record.pk})
                if child is not None and nested:
                    self.parts(child, item, nested, f"{item_path}.")

    def source_id(self, value, path: str):
        if not isinstance(value, dict):
            return value
        existing = Source.objects.filter(url=value.get("link")).first() if value.get("link") else None
        if existing:
            return existing.pk
        source = self.save(sources.SourceSerializer, value, path)
        return source.pk if source else None

    def cite(self, record, citations, path: str) -> None:
        label = record._meta.label_lower
        if label not in CITED:
            return
        if not isinstance(citations, list):
            self.fail(path, ["Give a list."])
            return
        for index, citation in enumerate(citations):
            item_path = f"{path}[{index}]"
            if not isinstance(citation, dict):
                self.fail(item_path, ["Give an object."])
                continue
            source = self.source_id(citation.get("source"), f"{item_path}.source")
            data = {**citation, "source": source, "fact_type": label, "fact_id": record.pk}
            self.save(sources.CitationSerializer, data, item_path)

    def demands(self, meeting, data: dict) -> None:
        for index, item in enumerate(self.items(data, "demands", "")):
            path = f"demands[{index}]"
            demand = self.save(positions.DemandSerializer, {"track": meeting.track_id, **item}, path)
            if demand is None:
                continue
            for event_index, event in enumerate(self.items(item, "events", f"{path}.")):
                event_path = f"{path}.events[{event_index}]"
                event = {"meeting": meeting.pk, **event} if isinstance(event, dict) else event
                self.save(positions.DemandEventSerializer, event, event_path, demand=demand.pk)


@transaction.atomic
def round_log(*, data, context):
    """Create a round from one payload; raises ValidationError (and rolls back) if any part is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("meeting"), dict):
        raise ValidationError({"meeting": ["Give the round as an object under 'meeting'."]})
    log = RoundLog(context)
    meeting = log.save(meetings.MeetingSerializer, data["meeting"], "meeting")
    if meeting is None:
        raise ValidationError(log.errors)
    log.cite(meeting, data.get("citations", []), "citations")
    log.parts(meeting, data, PARTS, "")
    log.demands(meeting, data)
    if log.errors:
        raise ValidationError(log.errors)
    return meeting


class RoundLogRequestSerializer(serializers.Serializer):
    """What the schema shows: the meeting, its parts, and citations (a source id or a new source) on each."""

    meeting = meetings.MeetingSerializer()
    citations = sources.CitationSerializer(many=True, required=False)
    sessions = meetings.MeetingSessionSerializer(many=True, required=False)
    agenda = meetings.AgendaItemSerializer(many=True, required=False)
    delegations = meetings.DelegationSerializer(many=True, required=False)
    absences = meetings.AbsenceSerializer(many=True, required=False)
    demands = positions.DemandSerializer(many=True, required=False)
    demand_events = positions.DemandEventSerializer(many=True, required=False)
    outcomes = outcomes.OutcomeSerializer(many=True, required=False)
    statements = statements.StatementSerializer(many=True, required=False)
