"""Endpoints that are not one kind of record: the one-request round log and the bulk download."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from talks.api.bulk import bulk_response
from talks.api.includes import with_includes
from talks.api.permissions import RecordPermission
from talks.api.round_log import RoundLogRequestSerializer, round_log
from talks.api.serializers.meetings import MeetingSerializer
from talks.api.viewsets import ApiConventions
from talks.models import Meeting


class RoundLogView(ApiConventions, APIView):
    """Log a whole round (meeting, sessions, agenda, delegations and members, absences, demands and their events,
    outcomes and their implementation, statements, citations) in one request that succeeds or fails as a whole."""

    permission_classes = [RecordPermission]

    def allowed_params(self):
        return set()

    @extend_schema(request=RoundLogRequestSerializer, responses={201: MeetingSerializer})
    def post(self, request):
        context = {"request": request, "view": self, "format": None}
        meeting = round_log(data=request.data, context=context)
        include = set(MeetingSerializer.includable)
        lookups = [lookup for name in include for lookup in MeetingSerializer.includable[name]]
        meeting = with_includes(Meeting.objects.filter(pk=meeting.pk), lookups, request.user).get()
        data = MeetingSerializer(meeting, context={**context, "include": include, "drafts": True}).data
        return Response(data, status=status.HTTP_201_CREATED)


class BulkDownloadView(ApiConventions, APIView):
    """The whole published record: a ZIP with one CSV per table and data_dictionary.csv, streamed."""

    tables: list = []

    def allowed_params(self):
        return set()

    @extend_schema(responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY)})
    def get(self, request):
        return bulk_response(self.tables)
