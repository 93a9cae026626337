"""A serializer's shape as specs the row reader follows: keys in order, columns, links, nested reads."""

from dataclasses import dataclass, field
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from rest_framework import serializers
from rest_framework.fields import SerializerMethodField

from talks.api.links import RelatedLink
from talks.api.serializers.base import RecordLink
from talks.api.visibility import hides_drafts, visible_rows

# Fields whose value is the column's own (DRF's formatting of a database value changes nothing, and orjson writes
# dates as DRF does). A subclass that formats values itself is not among them.
PLAIN = (
    serializers.BooleanField,
    serializers.CharField,
    serializers.ChoiceField,
    serializers.IntegerField,
    serializers.BigIntegerField,
    serializers.FloatField,
    serializers.DateField,
    serializers.JSONField,
    serializers.PrimaryKeyRelatedField,
)
# Fields whose value DRF formats (orjson has no form for decimals and durations); each value goes through the field.
FORMATTED = (serializers.DecimalField, serializers.DurationField, serializers.TimeField)


class Unplannable(Exception):
    """The serializer has a field rows cannot answer; DRF serializes it."""


def _is(fld, bases) -> bool:
    return any(isinstance(fld, base) and type(fld).to_representation is base.to_representation for base in bases)


def concrete_names(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


@dataclass
class Spec:
    key: str
    kind: str  # col, dt, fmt, url, fk_url, many, m2m, one, attr, hook
    attname: str = ""
    view_name: str = ""
    queryset: object = None
    column: str = ""
    value_of: str = ""
    child: "Node | None" = None
    call: object = None
    generic: tuple[str, str] = ()  # a generic relation's content type field and the kind of record it is of


@dataclass
class Node:
    model: type
    names: list[str]
    specs: list[Spec] = field(default_factory=list)


@cache
def plan_for(serializer_class, include: frozenset, drafts: bool) -> Node | None:
    """The shape of `serializer_class` with these includes, for readers who see drafts or not; None: use DRF."""
    try:
        serializer = serializer_class(context={"include": set(include), "drafts": drafts})
        return plan(serializer, serializer_class.Meta.model, drafts)
    except Unplannable:
        return None


def plan(serializer, model, drafts: bool) -> Node:
    node = Node(model, concrete_names(model))
    hooks = getattr(type(serializer), "row_hooks", {})
    for key, fld in serializer.fields.items():
        if fld.write_only:
            continue
        node.specs.append(_spec(key, fld, model, drafts, hooks))
    return node


def _spec(key, fld, model, drafts, hooks) -> Spec:
    if key in hooks:
        return Spec(key, "hook", call=hooks[key])
    if isinstance(fld, RecordLink):
        return Spec(key, "url", view_name=fld.view_name)
    if isinstance(fld, RelatedLink):
        return Spec(key, "fk_url", attname=fld.source, view_name=f"api:{fld.basename}-detail")
    if isinstance(fld, serializers.ListSerializer):
        return _many(key, fld, model, drafts)
    if isinstance(fld, serializers.ManyRelatedField):
        return _m2m(key, fld, model)
    if isinstance(fld, serializers.BaseSerializer):  # one nested record through a foreign key
        relation = model._meta.get_field(fld.source)
        related = relation.related_model
        child = plan(fld, related, drafts)
        return Spec(key, "one", attname=relation.attname, queryset=related._default_manager.all(), child=child)
    if isinstance(fld, SerializerMethodField) or len(fld.source_attrs) > 2 or fld.source == "*":
        raise Unplannable(f"{model.__name__}.{key}")
    if len(fld.source_attrs) == 2:  # person.name
        relation = model._meta.get_field(fld.source_attrs[0])
        if not _is(fld, PLAIN) or not relation.many_to_one:
            raise Unplannable(f"{model.__name__}.{key}")
        queryset = relation.related_model._default_manager.all()
        return Spec(key, "attr", attname=relation.attname, queryset=queryset, value_of=fld.source_attrs[1])
    column = _column(model, fld.source)
    if column is None:
        raise Unplannable(f"{model.__name__}.{key}")
    if _is(fld, (serializers.DateTimeField,)):
        return Spec(key, "dt", attname=column, call=fld.to_representation)
    if _is(fld, FORMATTED):
        return Spec(key, "fmt", attname=column, call=fld.to_representation)
    if _is(fld, PLAIN) and not getattr(fld, "coerce_to_string", False):
        return Spec(key, "col", attname=column)
    raise Unplannable(f"{model.__name__}.{key}")


def _column(model, name: str) -> str | None:
    try:
        found = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - any lookup failure means "not a column"
        return None
    return found.attname if found.concrete and not found.many_to_many else None


def _many(key, fld, model, drafts) -> Spec:
    relation = model._meta.get_field(fld.source)
    related = relation.related_model
    queryset = related._default_manager.all()
    if not relation.concrete and hides_drafts(related):
        queryset = visible_rows(queryset, drafts=drafts)
    if relation.one_to_many and hasattr(relation, "field"):
        column = relation.field.attname
    elif getattr(relation, "content_type_field_name", None):  # a generic relation: the citations of one kind of fact
        column = relation.object_id_field_name
        generic = (relation.content_type_field_name, model._meta.label_lower)
        child = plan(fld.child, related, drafts)
        return Spec(key, "many", queryset=queryset, column=column, child=child, generic=generic)
    else:
        raise Unplannable(f"{model.__name__}.{key}")
    return Spec(key, "many", queryset=queryset, column=column, child=plan(fld.child, related, drafts))


def _m2m(key, fld, model) -> Spec:
    relation = model._meta.get_field(fld.source)
    if not relation.many_to_many or not relation.concrete:
        raise Unplannable(f"{model.__name__}.{key}")
    through = relation.remote_field.through
    source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    ordering = [
        f"-{target}__{term[1:]}" if term.startswith("-") else f"{target}__{term}"
        for term in relation.related_model._meta.ordering
    ]
    queryset = through._default_manager.order_by(*ordering)
    return Spec(key, "m2m", queryset=queryset, column=f"{source}_id", value_of=f"{target}_id")


def reads(spec: Spec) -> tuple[QuerySet, str, tuple[str, ...]]:
    """What a spec that fetches reads: the rows of a queryset whose column is among some ids, as these values."""
    if spec.kind == "many":
        queryset = spec.queryset
        if spec.generic:  # of this kind of record; looked up per read, as content type ids differ between databases
            type_field, label = spec.generic
            queryset = queryset.filter(**{type_field: ContentType.objects.get_by_natural_key(*label.split("."))})
        return queryset, spec.column, tuple(spec.child.names)
    if spec.kind == "m2m":
        return spec.queryset, spec.column, (spec.column, spec.value_of)
    if spec.kind == "attr":
        return spec.queryset, "id", ("id", spec.value_of)
    return spec.queryset, "id", tuple(spec.child.names)


FETCHED = ("hook", "many", "m2m", "one", "attr")  # the kinds of spec that read rows
