"""Which rows of any kind of record a reader may see: drafts only by editors, parts of records with their record."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from talks.models.base import Citable, Publishable, Recorded
from talks.permissions import can_see_drafts

RECORD_APPS = ("talks", "exchanges")


def publishable_path(model) -> str:
    """The lookup from a row to the publishable record it is part of ('' for the record itself, None if public)."""
    path = []
    while not issubclass(model, Publishable):
        field_name = getattr(model, "parent_field", None)
        if not field_name:
            return None
        path.append(field_name)
        model = model._meta.get_field(field_name).related_model
    return "__".join(path)


def published_filter(model) -> Q:
    path = publishable_path(model)
    if path is None:
        return Q()
    prefix = f"{path}__" if path else ""
    condition = Q(**{f"{prefix}publication": "published", f"{prefix}deleted_at__isnull": True})
    # A row that points at another record (a step taken at a round) is public only once that record is, or the
    # reader would learn of a draft round through it.
    for name in getattr(model, "published_with", ()):
        condition &= Q(**{f"{name}__isnull": True}) | Q(
            **{f"{name}__publication": "published", f"{name}__deleted_at__isnull": True}
        )
    return condition


def live_filter(model) -> Q:
    path = publishable_path(model)
    if path is None:
        return Q()
    prefix = f"{path}__" if path else ""
    return Q(**{f"{prefix}deleted_at__isnull": True})


def citable_models() -> list:
    return [m for m in apps.get_models() if issubclass(m, Citable) and m._meta.app_label in RECORD_APPS]


def hides_drafts(model) -> bool:
    """Whether some rows of `model` are kept from readers: drafts, or rows tied to a draft (a step at a draft round)."""
    return model is not None and (issubclass(model, Publishable) or bool(getattr(model, "published_with", ())))


def visible_citations(queryset: QuerySet, *, drafts: bool) -> QuerySet:
    """Citations of facts the reader may see: one subquery per kind of fact, so still one query."""
    condition = Q()
    for model, content_type in ContentType.objects.get_for_models(*citable_models()).items():
        facts = model._base_manager.filter(live_filter(model) if drafts else published_filter(model))
        condition |= Q(content_type=content_type, object_id__in=facts.values("pk"))
    return queryset.filter(condition)


def visible(queryset: QuerySet, user) -> QuerySet:
    return visible_rows(queryset, drafts=can_see_drafts(user))


def visible_rows(queryset: QuerySet, *, drafts: bool) -> QuerySet:
    """`visible` for a reader who sees drafts (editors) or not."""
    model = queryset.model
    if model._meta.label_lower == "talks.citation":
        return visible_citations(queryset, drafts=drafts)
    if not issubclass(model, Recorded):
        return queryset
    return queryset.filter(live_filter(model) if drafts else published_filter(model))


def published(queryset: QuerySet) -> QuerySet:
    """The published record, as an anonymous reader sees it (the bulk download)."""
    return visible(queryset, None)
