from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from talks.api.links import BASENAMES, record_url
from talks.api.serializers.base import RecordSerializer, self_link
from talks.api.visibility import citable_models
from talks.models import Citation, Source


class SourceSerializer(RecordSerializer):
    url = self_link("source")
    link = serializers.URLField(
        source="url", max_length=1000, allow_blank=True, required=False, help_text="The report's own address."
    )

    class Meta:
        model = Source
        fields = ["id", "url", "outlet", "title", "link", "kind", "language", "published_at", "accessed_at"]
        fields += ["created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


def fact_labels() -> list[str]:
    return sorted(model._meta.label_lower for model in citable_models())


class FactTypeField(serializers.ChoiceField):
    """The kind of fact a citation backs, as `app_label.model_name` (e.g. `talks.meeting`)."""

    def __init__(self, **kwargs):
        super().__init__(choices=fact_labels(), **kwargs)

    def to_representation(self, value):
        return ContentType.objects.get_for_id(value).model_class()._meta.label_lower

    def to_internal_value(self, data):
        label = super().to_internal_value(data)
        return ContentType.objects.get_for_model(apps.get_model(label)).pk


class CitationSerializer(RecordSerializer):
    url = self_link("citation")
    fact_type = FactTypeField(source="content_type_id")
    fact_id = serializers.IntegerField(source="object_id", min_value=1, max_value=2**63 - 1)
    fact_url = serializers.SerializerMethodField(help_text="The cited fact's own address.")

    class Meta:
        model = Citation
        exclude = ["content_type", "object_id"]
        read_only_fields = ["created_at", "updated_at"]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_fact_url(self, citation):
        label = ContentType.objects.get_for_id(citation.content_type_id).model_class()._meta.label_lower
        return record_url(BASENAMES.get(label), citation.object_id, self.context.get("request"))

    def validate(self, attrs):
        content_type_id = attrs.get("content_type_id", self.instance and self.instance.content_type_id)
        object_id = attrs.get("object_id", self.instance and self.instance.object_id)
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if not model._base_manager.filter(pk=object_id).exists():
            raise serializers.ValidationError({"fact_id": [f"No {model._meta.verbose_name} with id {object_id}."]})
        return super().validate(attrs)


class InlineCitationSerializer(serializers.ModelSerializer):
    """A citation inside the fact it backs, with its source spelled out."""

    source = SourceSerializer(read_only=True)
    via = SourceSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Citation
        fields = ["id", "source", "via", "attribution", "stance", "claim", "excerpt"]


def citations_of(prefix: str = "") -> tuple[str, ...]:
    """The prefetches that inline citations with their sources, under `prefix`."""
    start = f"{prefix}__" if prefix else ""
    return (f"{start}citations__source", f"{start}citations__via")
