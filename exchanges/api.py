"""The API of prisoner exchanges: agreements with computed progress, stages with each side's claims."""

import django_filters
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from exchanges.models import SwapAgreement, SwapClaim, SwapQuota, SwapStage
from talks.api.filtering import IdFilter, RecordFilterSet
from talks.api.serializers.base import RecordSerializer, record_meta, self_link
from talks.api.serializers.sources import InlineCitationSerializer, citations_of
from talks.api.viewsets import RecordViewSet


class CategoryProgressSerializer(serializers.Serializer):
    category = serializers.CharField()
    agreed = serializers.IntegerField()
    released_low = serializers.IntegerField()
    released_high = serializers.IntegerField()
    percent = serializers.IntegerField()
    disputed = serializers.BooleanField(help_text="The sides' figures differ.")


class SideProgressSerializer(serializers.Serializer):
    party = serializers.IntegerField(source="party.pk")
    agreed = serializers.IntegerField()
    released_low = serializers.IntegerField()
    released_high = serializers.IntegerField()
    percent = serializers.IntegerField()
    categories = serializers.SerializerMethodField()

    @extend_schema_field(CategoryProgressSerializer(many=True))
    def get_categories(self, side):
        return CategoryProgressSerializer(list(side.categories.values()), many=True).data


class SwapQuotaSerializer(RecordSerializer):
    url = self_link("swap-quota")
    Meta = record_meta(SwapQuota)


class SwapClaimSerializer(RecordSerializer):
    url = self_link("swap-claim")
    Meta = record_meta(SwapClaim)


class SwapStageSerializer(RecordSerializer):
    url = self_link("swap-stage")
    claims = SwapClaimSerializer(many=True, read_only=True)
    citations = InlineCitationSerializer(many=True, read_only=True)
    includable = {"citations": citations_of()}
    Meta = record_meta(SwapStage)


class InlineSwapStageSerializer(SwapStageSerializer):
    includable = {}


class SwapAgreementSerializer(RecordSerializer):
    url = self_link("swap-agreement")
    quotas = SwapQuotaSerializer(many=True, read_only=True)
    progress = serializers.SerializerMethodField(help_text="Released against agreed, per side, from the stages.")
    stages = serializers.SerializerMethodField(help_text="Its tranches, each with the sides' own figures.")
    citations = InlineCitationSerializer(many=True, read_only=True)
    includable = {"stages": citations_of("stages"), "citations": citations_of()}
    Meta = record_meta(SwapAgreement)

    @extend_schema_field(InlineSwapStageSerializer(many=True))
    def get_stages(self, agreement):
        # Every stage is prefetched for progress(); only those the reader may see are shown.
        drafts = self.context.get("drafts")
        stages = [s for s in agreement.stages.all() if s.deleted_at is None and (drafts or s.is_published)]
        return InlineSwapStageSerializer(stages, many=True, context=self.context).data

    @extend_schema_field(SideProgressSerializer(many=True))
    def get_progress(self, agreement):
        return SideProgressSerializer(agreement.progress(), many=True).data


def either_side(queryset, name, value):
    return queryset.filter(Q(side_a=value) | Q(side_b=value))


class SwapAgreementFilter(RecordFilterSet):
    meeting = IdFilter()
    status = django_filters.ChoiceFilter(choices=SwapAgreement.Status.choices)
    party = IdFilter(method=either_side, help_text="Either side.")

    class Meta:
        model = SwapAgreement
        fields = []


class SwapStageFilter(RecordFilterSet):
    agreement = IdFilter()
    status = django_filters.ChoiceFilter(choices=SwapStage.Status.choices)
    party = IdFilter(method=either_side, help_text="Either side.")
    held_after = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    held_before = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = SwapStage
        fields = []


class SwapQuotaFilter(RecordFilterSet):
    agreement = IdFilter()

    class Meta:
        model = SwapQuota
        fields = []


class SwapClaimFilter(RecordFilterSet):
    stage = IdFilter()
    claimant = IdFilter()

    class Meta:
        model = SwapClaim
        fields = []


class SwapAgreementViewSet(RecordViewSet):
    # progress() reads both sides, the quotas and the stages' claims: prefetched, so a page costs the same.
    queryset = SwapAgreement.objects.select_related("side_a", "side_b").prefetch_related(
        "mediators", "quotas", "stages__claims"
    )
    serializer_class = SwapAgreementSerializer
    filterset_class = SwapAgreementFilter
    search_fields = ("formula", "note")


class SwapStageViewSet(RecordViewSet):
    queryset = SwapStage.objects.prefetch_related("claims")
    serializer_class = SwapStageSerializer
    filterset_class = SwapStageFilter
    search_fields = ("handover_place", "note")


class SwapQuotaViewSet(RecordViewSet):
    queryset = SwapQuota.objects.all()
    serializer_class = SwapQuotaSerializer
    filterset_class = SwapQuotaFilter


class SwapClaimViewSet(RecordViewSet):
    queryset = SwapClaim.objects.all()
    serializer_class = SwapClaimSerializer
    filterset_class = SwapClaimFilter


ROUTES = [
    ("swap-agreements", SwapAgreementViewSet, "swap-agreement"),
    ("swap-stages", SwapStageViewSet, "swap-stage"),
    ("swap-quotas", SwapQuotaViewSet, "swap-quota"),
    ("swap-claims", SwapClaimViewSet, "swap-claim"),
]
