from django.urls import path

from exchanges import views

urlpatterns = [
    path("", views.swap_list, name="swap-list"),
    path("<int:pk>/", views.swap_detail, name="swap-detail"),
]
