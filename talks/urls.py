from django.urls import include, path

from talks import history, views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("calendar.ics", views.all_tracks_calendar, name="calendar-all"),
    path("tracks/<slug:slug>/", views.track_detail, name="track-detail"),
    path("tracks/<slug:slug>/positions/", views.position_tracker, name="position-tracker"),
    path("tracks/<slug:slug>/calendar.ics", views.track_calendar, name="track-calendar"),
    path("tracks/<slug:slug>/timeline.json", views.track_timelinejs, name="track-timelinejs"),
    path("rounds/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("positions/<int:pk>/", views.demand_detail, name="demand-detail"),
    path("people/", views.people_index, name="people-index"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("parties/<slug:slug>/", views.party_detail, name="party-detail"),
    path("history/<str:label>/<int:pk>/", history.record_history, name="record-history"),
    path("history/<str:label>/<int:pk>/restore/<int:history_id>/", history.restore_version, name="record-restore"),
    path("edit/", include("talks.editing.urls")),
]
