"""Tombstones: what left the public record and when, so a client that syncs can remove it too."""

from django.db import models
from django.utils import timezone


class Tombstone(models.Model):
    class Reason(models.TextChoices):
        DELETED = "deleted", "Deleted"
        UNPUBLISHED = "unpublished", "Withdrawn to draft"

    model = models.CharField(max_length=100, help_text="The record's kind as app_label.model_name.")
    object_id = models.PositiveBigIntegerField()
    removed_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=12, choices=Reason.choices, default=Reason.DELETED)

    class Meta:
        ordering = ["removed_at", "id"]
        constraints = [models.UniqueConstraint(fields=["model", "object_id"], name="tombstone_once_per_record")]
        indexes = [
            # The deletions feed pages through tombstones in this order, from a client's last sync.
            models.Index(fields=["removed_at", "id"], name="tombstone_feed_idx"),
        ]

    def __str__(self):
        return f"{self.model}#{self.object_id} {self.reason} at {self.removed_at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, instance, reason: str) -> None:
        cls.objects.update_or_create(
            model=instance._meta.label_lower,
            object_id=instance.pk,
            defaults={"removed_at": timezone.now(), "reason": reason},
        )

    @classmethod
    def forget(cls, instance) -> None:
        """The record is back (published again): a tombstone would make syncing clients drop it."""
        cls.objects.filter(model=instance._meta.label_lower, object_id=instance.pk).delete()
