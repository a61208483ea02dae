"""Races with stale objects in memory, on every database: a revision accepted
after the item was archived or the change edited again, an API client deciding
a change it read before it was edited, two items with the same title. The same
races with real concurrent actors are in test_concurrency.py (PostgreSQL)."""

import pytest
from django.test import Client

from contributions.models import (
    Resource,
    Revision,
    RevisionChanged,
    Status,
    TransitionNotAllowed,
)


def live(title: str = "Testing leaflet", make_resource=None) -> Resource:
    return make_resource(title, "published", countries=["DE"], stages=["testing-decision"])


def propose(item: Resource, by, **changes) -> Revision:
    data = {"title": item.title, "summary": item.summary, **changes}
    return Revision.propose(item, data, by=by)


@pytest.mark.django_db
def test_a_revision_is_not_accepted_into_an_item_archived_meanwhile(
    make_resource, partner, curator
):
    item = live(make_resource=make_resource)
    revision = propose(item, partner, title="New title")
    revision.contribution  # noqa: B018 - the curator's page loaded the item, published
    Resource.objects.get(pk=item.pk).archive(by=curator, note="Withdrawn by its publisher.")

    with pytest.raises(TransitionNotAllowed):
        revision.accept(by=curator)

    item.refresh_from_db()
    assert (item.status, item.title) == (Status.ARCHIVED, "Testing leaflet")
    assert Revision.objects.get().status == Revision.Status.PENDING


@pytest.mark.django_db
def test_accepting_applies_the_stored_change_and_only_the_revised_fields(
    make_resource, partner, curator
):
    item = live(make_resource=make_resource)
    seen = propose(item, partner, title="Second title")
    # Meanwhile: the partner edits the change again, an admin fixes the link.
    propose(item, partner, title="Third title")
    Resource.objects.filter(pk=item.pk).update(url="https://example.org/fixed")

    seen.accept(by=curator)

    item.refresh_from_db()
    assert item.title == "Third title"
    assert item.url == "https://example.org/fixed"
    assert item.status == Status.PUBLISHED
    assert seen.data["title"] == "Third title"
    assert seen.contribution.title == "Third title"


@pytest.mark.django_db
def test_a_change_edited_after_the_curator_saw_it_is_refused_with_a_clear_message(
    make_resource, partner, curator
):
    item = live(make_resource=make_resource)
    seen = propose(item, partner, title="Second title")
    version = seen.updated_at
    propose(item, partner, title="Third title")

    with pytest.raises(RevisionChanged, match="was edited after you opened it"):
        seen.accept(by=curator, seen=version)
    with pytest.raises(RevisionChanged):
        seen.decline(by=curator, note="No.", seen=version)

    assert Resource.objects.get().title == "Testing leaflet"
    assert Revision.objects.get().status == Revision.Status.PENDING


@pytest.mark.django_db
def test_the_api_answers_409_for_a_change_edited_since_it_was_read(make_resource, partner, curator):
    item = live(make_resource=make_resource)
    revision = propose(item, partner, title="Second title")
    api = Client()
    api.force_login(curator)
    read = api.get(f"/api/v1/revisions/{revision.pk}/").json()
    propose(item, partner, title="Third title")

    url = f"/api/v1/revisions/{revision.pk}/accept/"
    response = api.post(url, {"updated_at": read["updated_at"]}, content_type="application/json")

    assert response.status_code == 409
    assert "edited after you opened it" in response.json()["error"]["message"]
    assert Resource.objects.get().title == "Testing leaflet"
    fresh = api.get(f"/api/v1/revisions/{revision.pk}/").json()["updated_at"]
    response = api.post(url, {"updated_at": fresh}, content_type="application/json")
    assert response.status_code == 200
    assert Resource.objects.get().title == "Third title"


@pytest.mark.django_db
def test_items_with_the_same_title_get_their_own_slugs(make_resource):
    first = make_resource("Same title")
    second = make_resource("Same title")
    assert (first.slug, second.slug) == ("same-title", "same-title-2")


@pytest.mark.django_db
def test_the_review_page_says_the_item_was_archived_when_accepting_fails(
    make_resource, partner, curator
):
    item = live(make_resource=make_resource)
    revision = propose(item, partner, title="New title")
    page = Client()
    page.force_login(curator)
    url = f"/curation/resource/{item.slug}/"
    assert page.get(url).status_code == 200
    Resource.objects.get(pk=item.pk).archive(by=curator, note="Withdrawn.")

    response = page.post(
        url,
        {
            "action": "accept_revision",
            "accept_revision-revision": revision.pk,
            "accept_revision-version": revision.updated_at.isoformat(),
            "accept_revision-note": "",
        },
        follow=True,
    )

    assert "is archived; someone may have acted on it first" in response.content.decode()
    assert Resource.objects.get().status == Status.ARCHIVED
