"""Cursor pagination: a client paging while the record changes neither skips nor repeats rows."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination

from talks.api.settings import api_setting


class RecordCursorPagination(CursorPagination):
    ordering = ("id",)
    page_size_query_param = "page_size"

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

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except Exception:
            raise ValidationError({"cursor": ["Not a cursor this API gave out; start again without it."]}) from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
        return parameters
