"""Reads built from rows: a serializer's JSON made from `.values()` rows, with no model instance per record.

A page of fifty rounds with their delegations and demands inlined holds some eight thousand records; building a
model instance and walking DRF's fields for each costs far more than the SQL. So for reads, the serializer's shape
(its keys in order, what is nested, what is a link) is worked out once per serializer, set of includes and kind of
reader; each request then runs one `.values()` query per relation, as the prefetches would, and builds plain dicts.

The output is the serializer's own, to the byte: tests/api/test_row_reads.py holds every endpoint to it. A field
this cannot follow (a method field without a row hook, a field with its own formatting) leaves the serializer to
DRF. Serializers name row hooks for their method fields in `row_hooks`: field name -> hook(rows, records) -> {id:
value}.
"""

from dataclasses import dataclass, field
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import QuerySet
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from rest_framework import serializers
from rest_framework.fields import SerializerMethodField

from talks.api.links import RelatedLink
from talks.api.serializers.base import LINK_PLACEHOLDER, RecordLink
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


def among(queryset, column: str, ids):
    """Rows whose `column` is one of `ids`. On PostgreSQL the ids go as one array parameter: a page's thousands of ids
    as `IN (%s, %s, ...)` cost more to prepare and parse than the query takes to run."""
    if connection.vendor != "postgresql":
        return queryset.filter(**{f"{column}__in": ids})
    table = queryset.model._meta.db_table
    name = queryset.model._meta.get_field(column).column
    return queryset.extra(where=[f'"{table}"."{name}" = ANY(%s)'], params=[list(ids)])


SLOT = object()  # where the ids go in a compiled query's parameters


@dataclass
class CompiledRead:
    """A read's SQL, compiled once: building a query through the ORM costs more than a small query takes to run."""

    sql: str
    params: tuple
    slot: int
    names: tuple[str, ...]
    converters: list

    def run(self, cursor, ids) -> list[dict]:
        params = list(self.params)
        params[self.slot] = list(ids)
        cursor.execute(self.sql, params)
        found = cursor.fetchall()
        if self.converters:
            found = [list(row) for row in found]
            for row in found:
                for position, (convert, expression) in self.converters:
                    row[position] = convert(row[position], expression, connection)
        return [dict(zip(self.names, row, strict=True)) for row in found]


def server_bound_cursor():
    """A cursor of Django's connection (so the query is logged and counted) that binds parameters on the server:
    psycopg then prepares a read it runs often, and the database plans it once per connection, not per request."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        cursor = ServerBindingCursor(connection.connection)
        native_times(cursor)
        return connection._prepare_cursor(cursor)  # Django's own wrapping: debug logging, error translation


def native_times(cursor) -> None:
    """Read timestamptz with psycopg's C loader rather than Django's Python one, the largest cost of a big page.

    Django swaps the loader only to pin the zone of the values to UTC; its connections already talk to the server
    in UTC, so psycopg's own loader gives the same values."""
    from psycopg import postgres
    from psycopg.pq import Format

    oid = postgres.types["timestamptz"].oid
    cursor.adapters.register_loader(oid, postgres.adapters.get_loader(oid, Format.TEXT))


_compiled: dict[tuple, CompiledRead] = {}


def compiled(key, source) -> CompiledRead:
    """The read `source()` names ((queryset, column, names)), compiled on first use under `key`."""
    read = _compiled.get(key)
    if read is None:
        queryset, column, names = source()
        compiler = among(queryset, column, [SLOT]).values(*names).query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        found = compiler.get_converters([expression for expression, _, _ in compiler.select])
        converters = [(at, (convert, expr)) for at, (converts, expr) in found.items() for convert in converts]
        slot = next(i for i, param in enumerate(params) if param == [SLOT])
        read = _compiled[key] = CompiledRead(sql, tuple(params), slot, tuple(names), converters)
    return read


_links: dict[tuple, tuple[str, str]] = {}


