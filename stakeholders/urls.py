from django.urls import path

from . import views

app_name = "stakeholders"

urlpatterns = [
    # Before <slug:slug>/: "new" is reserved and never an organisation's slug.
    path("organisations/new/", views.organisation_propose, name="propose"),
    path("organisations/<slug:slug>/join/", views.organisation_join, name="join"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("organisations/<slug:slug>/members/", views.organisation_members, name="members"),
    path(
        "organisations/<slug:slug>/members/<int:pk>/approve/",
        views.organisation_member_approve,
        name="member-approve",
    ),
    path(
        "organisations/<slug:slug>/members/<int:pk>/decline/",
        views.organisation_member_decline,
        name="member-decline",
    ),
    path(
        "organisations/<slug:slug>/members/<int:pk>/role/",
        views.organisation_member_role,
        name="member-role",
    ),
]
