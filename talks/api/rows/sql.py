"""Reads among a list of ids, and on PostgreSQL their SQL compiled once and prepared by the server."""

from dataclasses import dataclass

from django.db import connection


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
