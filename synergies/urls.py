from django.urls import path

from . import views

app_name = "synergies"

urlpatterns = [
    path("", views.similar_items, name="similar"),
]
