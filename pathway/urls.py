from django.urls import path

from . import views

app_name = "pathway"

urlpatterns = [
    path("pathway/", views.pathway_map, name="map"),
    path("pathway/<slug:slug>/", views.stage_detail, name="stage"),
]