class Rows:
    """One request's read: the reader's links and zone, and every row fetched so far (hooks look rows up)."""

    def __init__(self, request, *, drafts: bool):
        self.request = request
        self.drafts = drafts
        self.utc = timezone.get_current_timezone_name() == "UTC"
        self.seen: dict[type, dict[int, dict]] = {}
        self._origin = (request.scheme, request.get_host(), get_script_prefix()) if request is not None else ()
        self._cursor = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._cursor is not None:
            self._cursor.close()

    def visible(self, queryset):
        return visible_rows(queryset, drafts=self.drafts)

    def serialize(self, serializer_class, records: list[dict], include=frozenset()) -> list[dict]:
        node = plan_for(serializer_class, frozenset(include), self.drafts)
        if node is None:
            raise Unplannable(serializer_class.__name__)
        return self.render(node, records)

    def link(self, view_name: str) -> tuple[str, str]:
        """A record's address in two parts, around its id: resolved once per route and origin in the process."""
        key = (view_name, *self._origin)
        parts = _links.get(key)
        if parts is None:
            path = reverse(view_name, kwargs={"pk": LINK_PLACEHOLDER})
            url = self.request.build_absolute_uri(path) if self.request is not None else path
            head, _, tail = url.rpartition(str(LINK_PLACEHOLDER))
            parts = _links[key] = (head, tail)
        return parts

    def render(self, node: Node, records: list[dict]) -> list[dict]:
        self.seen.setdefault(node.model, {}).update((record["id"], record) for record in records)
        # What each key takes, worked out once for all the records: fetched rows, a link's parts, a formatter.
        steps = []
        named = self._named(node, records)
        for spec in node.specs:
            kind, extra = spec.kind, spec.call
            if kind == "one":
                extra = named[spec.key]
            elif kind in FETCHED:
                extra = self._fetch(spec, records)
            elif kind in ("url", "fk_url"):
                extra = self.link(spec.view_name)
            elif kind == "dt" and self.utc:
                kind = "col"  # orjson writes a UTC time as DRF does
            steps.append((spec.key, kind, spec.attname, extra))
        return [self._item(steps, record) for record in records]

    def read(self, key, source, ids) -> list[dict]:
        """The rows of `source()` ((queryset, column, names)) whose column is among `ids`. On PostgreSQL the SQL is
        compiled once per key and kind of reader: building a query through the ORM costs more than running it."""
        if not ids:
            return []
        if connection.vendor == "postgresql":
            if self._cursor is None:
                self._cursor = server_bound_cursor()
            return compiled((key, self.drafts), source).run(self._cursor, ids)
        queryset, column, names = source()
        return list(among(queryset, column, ids).values(*names))

    def select(self, spec: Spec, ids) -> list[dict]:
        """The rows `spec` reads for these ids (of the parents, or of the records a foreign key names)."""
        # A generic relation's SQL names its content type, whose id can differ from one database to the next.
        kind = ContentType.objects.get_by_natural_key(*spec.generic[1].split(".")).pk if spec.generic else None
        return self.read((id(spec), kind), lambda: reads(spec), ids)

    def _named(self, node: Node, records: list[dict]) -> dict[str, dict]:
        """The records the node's foreign keys name, built: one read for all the keys naming the same kind of record
        (a citation's source and the outlet it came through)."""
        alike: dict[tuple, list[Spec]] = {}
        for spec in node.specs:
            if spec.kind == "one":
                alike.setdefault((spec.child.model, tuple(spec.child.names)), []).append(spec)
        built = {}
        for specs in alike.values():
            wanted = {spec.key: {r[spec.attname] for r in records if r[spec.attname] is not None} for spec in specs}
            every = set().union(*wanted.values())
            found = self.select(specs[0], every) if every else []
            for spec in specs:
                mine = [row for row in found if row["id"] in wanted[spec.key]]
                built[spec.key] = {raw["id"]: out for raw, out in zip(mine, self.render(spec.child, mine), strict=True)}
        return built

    def _fetch(self, spec: Spec, records: list[dict]) -> dict:
        if spec.kind == "hook":
            return spec.call(self, records)
        if spec.kind in ("many", "m2m"):
            ids = [record["id"] for record in records]
        else:
            ids = {record[spec.attname] for record in records if record[spec.attname] is not None}
        found = self.select(spec, ids) if ids else []
        if spec.kind == "attr":
            return {row["id"]: row[spec.value_of] for row in found}
        grouped: dict = {}
        if spec.kind == "m2m":
            for row in found:
                grouped.setdefault(row[spec.column], []).append(row[spec.value_of])
            return grouped
        for raw, out in zip(found, self.render(spec.child, found), strict=True):
            grouped.setdefault(raw[spec.column], []).append(out)
        return grouped

    @staticmethod
    def _item(steps: list[tuple], record: dict) -> dict:
        item = {}
        for key, kind, attname, extra in steps:
            if kind == "col":
                item[key] = record[attname]
            elif kind in ("dt", "fmt"):
                value = record[attname]
                item[key] = None if value is None else extra(value)
            elif kind == "url":
                item[key] = f"{extra[0]}{record['id']}{extra[1]}"
            elif kind == "fk_url":
                value = record[attname]
                item[key] = None if value is None else f"{extra[0]}{value}{extra[1]}"
            elif kind in ("many", "m2m"):
                item[key] = extra.get(record["id"], [])
            elif kind in ("one", "attr"):
                value = record[attname]
                item[key] = None if value is None else extra.get(value)
            else:
                item[key] = extra.get(record["id"])
        return item


FETCHED = ("hook", "many", "m2m", "one", "attr")
