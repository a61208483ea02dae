from django.urls import path

from . import views

app_name = "stakeholders"

urlpatterns = [
    path("stakeholders/", views.stakeholder_list, name="list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
]
