"""The database-bound ceiling (B1): the API's JSON built from rows psycopg fetched, with no ORM and no DRF per request.

At start-up, and only then, Django compiles the SQL of each read (the same querysets, orderings and visibility
filters the API uses) and the shape of each serializer (its keys in order, nested lists, links). Per request the
plan runs that SQL through psycopg, one query per relation as the API's prefetches do, and builds plain dicts that
orjson dumps. The result must be byte-identical to the API's response; the harness checks it.
"""

import datetime
from dataclasses import dataclass, field

from rest_framework import serializers
from rest_framework.fields import SerializerMethodField

ANY = object()  # the parameter slot that takes the parent ids, found by identity after compiling


@dataclass
class Query:
    sql: str
    params: tuple
    slot: int

    def run(self, conn, ids) -> list[dict]:
        if not ids:
            return []
        params = list(self.params)
        params[self.slot] = list(ids)
        return conn.execute(self.sql, params).fetchall()


def compile_query(queryset, column: str) -> Query:
    """`queryset` restricted to rows whose `column` is in a list given per request, as SQL text and params."""
    table = queryset.model._meta.db_table
    names = [f.attname for f in queryset.model._meta.concrete_fields]
    restricted = queryset.extra(where=[f'"{table}"."{column}" = ANY(%s)'], params=[ANY]).values(*names)
    sql, params = restricted.query.sql_with_params()
    return Query(sql, tuple(params), next(i for i, p in enumerate(params) if p is ANY))


@dataclass
class Spec:
    key: str
    kind: str  # col, fmt, url, many, m2m, one, attr, custom
    attname: str = ""
    prefix: str = ""
    query: Query | None = None
    child: "Node | None" = None
    group_by: str = ""
    value_of: str = ""
    custom: object = None


@dataclass
class Node:
    model: type
    specs: list[Spec] = field(default_factory=list)


def plan(serializer, model, customs) -> Node:
    """The shape of `serializer` (an instance, so its dropped includes are gone) as specs the executor follows."""
    from django.urls import reverse

    from talks.api.links import RelatedLink
    from talks.api.serializers.base import RecordLink
    from talks.api.visibility import visible
    from talks.models.base import Publishable

    node = Node(model)
    for key, fld in serializer.fields.items():
        hook = customs.get((model, key))
        if hook is not None:
            node.specs.append(Spec(key, "custom", custom=hook))
        elif isinstance(fld, RecordLink):
            path = reverse(fld.view_name, kwargs={"pk": 987654321})
            node.specs.append(Spec(key, "url", prefix=path.replace("987654321", "{}")))
        elif isinstance(fld, RelatedLink):  # track_url: the address of the record a foreign key names
            path = reverse(f"api:{fld.basename}-detail", kwargs={"pk": 987654321})
            node.specs.append(Spec(key, "fk_url", attname=fld.source, prefix=path.replace("987654321", "{}")))
        elif isinstance(fld, serializers.ListSerializer):
            relation = model._meta.get_field(fld.source)
            child_model = relation.related_model
            queryset = child_model._default_manager.all()
            if issubclass(child_model, Publishable):
                queryset = visible(queryset, None)
            if relation.is_relation and relation.one_to_many and hasattr(relation, "field"):
                column = relation.field.column
                group_by = relation.field.attname
            else:  # a generic relation: citations of this kind of fact
                from django.contrib.contenttypes.models import ContentType

                ct = ContentType.objects.get_for_model(model)
                queryset = queryset.filter(content_type_id=ct.pk)
                column, group_by = "object_id", "object_id"
            child = plan(fld.child, child_model, customs)
            node.specs.append(Spec(key, "many", query=compile_query(queryset, column), child=child, group_by=group_by))
        elif isinstance(fld, serializers.ManyRelatedField):
            relation = model._meta.get_field(fld.source)
            through = relation.remote_field.through
            source_fk = relation.m2m_field_name()
            target_fk = relation.m2m_reverse_field_name()
            ordering = [
                f"-{target_fk}__{o[1:]}" if o.startswith("-") else f"{target_fk}__{o}"
                for o in relation.related_model._meta.ordering
            ]
            queryset = through.objects.order_by(*ordering)
            column = through._meta.get_field(source_fk).column
            query = compile_query(queryset, column)
            node.specs.append(Spec(key, "m2m", query=query, group_by=f"{source_fk}_id", value_of=f"{target_fk}_id"))
        elif isinstance(fld, serializers.BaseSerializer):  # one nested record through a foreign key
            relation = model._meta.get_field(fld.source)
            query = compile_query(relation.related_model._default_manager.all(), "id")
            child = plan(fld, relation.related_model, customs)
            node.specs.append(Spec(key, "one", attname=relation.attname, query=query, child=child))
        elif len(fld.source_attrs) == 2:  # person.name
            relation = model._meta.get_field(fld.source_attrs[0])
            query = compile_query(relation.related_model._default_manager.all(), "id")
            node.specs.append(Spec(key, "attr", attname=relation.attname, query=query, value_of=fld.source_attrs[1]))
        elif isinstance(fld, SerializerMethodField):
            raise ValueError(f"{model.__name__}.{key}: a method field needs a custom hook")
        else:
            concrete = model._meta.get_field(fld.source)
            if isinstance(fld, serializers.DecimalField | serializers.DurationField):
                # orjson has no form for these; DRF's own formatting of the one value keeps the bytes equal.
                node.specs.append(Spec(key, "fmt", attname=concrete.attname, custom=fld.to_representation))
            else:
                node.specs.append(Spec(key, "col", attname=concrete.attname))
    return node


