"""The one viewset every kind of record uses: visibility, includes, strict query strings, ETags, If-Match, CSV."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.http import HttpResponseNotModified, StreamingHttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response

from talks.api import conditional, includes, rows
from talks.api.csv import CSVRenderer, csv_lines
from talks.api.errors import BodyTooLarge, Conflict
from talks.api.filtering import QSearchFilter, StrictOrderingFilter
from talks.api.pagination import RecordCursorPagination
from talks.api.permissions import RecordPermission
from talks.api.rendering import JSONRenderer
from talks.api.settings import api_setting
from talks.api.visibility import visible
from talks.models.base import Publishable
from talks.permissions import can_see_drafts

LIST_PARAMS = {"cursor", "page_size", "ordering", "q", "format", *includes.PARAMS}
DETAIL_PARAMS = {"format", *includes.PARAMS}
ID_PATTERN = r"[0-9]{1,18}"


class ApiConventions:
    """Strict query strings, bounded bodies, 400 for forged cursors, and an ETag (or 304) on every read."""

    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]
    parser_classes = [JSONParser]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._refuse_large_body(request)
        self._refuse_unknown_params(request)

    def _refuse_large_body(self, request):
        length = request.META.get("CONTENT_LENGTH") or "0"
        if length.isdigit() and int(length) > api_setting("MAX_BODY_BYTES"):
            raise BodyTooLarge(f"The body may be at most {api_setting('MAX_BODY_BYTES')} bytes.")

    def _refuse_unknown_params(self, request):
        unknown = sorted(set(request.query_params) - self.allowed_params())
        if unknown:
            allowed = ", ".join(sorted(self.allowed_params()))
            raise ValidationError({name: [f"Unknown parameter; this endpoint takes {allowed}."] for name in unknown})

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Vary"] = "Accept, Authorization, Cookie"
        if response.status_code not in (200, 201) or getattr(response, "streaming", False):
            return response
        if getattr(response, "data", None) is None or request.method == "DELETE":
            return response
        etag = self._etag(response)
        response["ETag"] = etag
        if request.method in ("GET", "HEAD") and conditional.matches(request.headers.get("If-None-Match"), etag):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            not_modified["Vary"] = response["Vary"]
            return not_modified
        return response

    def _etag(self, response) -> str:
        representation = getattr(response.accepted_renderer, "format", "json")
        if representation == "json" and "indent" not in (response.accepted_media_type or ""):
            response.render()  # rendered once, and the tag is of the very bytes sent
            return conditional.etag_of(response.content)
        return conditional.etag_for(response.data, representation)


class RecordViewSet(ApiConventions, viewsets.ModelViewSet):
    permission_classes = [RecordPermission]
    filter_backends = [DjangoFilterBackend, QSearchFilter, StrictOrderingFilter]
    pagination_class = RecordCursorPagination
    lookup_value_regex = ID_PATTERN
    search_fields: tuple[str, ...] = ()

    def allowed_params(self) -> set[str]:
        if self.action != "list":
            return DETAIL_PARAMS
        filterset = getattr(self, "filterset_class", None)
        return LIST_PARAMS | set(filterset.base_filters if filterset else ())

    def includes(self) -> set[str]:
        serializer_class = self.get_serializer_class()
        return includes.requested(self.request, getattr(serializer_class, "includable", {}))

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "swagger_fake_view", False) or self.request is None:
            return context  # the schema describes every includable field
        context["drafts"] = can_see_drafts(self.request.user)
        if self.request.method in ("GET", "HEAD"):
            context["include"] = self.includes()
        else:
            context["include"] = set()
        return context

    row_plan = None  # set for a JSON read the serializer's shape can be built from rows for (talks.api.rows)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        reading = self.action in ("list", "retrieve") and request.accepted_renderer.format == "json"
        if reading and api_setting("ROW_READS"):
            include = frozenset(self.includes())
            self.row_plan = rows.plan_for(self.get_serializer_class(), include, can_see_drafts(request.user))

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request.user)
        if getattr(self, "swagger_fake_view", False):
            return queryset
        if self.row_plan is not None:
            return queryset.prefetch_related(None)
        lookups = []
        includable = getattr(self.get_serializer_class(), "includable", {})
        if self.request.method in ("GET", "HEAD"):
            for name in self.includes():
                lookups.extend(includable[name])
        return includes.with_includes(queryset, lookups, self.request.user)

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == "csv":
            return self.stream_csv(self.filter_queryset(self.get_queryset()))
        if self.row_plan is None:
            return super().list(request, *args, **kwargs)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()).values(*self.row_plan.names))
        with self.read_rows() as read:
            return self.get_paginated_response(read.render(self.row_plan, page))

    def retrieve(self, request, *args, **kwargs):
        if self.row_plan is None:
            return super().retrieve(request, *args, **kwargs)
        instance = self.get_object()
        record = {name: getattr(instance, name) for name in self.row_plan.names}
        with self.read_rows() as read:
            return Response(read.render(self.row_plan, [record])[0])

    def read_rows(self) -> rows.Rows:
        return rows.Rows(self.request, drafts=can_see_drafts(self.request.user))

    def stream_csv(self, queryset):
        chunk = api_setting("CSV_CHUNK")
        header = list(self.get_serializer().fields)

        def rows():
            batch = []
            for record in queryset.iterator(chunk_size=chunk):
                batch.append(record)
                if len(batch) == chunk:
                    yield from self.get_serializer(batch, many=True).data
                    batch = []
            yield from self.get_serializer(batch, many=True).data

        response = StreamingHttpResponse(csv_lines(header, rows()), content_type="text/csv; charset=utf-8")
        name = self.basename.replace("-", "_")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response

    def current_etag(self, instance) -> str:
        serializer = self.get_serializer_class()(instance, context={**self.get_serializer_context(), "include": set()})
        return conditional.etag_for(serializer.data)

    def filter_queryset(self, queryset):
        # A record's own address takes no filter (its parameters are refused): building the filter form is waste.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def get_object(self):
        instance = super().get_object()
        if self.request.method in ("PUT", "PATCH", "DELETE"):
            conditional.check_if_match(self.request, self.current_etag(instance))
        return instance

    def _lock(self):
        """Hold the row until the write commits, so two editors' If-Match checks cannot both pass."""
        model = self.get_queryset().model
        list(model._base_manager.select_for_update().filter(pk=self.kwargs[self.lookup_field]).values("pk"))

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            self._lock()
            return super().update(request, *args, **kwargs)

    def create(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().create(request, *args, **kwargs)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            self._lock()
            return super().destroy(request, *args, **kwargs)

    def perform_destroy(self, instance):
        """Published records are deleted softly (they stay in history and the deletions feed); parts go for good."""
        if getattr(instance, "status", None) in getattr(type(instance), "KEPT_FOREVER", ()):
            raise Conflict("A cancelled or postponed round stays on the record; it cannot be deleted.")
        try:
            if isinstance(instance, Publishable):
                instance.soft_delete()
            else:
                instance.delete()
        except ProtectedError as error:
            kinds = sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects})
            raise Conflict(f"Other records still refer to this one: {', '.join(kinds)}.") from None
        except DjangoValidationError as error:
            raise Conflict(" ".join(error.messages)) from None
