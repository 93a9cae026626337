from django.urls import path

from exchanges import editing, views

urlpatterns = [
    path("", views.swap_list, name="swap-list"),
    path("<int:pk>/", views.swap_detail, name="swap-detail"),
    path("<int:pk>/stages/new/", editing.add_stage, name="swap-stage-add"),
]
