from talks.api.serializers.base import RecordSerializer, record_meta, self_link
from talks.api.serializers.sources import InlineCitationSerializer, citations_of
from talks.models import Statement


class StatementSerializer(RecordSerializer):
    url = self_link("statement")
    citations = InlineCitationSerializer(many=True, read_only=True)
    includable = {"citations": citations_of()}
    Meta = record_meta(Statement)


class InlineStatementSerializer(StatementSerializer):
    includable = {}
