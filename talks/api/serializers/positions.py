from talks.api.serializers.base import RecordSerializer, record_meta, self_link
from talks.api.serializers.sources import InlineCitationSerializer, citations_of
from talks.models import Demand, DemandEvent


class DemandEventSerializer(RecordSerializer):
    url = self_link("demand-event")
    citations = InlineCitationSerializer(many=True, read_only=True)
    includable = {"citations": citations_of()}
    Meta = record_meta(DemandEvent)


class InlineDemandEventSerializer(DemandEventSerializer):
    """An event inside its demand: always with its citations."""

    includable = {}


class DemandSerializer(RecordSerializer):
    url = self_link("demand")
    events = InlineDemandEventSerializer(many=True, read_only=True)
    citations = InlineCitationSerializer(many=True, read_only=True)
    includable = {"events": ("events", *citations_of("events")), "citations": citations_of()}
    Meta = record_meta(Demand)


class InlineDemandSerializer(DemandSerializer):
    includable = {}


INLINE_DEMAND_PREFETCH = ("areas", "events", *citations_of("events"), *citations_of())
