"""Keep `updated_at` and the tombstones true when rows are deleted or links change outside `save()`."""

from django.db.models.signals import m2m_changed, post_delete

from talks.models.base import Recorded
from talks.models.tombstones import Tombstone


def record_deletion(sender, instance, **kwargs):
    if isinstance(instance, Recorded):
        Tombstone.record(instance, Tombstone.Reason.DELETED)
        instance.touch_parent()


def touch_on_link_change(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Recorded) and instance.pk:
        instance.touch()


def connect() -> None:
    post_delete.connect(record_deletion, dispatch_uid="talks.record_deletion")
    m2m_changed.connect(touch_on_link_change, dispatch_uid="talks.touch_on_link_change")
