"""`include=` (alias `expand=`): inline related records, fetched with a fixed number of queries whatever the rows."""

from django.db.models import Prefetch
from rest_framework.exceptions import ValidationError

from talks.api.visibility import hides_drafts, visible

PARAMS = ("include", "expand")


def requested(request, allowed) -> set[str]:
    names = set()
    for param in PARAMS:
        for value in request.query_params.getlist(param):
            names.update(name.strip() for name in value.split(",") if name.strip())
    unknown = names - set(allowed)
    if unknown:
        choices = ", ".join(sorted(allowed)) or "nothing"
        raise ValidationError({"include": [f"Cannot include {', '.join(sorted(unknown))}; choose from {choices}."]})
    return names


def _visible_prefetch(model, lookup: str, path: str, user):
    """A Prefetch keeping drafts (and rows tied to drafts) away from readers who may not see them."""
    field = model._meta.get_field(lookup)
    related = field.related_model
    if field.concrete or not hides_drafts(related):
        return None
    return Prefetch(path, queryset=visible(related._default_manager.all(), user))


def with_includes(queryset, lookups, user):
    # A relation the view already prefetches whole stays whole (the serializer filters it, e.g. swap stages).
    prefetches, seen = [], set()
    for lookup in queryset._prefetch_related_lookups:
        parts = getattr(lookup, "prefetch_to", lookup).split("__")
        seen.update("__".join(parts[: i + 1]) for i in range(len(parts)))
    for lookup in lookups:
        model, path = queryset.model, []
        for part in lookup.split("__"):
            path.append(part)
            prefix = "__".join(path)
            if prefix not in seen:
                seen.add(prefix)
                prefetches.append(_visible_prefetch(model, part, prefix, user) or prefix)
            model = model._meta.get_field(part).related_model
    return queryset.prefetch_related(*prefetches)
