from talks.api.serializers.base import RecordSerializer, record_meta, self_link
from talks.api.serializers.sources import InlineCitationSerializer, citations_of
from talks.models import Outcome, OutcomeProgress


class OutcomeProgressSerializer(RecordSerializer):
    url = self_link("outcome-progress")
    citations = InlineCitationSerializer(many=True, read_only=True)
    includable = {"citations": citations_of()}
    Meta = record_meta(OutcomeProgress)


class InlineProgressSerializer(OutcomeProgressSerializer):
    includable = {}


class OutcomeSerializer(RecordSerializer):
    url = self_link("outcome")
    implementation = InlineProgressSerializer(many=True, read_only=True)
    citations = InlineCitationSerializer(many=True, read_only=True)
    includable = {"implementation": ("implementation", *citations_of("implementation")), "citations": citations_of()}
    Meta = record_meta(Outcome)


class InlineOutcomeSerializer(OutcomeSerializer):
    includable = {}


INLINE_OUTCOME_PREFETCH = ("parties", "areas", "implementation", *citations_of("implementation"), *citations_of())
