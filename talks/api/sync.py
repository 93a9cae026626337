"""The deletions feed: what left the reader's view since their last sync (deleted, or withdrawn to draft)."""

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, serializers

from talks.api.filtering import RecordFilterSet
from talks.api.pagination import RecordCursorPagination
from talks.api.viewsets import ApiConventions
from talks.models import Tombstone
from talks.permissions import can_see_drafts


class TombstoneSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="model", help_text="The record's kind, e.g. talks.meeting.")
    id = serializers.IntegerField(source="object_id", help_text="The id the record had.")

    class Meta:
        model = Tombstone
        fields = ["type", "id", "removed_at", "reason"]


class TombstoneFilter(RecordFilterSet):
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="removed_at", lookup_expr="gte", help_text="Removed at or after this moment (your last sync)."
    )
    type = django_filters.CharFilter(field_name="model", help_text="Only this kind, e.g. talks.meeting.")

    class Meta:
        model = Tombstone
        fields = []


class TombstonePagination(RecordCursorPagination):
    ordering = ("removed_at", "id")

    def get_ordering(self, request, queryset, view):
        return self.ordering


class DeletionsView(ApiConventions, generics.ListAPIView):
    """Records removed since `updated_since`: drop them (and their parts) from your copy.

    Editors see drafts, so a record withdrawn to draft stays in their view and is not listed for them.
    """

    serializer_class = TombstoneSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = TombstoneFilter
    pagination_class = TombstonePagination

    def allowed_params(self):
        return {"cursor", "page_size", "format", *TombstoneFilter.base_filters}

    def get_queryset(self):
        tombstones = Tombstone.objects.all()
        if can_see_drafts(self.request.user):
            tombstones = tombstones.filter(reason=Tombstone.Reason.DELETED)
        return tombstones
