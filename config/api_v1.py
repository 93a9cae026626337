"""API v1: the router of every kind of record, sync, the round log, bulk download, the schema and its docs."""

from csp.decorators import csp_update
from django.apps import apps
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from accounts.api import SubscriptionViewSet
from exchanges import api as exchanges_api
from talks.api import links
from talks.api import views as talks_api
from talks.api.endpoints import BulkDownloadView, RoundLogView
from talks.api.sync import DeletionsView
from talks.models.base import Recorded

app_name = "api"

router = DefaultRouter()
for prefix, viewset, basename in talks_api.ROUTES + exchanges_api.ROUTES:
    router.register(prefix, viewset, basename=basename)
links.register(talks_api.ROUTES + exchanges_api.ROUTES)
# A user's own reminder subscriptions: not part of the record, so no links or bulk tables for them.
router.register("subscriptions", SubscriptionViewSet, basename="subscription")


def record_models() -> list:
    return [m for m in apps.get_models() if m._meta.app_label in ("talks", "exchanges") and issubclass(m, Recorded)]


class RecordBulkDownloadView(BulkDownloadView):
    @property
    def tables(self):
        return record_models()


# The docs' renderers set styles inline and Redoc searches in a blob worker; their scripts still come only
# from our static files.
docs_page = csp_update({"style-src": ["'self'", "'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})

urlpatterns = [
    path("rounds/", RoundLogView.as_view(), name="round-log"),
    path("deletions/", DeletionsView.as_view(), name="deletions"),
    path("bulk/", RecordBulkDownloadView.as_view(), name="bulk"),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    path("docs/", docs_page(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
    path(
        "redoc/",
        docs_page(SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html")),
        name="redoc",
    ),
    path("", include(router.urls)),
]
