"""The database-bound ceiling (B1): the API's JSON built from rows psycopg fetched, with no ORM and no DRF per request.

It follows the project's own row plan and row hooks (talks.api.rows: the serializer's keys in order, what is nested,
what is a link, the method fields), and reads through the project's own compiled SQL (talks.api.rows.sql: the same
querysets, orderings and visibility filters the API uses), compiled before the first measured request. Per request
that SQL runs through psycopg, one query per relation as the API does, and the dicts are dumped by orjson. The
result must be byte-identical to the API's response; the harness checks it.
"""

from talks.api import rows
from talks.api.rows.sql import compiled


class Run(rows.Rows):
    """One request: every read the plan and its hooks make, answered by compiled SQL run through psycopg; links on
    the request's Host."""

    def __init__(self, conn, host: str):
        super().__init__(None, drafts=False)
        self.conn, self.origin = conn, f"http://{host}"

    def link(self, view_name: str) -> tuple[str, str]:
        head, tail = super().link(view_name)
        return self.origin + head, tail

    def read(self, key, source, ids) -> list[dict]:
        if not ids:
            return []
        query = compiled((key, self.drafts), source)  # Django compiles it once per process, at warm-up
        params = list(query.params)
        params[query.slot] = list(ids)
        return self.conn.execute(query.sql, params).fetchall()
