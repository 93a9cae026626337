"""Which API route shows each kind of record, so a record links to the records it names (`track_url`, ...).

config.api_v1 registers the routes of every app; talks cannot import the apps above it, so they tell it here.
"""

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

BASENAMES: dict[str, str] = {}


def register(routes) -> None:
    for _, viewset, basename in routes:
        BASENAMES[viewset.queryset.model._meta.label_lower] = basename


def record_url(basename: str | None, pk, request) -> str | None:
    if pk is None or basename is None:
        return None
    try:
        path = reverse(f"api:{basename}-detail", kwargs={"pk": pk})
    except NoReverseMatch:
        return None
    return request.build_absolute_uri(path) if request else path


@extend_schema_field({"type": "string", "format": "uri", "nullable": True, "readOnly": True})
class RelatedLink(serializers.Field):
    """The `url` of the record a foreign key names (null when it names none)."""

    def __init__(self, basename: str, **kwargs):
        self.basename = basename
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return record_url(self.basename, value, self.context.get("request"))


def related_links(model, field_names) -> dict[str, RelatedLink]:
    links = {}
    for name in field_names:
        field = model._meta.get_field(name) if name in {f.name for f in model._meta.get_fields()} else None
        if field is None or not (field.many_to_one or field.one_to_one) or not field.concrete:
            continue
        basename = BASENAMES.get(field.related_model._meta.label_lower)
        if basename:
            links[f"{name}_url"] = RelatedLink(basename, source=field.attname, allow_null=True)
    return links
