from django.urls import path

from accounts import tokens_views

urlpatterns = [
    path("", tokens_views.token_list, name="api-tokens"),
    path("<int:pk>/revoke/", tokens_views.token_revoke, name="api-token-revoke"),
]
