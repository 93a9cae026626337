"""What every record of the negotiation has: timestamps, history, and for public records a publication state."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from talks.permissions import can_see_drafts


class Recorded(models.Model):
    """Timestamps and a field-level change history (who, when, what) for every record."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class Publication(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class PublishableQuerySet(models.QuerySet):
    def live(self):
        """Not deleted: soft-deleted records leave every view but stay in history and the deletions feed."""
        return self.filter(deleted_at__isnull=True)

    def published(self):
        return self.live().filter(publication=Publication.PUBLISHED)

    def visible_to(self, user):
        """The one rule for drafts: editors see them, everyone else sees published records only."""
        return self.live() if can_see_drafts(user) else self.published()


class Publishable(Recorded):
    publication = models.CharField(max_length=10, choices=Publication.choices, default=Publication.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.PUBLISHED and self.deleted_at is None

    def publish(self) -> None:
        self.publication = Publication.PUBLISHED
        self.published_at = self.published_at or timezone.now()
        self.save(update_fields=["publication", "published_at", "updated_at"])

    def soft_delete(self) -> None:
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at", "updated_at"])


class Citable(models.Model):
    """A fact that sources back: each citation names a source, how it was attributed and an excerpt."""

    citations = GenericRelation("talks.Citation")

    class Meta:
        abstract = True

    @property
    def is_disputed(self) -> bool:
        """Sources disagree when one contradicts the fact or they give different versions of it."""
        citations = list(self.citations.all())
        claims = {c.claim for c in citations if c.claim}
        return any(c.stance == "contradicts" for c in citations) or len(claims) > 1
