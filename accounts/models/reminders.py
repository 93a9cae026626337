"""One message owed to one person: a reminder before a round, a notice that it was called off, or an editor nudge.

Rows are the queue: the dispatcher finds due rows by an indexed query and claims them, a Celery task delivers one,
and the row records what happened (sent at, attempts, last error, or why it was skipped).
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q


class Reminder(models.Model):
    class Kind(models.TextChoices):
        REMINDER = "reminder", "Reminder before a round"
        CANCELLED = "cancelled", "Notice: round cancelled"
        POSTPONED = "postponed", "Notice: round postponed"
        NUDGE_ROUND = "nudge_round", "Nudge: round passed, outcome not logged"
        NUDGE_SWAP = "nudge_swap", "Nudge: swap date passed, no stage recorded"

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        QUEUED = "queued", "Queued for a worker"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped"

    ACTIVE = (State.PENDING, State.QUEUED, State.SENDING)
    NOTICES = (Kind.CANCELLED, Kind.POSTPONED)
    NUDGES = (Kind.NUDGE_ROUND, Kind.NUDGE_SWAP)

    key = models.CharField(max_length=200, unique=True, help_text="Planning makes each message once under this key.")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    subscription = models.ForeignKey(
        "accounts.Subscription", null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    meeting = models.ForeignKey("talks.Meeting", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    swap_agreement = models.ForeignKey(
        "exchanges.SwapAgreement", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    round_start = models.DateTimeField(null=True, blank=True, help_text="The start this message was planned for.")
    lead = models.DurationField(null=True, blank=True)
    due_at = models.DateTimeField()
    next_attempt_at = models.DateTimeField(help_text="When the dispatcher next looks at the row (due, retry, lease).")
    claimed_by = models.CharField(max_length=64, blank=True, help_text="The task delivery that holds the row.")
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    skip_reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-due_at", "-id"]
        indexes = [
            # The dispatcher's hot query (accounts.reminders.dispatch.claim_due): rows still owed whose next
            # attempt has come. Sent, failed and skipped rows pile up forever and stay out of this index.
            models.Index(
                fields=["next_attempt_at"],
                name="reminder_dispatch_idx",
                condition=Q(state__in=["pending", "queued", "sending"]),
            ),
            # Replanning a round looks up its rows by meeting and kind.
            models.Index(fields=["meeting", "kind"], name="reminder_meeting_kind_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.user} ({self.get_state_display()})"

    @property
    def delivery_id(self) -> str:
        """Stable across attempts, so a resend after a crash is recognisable as the same message by its receiver."""
        return f"{self.pk}-{hashlib.sha256(self.key.encode()).hexdigest()[:12]}"
