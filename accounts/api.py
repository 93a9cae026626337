"""The API for a user's own reminder subscriptions: /api/v1/subscriptions/."""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.models import Subscription
from accounts.models.subscriptions import MAX_LEAD_MINUTES, MAX_LEAD_TIMES, MAX_SUBSCRIPTIONS
from accounts.reminders.planning import subscription_replan
from talks.models import Track


class SubscriptionSerializer(serializers.ModelSerializer):
    track = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Track.objects.published(),
        allow_null=True,
        required=False,
        help_text="The track's slug; null for every track.",
    )
    lead_minutes = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_LEAD_MINUTES),
        allow_empty=False,
        max_length=MAX_LEAD_TIMES,
        required=False,
        help_text="Minutes before each round; default [1440, 60].",
    )
    unsubscribe_url = serializers.SerializerMethodField()

    class Meta:
        model = Subscription
        fields = ["id", "track", "channel", "lead_minutes", "webhook_url", "secret", "created_at", "unsubscribe_url"]
        read_only_fields = ["secret", "created_at"]

    def get_unsubscribe_url(self, subscription) -> str:
        return subscription.unsubscribe_url()

    def validate_lead_minutes(self, value):
        if len(set(value)) != len(value):
            raise serializers.ValidationError("Each lead time once.")
        return sorted(value, reverse=True)

    def validate(self, attrs):
        if Subscription.objects.at_limit_for(self.context["request"].user, besides=self.instance):
            raise serializers.ValidationError({"non_field_errors": [f"At most {MAX_SUBSCRIPTIONS} subscriptions."]})
        channel = attrs.get("channel", getattr(self.instance, "channel", Subscription.Channel.EMAIL))
        url = attrs.get("webhook_url", getattr(self.instance, "webhook_url", ""))
        if channel == Subscription.Channel.WEBHOOK and not url:
            raise serializers.ValidationError({"webhook_url": "A webhook subscription needs the URL to post to."})
        if channel == Subscription.Channel.EMAIL:
            if not self.context["request"].user.email:
                raise serializers.ValidationError({"channel": "Your account has no email address: use a webhook."})
            attrs["webhook_url"] = ""
        return attrs


class SubscriptionViewSet(viewsets.ModelViewSet):
    """Your reminder subscriptions. DELETE unsubscribes (the delivery history stays)."""

    serializer_class = SubscriptionSerializer
    permission_classes = [permissions.IsAuthenticated]
    queryset = Subscription.objects.none()  # tells the schema the model; get_queryset() scopes to the user

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Subscription.objects.none()
        return (
            Subscription.objects.filter(user=self.request.user, unsubscribed_at__isnull=True)
            .select_related("track")
            .order_by("id")
        )

    def get_authenticate_header(self, request):
        # Anonymous callers are told to authenticate (401), whichever scheme the project lists first.
        return super().get_authenticate_header(request) or 'Basic realm="api"'

    @transaction.atomic
    def perform_create(self, serializer):
        subscription_replan(subscription=serializer.save(user=self.request.user))

    @transaction.atomic
    def perform_update(self, serializer):
        subscription_replan(subscription=serializer.save())

    @transaction.atomic
    def perform_destroy(self, instance):
        instance.unsubscribe()
        subscription_replan(subscription=instance)

    @extend_schema(request=None, responses=SubscriptionSerializer)
    @action(detail=True, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request, pk=None):
        subscription = self.get_object()
        subscription.rotate_secret()
        return Response(self.get_serializer(subscription).data, status=status.HTTP_200_OK)
