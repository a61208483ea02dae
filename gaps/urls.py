from django.urls import path

from . import views

app_name = "gaps"

urlpatterns = [
    path("gaps/", views.gap_map, name="map"),
    path("countries/", views.countries, name="countries"),
    path("countries/<str:code>/", views.country, name="country"),
]