class Run:
    """One request: the connection, the Host for links, and every row fetched so far (custom hooks look up)."""

    def __init__(self, conn, host: str):
        self.conn = conn
        self.origin = f"http://{host}"
        self.seen: dict[type, dict[int, dict]] = {}

    def remember(self, model, rows):
        self.seen.setdefault(model, {}).update((row["id"], row) for row in rows)

    def render(self, node: Node, rows: list[dict]) -> list[dict]:
        self.remember(node.model, rows)
        ids = [row["id"] for row in rows]
        extra: dict[str, dict] = {}
        for spec in node.specs:
            if spec.kind == "many":
                children = spec.query.run(self.conn, ids)
                rendered = self.render(spec.child, children)
                grouped: dict = {}
                for raw, out in zip(children, rendered, strict=True):
                    grouped.setdefault(raw[spec.group_by], []).append(out)
                extra[spec.key] = grouped
            elif spec.kind == "m2m":
                grouped = {}
                for raw in spec.query.run(self.conn, ids):
                    grouped.setdefault(raw[spec.group_by], []).append(raw[spec.value_of])
                extra[spec.key] = grouped
            elif spec.kind == "one":
                keys = {row[spec.attname] for row in rows if row[spec.attname] is not None}
                related = spec.query.run(self.conn, keys)
                extra[spec.key] = dict(zip((r["id"] for r in related), self.render(spec.child, related), strict=True))
            elif spec.kind == "attr":
                keys = {row[spec.attname] for row in rows if row[spec.attname] is not None}
                related = spec.query.run(self.conn, keys)
                extra[spec.key] = {r["id"]: r[spec.value_of] for r in related}
                self.seen.setdefault(("attr", spec.key), {}).update((r["id"], r) for r in related)
            elif spec.kind == "custom":
                extra[spec.key] = spec.custom(self, rows)
        out = []
        for row in rows:
            item = {}
            for spec in node.specs:
                kind = spec.kind
                if kind == "col":
                    item[spec.key] = row[spec.attname]
                elif kind == "fmt":
                    value = row[spec.attname]
                    item[spec.key] = None if value is None else spec.custom(value)
                elif kind == "url":
                    item[spec.key] = self.origin + spec.prefix.format(row["id"])
                elif kind == "fk_url":
                    value = row[spec.attname]
                    item[spec.key] = None if value is None else self.origin + spec.prefix.format(value)
                elif kind in ("many", "m2m"):
                    item[spec.key] = extra[spec.key].get(row["id"], [])
                elif kind in ("one", "attr"):
                    value = row[spec.attname]
                    item[spec.key] = None if value is None else extra[spec.key].get(value)
                else:
                    item[spec.key] = extra[spec.key].get(row["id"])
            out.append(item)
        return out


def role_title(roles: list[dict], day: datetime.date | None) -> str:
    """Person.title_at over raw rows: the latest-started role held on that day."""
    if day is None:
        return ""
    held = [r for r in roles if r["started_on"] <= day and (r["ended_on"] is None or day <= r["ended_on"])]
    return max(held, key=lambda r: r["started_on"])["title"] if held else ""
