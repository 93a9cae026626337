"""Keyset (cursor) pagination on a unique key: (id), or (updated_at, id) for sync.

The cursor names the last row's key, and the next page starts strictly after it; unlike an offset (or DRF's
cursor, which breaks ties with an offset), rows that change or vanish while a client pages cannot make it skip one.
"""

import base64
import binascii
import json

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from talks.api.settings import api_setting

BAD_CURSOR = "Not a cursor this API gave out; start again without it."


def encode(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode(cursor: str) -> list:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise ValidationError({"cursor": [BAD_CURSOR]}) from None
    if not isinstance(values, list):
        raise ValidationError({"cursor": [BAD_CURSOR]})
    return values


def after(model, ordering: tuple[str, ...], values: list) -> Q:
    """Rows strictly after `values` in `ordering` (a key of one field, or one field then id)."""
    if len(values) != len(ordering):
        raise ValidationError({"cursor": [BAD_CURSOR]})
    keys = []
    for term, raw in zip(ordering, values, strict=True):
        name = term.lstrip("-")
        try:
            keys.append((name, "lt" if term.startswith("-") else "gt", model._meta.get_field(name).to_python(raw)))
        except (DjangoValidationError, TypeError, ValueError):
            raise ValidationError({"cursor": [BAD_CURSOR]}) from None
    condition, equal = Q(), Q()
    for name, direction, value in keys:
        if value is None or (isinstance(value, int) and not 0 <= value < 2**63):
            raise ValidationError({"cursor": [BAD_CURSOR]})
        condition |= equal & Q(**{f"{name}__{direction}": value})
        equal &= Q(**{name: value})
    return condition


def key_of(row, ordering) -> list:
    values = []
    for term in ordering:
        name = term.lstrip("-")
        value = row[name] if isinstance(row, dict) else getattr(row, name)
        values.append(value.isoformat() if hasattr(value, "isoformat") else value)
    return values


class RecordCursorPagination(BasePagination):
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    ordering: tuple[str, ...] = ("id",)

    @property
    def max_page_size(self):
        return api_setting("MAX_PAGE_SIZE")

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return api_setting("PAGE_SIZE")
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError({"page_size": [f"A whole number from 1 to {self.max_page_size}."]})
        return int(raw)

    def get_ordering(self, request, queryset, view) -> tuple[str, ...]:
        for backend in getattr(view, "filter_backends", []):
            if hasattr(backend, "get_ordering"):
                return tuple(backend().get_ordering(request, queryset, view))
        return self.ordering

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        ordering = self.get_ordering(request, queryset, view)
        cursor = request.query_params.get(self.cursor_query_param)
        if cursor is not None:
            queryset = queryset.filter(after(queryset.model, ordering, decode(cursor)))
        rows = list(queryset.order_by(*ordering)[: page_size + 1])
        self.next_cursor = encode(key_of(rows[page_size - 1], ordering)) if len(rows) > page_size else None
        return rows[:page_size]

    def get_next_link(self):
        if self.next_cursor is None:
            return None
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, self.next_cursor)

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri", "description": "The next page."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page starts: take it from the previous page's `next`.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page (default {api_setting('PAGE_SIZE')}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
