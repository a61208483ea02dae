from django.urls import path
from django.views.generic import TemplateView

from .views import feeds, languages, library, submission

app_name = "contributions"

urlpatterns = [
    path("resources/", library.resource_list, name="resources"),
    path("resources/new/", submission.resource_create, name="resource-create"),
    path("resources/<slug:slug>/", library.resource_detail, name="resource"),
    path("resources/<slug:slug>/edit/", submission.resource_edit, name="resource-edit"),
    path(
        "resources/<slug:slug>/languages/",
        languages.resource_languages,
        name="resource-languages",
    ),
    path("initiatives/", library.initiative_list, name="initiatives"),
    path("initiatives/new/", submission.initiative_create, name="initiative-create"),
    path("initiatives/<slug:slug>/", library.initiative_detail, name="initiative"),
    path("initiatives/<slug:slug>/edit/", submission.initiative_edit, name="initiative-edit"),
    path(
        "initiatives/<slug:slug>/languages/",
        languages.initiative_languages,
        name="initiative-languages",
    ),
    path("contributions/", submission.my_contributions, name="mine"),
    path(
        "feeds/",
        TemplateView.as_view(template_name="contributions/feeds.html"),
        name="feeds",
    ),
    path("feeds/resources/", feeds.ResourceFeed(), name="resource-feed"),
    path("feeds/initiatives/", feeds.InitiativeFeed(), name="initiative-feed"),
]
