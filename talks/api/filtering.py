"""Filters shared by every list: ids, date ranges, `updated_since`, full-text `q`, and strict ordering."""

import django_filters
from django import forms
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class RecordFilterSet(django_filters.FilterSet):
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only records changed at or after this moment (ISO 8601 with offset); for incremental sync.",
    )


class QSearchFilter(SearchFilter):
    search_param = "q"
    search_description = "Full-text search (every word must match)."


class StrictOrderingFilter(OrderingFilter):
    """Ordering on a unique, never-null key, so the cursor is exact; unknown fields are a 400, not ignored."""

    ordering_fields = ("id", "updated_at", "created_at")
    ordering_description = "id, updated_at or created_at, with '-' for descending. Sync with updated_at."

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params is None:
            return self.get_default_ordering(view)
        fields = [term.strip() for term in params.split(",") if term.strip()]
        unknown = [term for term in fields if term.lstrip("-") not in self.ordering_fields]
        if unknown or len(fields) != 1:
            raise ValidationError({"ordering": [f"Order by one of {', '.join(self.ordering_fields)} (or -field)."]})
        field = fields[0]
        tiebreak = "-id" if field.startswith("-") else "id"
        return (field,) if field.lstrip("-") == "id" else (field, tiebreak)

    def get_default_ordering(self, view):
        if "updated_since" in view.request.query_params:
            return ("updated_at", "id")
        return ("id",)
