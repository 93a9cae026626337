from django.urls import path

from talks.editing import update_views, views

urlpatterns = [
    path("", views.index, name="edit-index"),
    path("rounds/new/", views.log_round, name="edit-log-round"),
    path("rounds/<int:pk>/", update_views.round_page, name="edit-round"),
    path("rounds/<int:pk>/details/", update_views.edit_round, name="edit-round-details"),
    path("rounds/<int:pk>/status/", update_views.change_status, name="edit-round-status"),
    path("rounds/<int:pk>/sessions/", update_views.add_session, name="edit-round-session"),
    path("rounds/<int:pk>/publish/", views.publish_round, name="edit-round-publish"),
    path("outcomes/<int:pk>/progress/", update_views.add_progress, name="edit-outcome-progress"),
    path("sources/<str:label>/<int:pk>/", update_views.add_source, name="edit-add-source"),
    path("delete/<str:label>/<int:pk>/", views.delete_record, name="edit-delete"),
]
