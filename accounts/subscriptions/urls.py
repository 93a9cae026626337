from django.urls import path

from accounts.subscriptions import views

urlpatterns = [
    path("", views.subscription_list, name="subscription-list"),
    path("new/", views.subscription_create, name="subscription-create"),
    path("<int:pk>/", views.subscription_edit, name="subscription-edit"),
    path("<int:pk>/stop/", views.subscription_stop, name="subscription-stop"),
    path("<int:pk>/secret/", views.subscription_rotate_secret, name="subscription-rotate-secret"),
    path("unsubscribe/<str:token>/", views.subscription_unsubscribe, name="subscription-unsubscribe"),
]
