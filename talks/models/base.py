"""What every record of the negotiation has: timestamps, history, and for public records a publication state."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from talks.models.tombstones import Tombstone
from talks.permissions import can_see_drafts

TIMESTAMPS = ("created_at", "updated_at")


class Recorded(models.Model):
    """Timestamps and a field-level change history (who, when, what) for every record.

    `updated_at` moves only on a real change, so clients syncing with `updated_since` fetch only what changed:
    a save that changes nothing writes nothing, and a change to a child row (a delegation of a round) or to a
    many-to-many link moves its parent's `updated_at` too.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(inherit=True)

    # The foreign key naming the record this row is part of (a delegation's meeting), if any.
    parent_field: str | None = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.has_changes(kwargs.get("update_fields")):
            return
        super().save(*args, **kwargs)
        self._loaded = self._values()
        self.touch_parent()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded = dict(zip(field_names, values, strict=True))
        return instance

    def _values(self) -> dict:
        return {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields if f.attname in self.__dict__}

    def has_changes(self, fields=None) -> bool:
        loaded = getattr(self, "_loaded", None)
        if self._state.adding or loaded is None:
            return True
        names = [self._meta.get_field(name).attname for name in fields] if fields else list(loaded)
        return any(
            name not in TIMESTAMPS and name in loaded and loaded[name] != getattr(self, name, loaded[name])
            for name in names
        )

    def touch(self) -> None:
        """Move updated_at without a new version: a part of this record or one of its links changed."""
        self.updated_at = timezone.now()
        type(self)._base_manager.filter(pk=self.pk).update(updated_at=self.updated_at)
        if hasattr(self, "_loaded"):
            self._loaded["updated_at"] = self.updated_at
        self.touch_parent()

    def parent_record(self):
        return getattr(self, self.parent_field) if self.parent_field else None

    def touch_parent(self) -> None:
        try:
            parent = self.parent_record()
        except models.ObjectDoesNotExist:  # the parent is going in the same cascade
            return
        if parent is not None and parent.pk:
            parent.touch()


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

    def save(self, *args, **kwargs):
        was_visible = self._was_visible()
        super().save(*args, **kwargs)
        if was_visible and not self.is_published:
            reason = Tombstone.Reason.DELETED if self.deleted_at else Tombstone.Reason.UNPUBLISHED
            Tombstone.record(self, reason)
        elif self.is_published and not was_visible:
            Tombstone.forget(self)

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.PUBLISHED and self.deleted_at is None

    def _was_visible(self) -> bool:
        loaded = getattr(self, "_loaded", None)
        if self._state.adding or loaded is None:
            return False
        return loaded.get("publication") == Publication.PUBLISHED and loaded.get("deleted_at") is None

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
