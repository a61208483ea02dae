from django.urls import path

from . import feeds, views

app_name = "contributions"

urlpatterns = [
    path("resources/", views.resource_list, name="resources"),
    path("resources/new/", views.resource_create, name="resource-create"),
    path("resources/<slug:slug>/", views.resource_detail, name="resource"),
    path("resources/<slug:slug>/edit/", views.resource_edit, name="resource-edit"),
    path("initiatives/", views.initiative_list, name="initiatives"),
    path("initiatives/new/", views.initiative_create, name="initiative-create"),
    path("initiatives/<slug:slug>/", views.initiative_detail, name="initiative"),
    path("initiatives/<slug:slug>/edit/", views.initiative_edit, name="initiative-edit"),
    path("contributions/", views.my_contributions, name="mine"),
    path("feeds/resources/", feeds.ResourceFeed(), name="resource-feed"),
    path("feeds/initiatives/", feeds.InitiativeFeed(), name="initiative-feed"),
]
