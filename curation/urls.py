from django.urls import path

from .views import memberships, queue, review, translations

app_name = "curation"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("publish/", queue.bulk_publish, name="publish"),
    path("memberships/", memberships.curation_memberships, name="memberships"),
    path(
        "memberships/<int:pk>/approve/",
        memberships.curation_membership_approve,
        name="membership-approve",
    ),
    path(
        "memberships/<int:pk>/decline/",
        memberships.curation_membership_decline,
        name="membership-decline",
    ),
    path(
        "memberships/organisations/<int:pk>/verify/",
        memberships.curation_organisation_verify,
        name="organisation-verify",
    ),
    path(
        "translations/<int:pk>/publish/",
        translations.translation_publish,
        name="translation-publish",
    ),
    path(
        "translations/<int:pk>/decline/",
        translations.translation_decline,
        name="translation-decline",
    ),
    path("<str:kind>/<slug:slug>/", review.review, name="review"),
]
