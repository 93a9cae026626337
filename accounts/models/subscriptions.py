"""A reader's wish to be reminded before rounds: of one track or all, how long before, by email or signed webhook."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

DEFAULT_LEAD_MINUTES = [24 * 60, 60]
MAX_LEAD_MINUTES = 30 * 24 * 60
MAX_LEAD_TIMES = 6
MAX_SUBSCRIPTIONS = 50  # per user: enough for every track, not enough to turn reminders into a mailing cannon


def default_lead_minutes() -> list[int]:
    return list(DEFAULT_LEAD_MINUTES)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def validate_lead_minutes(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError("Give at least one lead time, in minutes before the round.")
    if len(value) > MAX_LEAD_TIMES:
        raise ValidationError(f"At most {MAX_LEAD_TIMES} lead times.")
    for minutes in value:
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_LEAD_MINUTES:
            raise ValidationError(f"{minutes!r} is not a lead time: use whole minutes from 1 to {MAX_LEAD_MINUTES}.")
    if len(set(value)) != len(value):
        raise ValidationError("Each lead time once.")


def lead_label(lead: datetime.timedelta | None) -> str:
    """10080 min -> "1 week", 2880 -> "2 days", 1440 -> "24 hours", 90 -> "90 minutes": the largest whole unit
    (days from two on: "24 hours" is how people say a day ahead)."""
    if not lead:
        return ""
    minutes = int(lead.total_seconds()) // 60
    for size, word in ((7 * 24 * 60, "week"), (24 * 60, "day"), (60, "hour"), (1, "minute")):
        if minutes % size == 0 and (word != "day" or minutes >= 2 * size):
            count = minutes // size
            return f"{count} {word}{'' if count == 1 else 's'}"
    return f"{minutes} minutes"


class SubscriptionQuerySet(models.QuerySet):
    def at_limit_for(self, user, *, besides=None) -> bool:
        others = self.filter(user=user, unsubscribed_at__isnull=True)
        if besides is not None and besides.pk:
            others = others.exclude(pk=besides.pk)
        return others.count() >= MAX_SUBSCRIPTIONS

    def active(self):
        return self.filter(unsubscribed_at__isnull=True, user__is_active=True)

    def for_track(self, track_id: int):
        """Who wants to hear about this track's rounds: its own subscribers and those of all tracks."""
        return self.active().filter(Q(track_id=track_id) | Q(track__isnull=True))


class Subscription(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        WEBHOOK = "webhook", "Signed webhook"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions")
    track = models.ForeignKey(
        "talks.Track",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        help_text="Leave empty for every track.",
    )
    lead_minutes = models.JSONField(
        default=default_lead_minutes,
        validators=[validate_lead_minutes],
        help_text="How long before each round to remind, in minutes (1440 = a day).",
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    webhook_url = models.URLField(max_length=500, blank=True)
    secret = models.CharField(max_length=64, default=new_secret, help_text="Signs webhook bodies (HMAC-SHA256).")
    unsubscribe_token = models.CharField(max_length=64, default=new_secret, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["user", "track__name", "id"]
        indexes = [models.Index(fields=["track"], name="subscription_track_idx", condition=Q(unsubscribed_at=None))]

    def __str__(self):
        where = self.track.name if self.track_id else "all tracks"
        return f"{self.user} · {where} · {self.get_channel_display()}"

    def get_absolute_url(self):
        return reverse("subscription-edit", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.unsubscribed_at is None

    @property
    def leads(self) -> list[datetime.timedelta]:
        return [datetime.timedelta(minutes=m) for m in sorted(self.lead_minutes, reverse=True)]

    @property
    def lead_labels(self) -> list[str]:
        return [lead_label(lead) for lead in self.leads]

    def unsubscribe_url(self) -> str:
        return settings.SITE_URL + reverse("subscription-unsubscribe", kwargs={"token": self.unsubscribe_token})

    def clean(self):
        if self.channel == self.Channel.WEBHOOK and not self.webhook_url:
            raise ValidationError({"webhook_url": "A webhook subscription needs the URL to post to."})
        if self.channel == self.Channel.EMAIL and self.user_id and not self.user.email:
            raise ValidationError({"channel": "Your account has no email address: add one first or use a webhook."})
        if self.channel == self.Channel.EMAIL:
            self.webhook_url = ""

    def unsubscribe(self) -> None:
        self.unsubscribed_at = timezone.now()
        self.save(update_fields=["unsubscribed_at"])

    def rotate_secret(self) -> None:
        self.secret = new_secret()
        self.save(update_fields=["secret"])
