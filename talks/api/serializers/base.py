"""What every serializer of the record shares: a link to itself, optional inlined parts, and the model's own
validation (`full_clean()`), so the API accepts exactly what the admin accepts."""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied

from talks.api.errors import as_drf_detail
from talks.api.links import related_links
from talks.models import Publication
from talks.models.base import Publishable
from talks.permissions import can_publish

RECORD_READ_ONLY = ("id", "url", "created_at", "updated_at", "published_at")


def model_instance(model, instance, attrs: dict):
    """The row as it would be saved, for full_clean(); many-to-many values wait until after the save."""
    plain = {name: value for name, value in attrs.items() if not model._meta.get_field(name).many_to_many}
    if instance is None:
        return model(**plain)
    candidate = copy.copy(instance)
    for name, value in plain.items():
        setattr(candidate, name, value)
    return candidate


def full_clean(model, instance, attrs: dict, exclude=()) -> None:
    try:
        model_instance(model, instance, attrs).full_clean(exclude=list(exclude))
    except DjangoValidationError as error:
        raise serializers.ValidationError(as_drf_detail(error)) from None


class RecordSerializer(serializers.ModelSerializer):
    # name -> prefetch lookups; the field is declared on the class and dropped unless the client asks for it.
    includable: dict[str, tuple[str, ...]] = {}
    # Fields the model checks but this serializer sets itself (the parent of a nested row, say).
    clean_exclude: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        include = self.context.get("include")
        if include is not None:
            for name in self.includable:
                if name not in include:
                    self.fields.pop(name, None)

    def get_fields(self):
        fields = super().get_fields()
        fields.update(related_links(self.Meta.model, list(fields)))
        return fields

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        if issubclass(model, Publishable):
            self._check_publication(attrs)
        full_clean(model, self.instance, attrs, self.clean_exclude)
        return attrs

    def _check_publication(self, attrs) -> None:
        publishing = attrs.get("publication") == Publication.PUBLISHED
        already = self.instance is not None and self.instance.publication == Publication.PUBLISHED
        if publishing and not already:
            request = self.context.get("request")
            if not can_publish(request.user if request else None):
                raise PermissionDenied("Publishing is for editors who may publish.")
            attrs["published_at"] = timezone.now()


def record_meta(model, *, exclude=(), read_only=RECORD_READ_ONLY):
    """The Meta of a plain serializer of `model`: every field but the internal ones."""
    exclude = [*exclude, "deleted_at"] if issubclass(model, Publishable) else list(exclude)
    names = {f.name for f in model._meta.get_fields()}
    attrs = {"model": model, "read_only_fields": [name for name in read_only if name in names]}
    attrs.update({"exclude": exclude} if exclude else {"fields": "__all__"})
    return type("Meta", (), attrs)


LINK_PLACEHOLDER = 987654321987654321  # an id no table reaches; its digits mark where a row's id goes


class RecordLink(serializers.HyperlinkedIdentityField):
    """The record's stable address, the same whatever format (?format=csv) it was read in.

    A page inlines thousands of links; resolving the route and building the absolute address once per kind of
    record and request, then putting each id in, gives the same string as reverse() + build_absolute_uri() per row.
    """

    def get_url(self, obj, view_name, request, format):
        head, tail = self._parts(view_name, request)
        return f"{head}{obj.pk}{tail}"

    def _parts(self, view_name, request) -> tuple[str, str]:
        cache = getattr(request, "_record_links", None) if request is not None else None
        if cache is None:
            cache = {}
            if request is not None:
                request._record_links = cache
        parts = cache.get(view_name)
        if parts is None:
            path = reverse(view_name, kwargs={"pk": LINK_PLACEHOLDER})
            url = request.build_absolute_uri(path) if request else path
            head, _, tail = url.rpartition(str(LINK_PLACEHOLDER))
            parts = cache[view_name] = (head, tail)
        return parts


def self_link(basename: str) -> RecordLink:
    return RecordLink(view_name=f"api:{basename}-detail")
