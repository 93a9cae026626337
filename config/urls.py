from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from config import health

admin.site.site_header = "Roundtable editing"
admin.site.site_title = "Roundtable"
admin.site.index_title = "The negotiation record"

urlpatterns = [
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api_v1", namespace="api")),
    path("api/docs/", RedirectView.as_view(pattern_name="api:docs"), name="api-docs"),
    path("accounts/tokens/", include("accounts.tokens_urls")),
    path("accounts/subscriptions/", include("accounts.subscriptions.urls")),
    path("accounts/", include("accounts.urls")),
    path("swaps/", include("exchanges.urls")),
    path("", include("talks.urls")),
]
