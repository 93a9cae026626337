"""One request's read: runs a plan's reads and builds the serializer's dicts from the rows."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from talks.api.rows.plan import FETCHED, Node, Spec, Unplannable, plan_for, reads
from talks.api.rows.sql import among, compiled, server_bound_cursor
from talks.api.serializers.base import LINK_PLACEHOLDER
from talks.api.visibility import visible_rows

_links: dict[tuple, tuple[str, str]] = {}  # a route's address around its id, per origin


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
