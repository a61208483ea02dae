from django.urls import path

from . import views

app_name = "barriers"

urlpatterns = [
    path("barriers/", views.barrier_list, name="list"),
    path("barriers/<slug:slug>/", views.barrier_detail, name="detail"),
]
