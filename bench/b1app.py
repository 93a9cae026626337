"""B1: a bare WSGI app answering the benchmark's API URLs from psycopg rows dumped with orjson.

Serve with `gunicorn bench.b1app:app`; BENCH_URLS (a JSON list of paths with query strings) names the URLs it
answers. At import Django compiles the SQL of every read the project's row plan and its row hooks make
(bench.rawplan); a request runs that SQL through psycopg, builds the dicts as the project does, and dumps them with
orjson: no ORM query and no DRF.
"""

import json
import os
from urllib.parse import parse_qs, urlsplit

import orjson
import psycopg
from psycopg.rows import dict_row


class Endpoint:
    """One URL: the top query (compiled with this URL's cursor and filters) and the meeting serializer's plan."""

    def __init__(self, url: str):
        from talks.api import pagination, rows
        from talks.api.serializers.meetings import MeetingSerializer
        from talks.api.settings import api_setting
        from talks.api.visibility import visible
        from talks.models import Meeting

        parts = urlsplit(url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.path, self.query_string = parts.path, parts.query
        include = {n for n in query.get("include", "").split(",") if n}
        self.node = rows.plan_for(MeetingSerializer, frozenset(include), False)
        queryset = visible(Meeting.objects.all(), None)
        tail = parts.path.rstrip("/").rsplit("/", 1)[-1]
        self.detail = tail.isdigit()
        names = [f.attname for f in Meeting._meta.concrete_fields]
        if self.detail:
            queryset = queryset.filter(pk=int(tail))
            self.page_size, self.ordering = 1, ("id",)
        else:
            self.page_size = int(query.get("page_size", api_setting("PAGE_SIZE")))
            self.ordering = ("updated_at", "id") if "updated_since" in query else ("id",)
            if "updated_since" in query:
                queryset = queryset.filter(updated_at__gte=query["updated_since"])
            if "cursor" in query:
                queryset = queryset.filter(pagination.after(Meeting, self.ordering, pagination.decode(query["cursor"])))
            queryset = queryset.order_by(*self.ordering)[: self.page_size + 1]
        sql, params = queryset.values(*names).query.sql_with_params()
        self.sql, self.params = sql, params

    def body(self, conn, host: str) -> bytes:
        from rest_framework.utils.urls import replace_query_param

        from bench import rawplan  # imports Django's models: only once Django is set up
        from talks.api import pagination

        rows = conn.execute(self.sql, self.params).fetchall()
        run = rawplan.Run(conn, host)
        if self.detail:
            return orjson.dumps(run.render(self.node, rows)[0], option=orjson.OPT_UTC_Z)
        page = rows[: self.page_size]
        next_link = None
        if len(rows) > self.page_size:
            last = page[-1]
            key = [last[k].isoformat() if hasattr(last[k], "isoformat") else last[k] for k in self.ordering]
            cursor = pagination.encode(key)
            full = f"http://{host}{self.path}" + (f"?{self.query_string}" if self.query_string else "")
            next_link = replace_query_param(full, "cursor", cursor)
        return orjson.dumps({"next": next_link, "results": run.render(self.node, page)}, option=orjson.OPT_UTC_Z)


_conn = None


def connect():
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg.connect(
            os.environ["DATABASE_URL"], autocommit=True, row_factory=dict_row, options="-c TimeZone=UTC"
        )
    return _conn


def _build() -> dict[str, Endpoint]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()
    from django.db import connection

    import config.api_v1  # noqa: F401 - registers each record's route, which the serializers' *_url links need

    endpoints = {url: Endpoint(url) for url in json.loads(os.environ["BENCH_URLS"])}
    for endpoint in endpoints.values():
        endpoint.body(connect(), "127.0.0.1")  # compiles every read the plan and its row hooks make
    connection.close()
    return endpoints


ENDPOINTS = _build() if "BENCH_URLS" in os.environ else {}


def app(environ, start_response):
    path = environ["PATH_INFO"] + (f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else "")
    endpoint = ENDPOINTS.get(path)
    if endpoint is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not a benchmark URL"]
    body = endpoint.body(connect(), environ.get("HTTP_HOST", "127.0.0.1"))
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
