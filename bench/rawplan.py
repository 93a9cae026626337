"""The database-bound ceiling (B1): the API's JSON built from rows psycopg fetched, with no ORM and no DRF per request.

It follows the project's own row plan (talks.api.rows: the serializer's keys in order, what is nested, what is a
link), but at start-up, and only then, Django compiles the SQL of every read the plan makes (the same querysets,
orderings and visibility filters the API uses). Per request the plan runs that SQL through psycopg, one query per
relation as the API does, and builds plain dicts that orjson dumps. The result must be byte-identical to the API's
response; the harness checks it.
"""

import datetime
from dataclasses import dataclass

from talks.api import rows

ANY = object()  # the parameter slot that takes the ids, found by identity after compiling


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


def compile_query(queryset, column: str, names=None) -> Query:
    """`queryset` restricted to rows whose `column` is in a list given per request, as SQL text and params."""
    table = queryset.model._meta.db_table
    name = queryset.model._meta.get_field(column).column
    names = names or rows.concrete_names(queryset.model)
    restricted = queryset.extra(where=[f'"{table}"."{name}" = ANY(%s)'], params=[ANY]).values(*names)
    sql, params = restricted.query.sql_with_params()
    return Query(sql, tuple(params), next(i for i, p in enumerate(params) if p is ANY))


def compile_plan(node: rows.Node, queries: dict | None = None) -> dict[int, Query]:
    """The SQL of every fetch in the plan, by the id of its spec."""
    queries = {} if queries is None else queries
    for spec in node.specs:
        if spec.kind in rows.FETCHED and spec.kind != "hook":
            queries[id(spec)] = compile_query(*rows.reads(spec))
        if spec.child is not None:
            compile_plan(spec.child, queries)
    return queries


class Run(rows.Rows):
    """One request: the plan's reads answered by the compiled SQL, links on the request's Host."""

    def __init__(self, conn, host: str, queries: dict[int, Query], hooks: dict):
        super().__init__(None, drafts=False)
        self.conn, self.origin, self.queries, self.hooks = conn, f"http://{host}", queries, hooks

    def link(self, view_name: str) -> tuple[str, str]:
        head, tail = super().link(view_name)
        return self.origin + head, tail

    def select(self, spec: rows.Spec, ids) -> list[dict]:
        return self.queries[id(spec)].run(self.conn, ids)

    def _fetch(self, spec: rows.Spec, records: list[dict]) -> dict:
        if spec.kind == "hook":
            return self.hooks[spec.key](self, records)
        return super()._fetch(spec, records)


def role_title(roles: list[dict], day: datetime.date | None) -> str:
    """Person.title_at over raw rows: the latest-started role held on that day."""
    if day is None:
        return ""
    held = [r for r in roles if r["started_on"] <= day and (r["ended_on"] is None or day <= r["ended_on"])]
    return max(held, key=lambda r: r["started_on"])["title"] if held else ""
