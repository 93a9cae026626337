from django.contrib import admin
from django.urls import include, path

from config import health

urlpatterns = [
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("swaps/", include("exchanges.urls")),
    path("", include("talks.urls")),
]
