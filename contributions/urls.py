from django.urls import path

from . import feeds, views

app_name = "contributions"

urlpatterns = [
    path("resources/", views.resource_list, name="resources"),
    path("resources/<slug:slug>/", views.resource_detail, name="resource"),
    path("initiatives/", views.initiative_list, name="initiatives"),
    path("initiatives/<slug:slug>/", views.initiative_detail, name="initiative"),
    path("feeds/resources/", feeds.ResourceFeed(), name="resource-feed"),
    path("feeds/initiatives/", feeds.InitiativeFeed(), name="initiative-feed"),
]
