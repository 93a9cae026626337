from django.urls import include, path

from talks import history, views

urlpatterns = [
    path("", views.home, name="home"),
    path("tracks/<slug:slug>/", views.track_detail, name="track-detail"),
    path("rounds/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("positions/<int:pk>/", views.demand_detail, name="demand-detail"),
    path("history/<str:label>/<int:pk>/", history.record_history, name="record-history"),
    path("history/<str:label>/<int:pk>/restore/<int:history_id>/", history.restore_version, name="record-restore"),
    path("edit/", include("talks.editing.urls")),
]
