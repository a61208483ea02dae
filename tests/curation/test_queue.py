"""The curators' moderation queue, bulk publishing, and who may use the curation pages."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contributions.models import Initiative, ModerationEvent, Resource, Revision, Status
from pathway.models import Stage
from tests.conftest import logged_in

QUEUE = "/curation/"
BULK = "/curation/publish/"


def backdate(item, days: float) -> None:
    """Pretend the item was submitted `days` ago."""
    type(item).objects.filter(pk=item.pk).update(submitted_at=timezone.now() - timedelta(days=days))


def propose_change(item, by, days_ago: float = 0, **data) -> Revision:
    revision = Revision.propose(item, {"title": item.title, **data}, by=by)
    Revision.objects.filter(pk=revision.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return revision


def titles(response) -> list[str]:
    return [entry.item.title for entry in response.context["entries"]]


@pytest.fixture
def submitted(make_resource):
    return make_resource("Know your biomarker", "submitted", countries=["DE"])


@pytest.fixture
def persona(request):
    """The persona named by the test's parameter (None for an anonymous visitor)."""
    name = request.param
    return None if name == "anonymous" else request.getfixturevalue(name)


def client_for(user) -> Client:
    return Client() if user is None else logged_in(user)


# Who may see and use the curation pages.

PERSONAS = ["anonymous", "partner", "other_partner", "pending_member", "curator", "admin_user"]
EXPECTED_GET = {
    "anonymous": 302,
    "partner": 403,
    "other_partner": 403,
    "pending_member": 403,
    "curator": 200,
    "admin_user": 200,
}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True, ids=PERSONAS)
def test_the_queue_is_for_curators_only(persona, submitted, request):
    name = request.node.callspec.params["persona"]
    response = client_for(persona).get(QUEUE)
    assert response.status_code == EXPECTED_GET[name]
    if name == "anonymous":
        assert response.url == f"{resolve_url(settings.LOGIN_URL)}?next={QUEUE}"


@pytest.mark.parametrize("persona", PERSONAS, indirect=True, ids=PERSONAS)
def test_the_review_page_is_for_curators_only(persona, submitted, request):
    name = request.node.callspec.params["persona"]
    url = f"/curation/resource/{submitted.slug}/"
    response = client_for(persona).get(url)
    assert response.status_code == EXPECTED_GET[name]
    if name == "anonymous":
        assert response.url == f"{resolve_url(settings.LOGIN_URL)}?next={url}"


@pytest.mark.parametrize("persona", PERSONAS, indirect=True, ids=PERSONAS)
def test_only_curators_can_publish_from_the_review_page(persona, submitted, request):
    name = request.node.callspec.params["persona"]
    response = client_for(persona).post(
        f"/curation/resource/{submitted.slug}/", {"action": "publish", "publish-note": ""}
    )
    submitted.refresh_from_db()
    if name in ("curator", "admin_user"):
        assert response.status_code == 302
        assert submitted.status == Status.PUBLISHED
    else:
        assert response.status_code == (302 if name == "anonymous" else 403)
        assert submitted.status == Status.SUBMITTED
        if name == "anonymous":
            assert response.url.startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("persona", PERSONAS, indirect=True, ids=PERSONAS)
@pytest.mark.parametrize(
    "action, data",
    [
        ("request_changes", {"request_changes-note": "Add sources"}),
        ("reject", {"reject-reasons": ["promotional"], "reject-note": ""}),
    ],
)
def test_only_curators_can_send_back_or_reject(persona, submitted, action, data, request):
    name = request.node.callspec.params["persona"]
    response = client_for(persona).post(
        f"/curation/resource/{submitted.slug}/", {"action": action, **data}
    )
    submitted.refresh_from_db()
    allowed = name in ("curator", "admin_user")
    assert response.status_code == (302 if allowed or name == "anonymous" else 403)
    assert (submitted.status != Status.SUBMITTED) is allowed


@pytest.mark.parametrize("persona", PERSONAS, indirect=True, ids=PERSONAS)
def test_only_curators_can_archive(persona, make_resource, request):
    name = request.node.callspec.params["persona"]
    item = make_resource("Live guide", "published")
    response = client_for(persona).post(
        f"/curation/resource/{item.slug}/", {"action": "archive", "archive-note": ""}
    )
    item.refresh_from_db()
    allowed = name in ("curator", "admin_user")
    assert response.status_code == (302 if allowed or name == "anonymous" else 403)
    assert (item.status == Status.ARCHIVED) is allowed


@pytest.mark.parametrize("persona", PERSONAS, indirect=True, ids=PERSONAS)
def test_only_curators_can_decide_on_a_revision(persona, make_resource, partner, request):
    name = request.node.callspec.params["persona"]
    item = make_resource("Live guide", "published")
    revision = propose_change(item, partner, title="Live guide, 2nd edition")
    response = client_for(persona).post(
        f"/curation/resource/{item.slug}/",
        {
            "action": "accept_revision",
            "accept_revision-revision": revision.pk,
            "accept_revision-version": revision.updated_at.isoformat(),
        },
    )
    item.refresh_from_db()
    allowed = name in ("curator", "admin_user")
    assert response.status_code == (302 if allowed or name == "anonymous" else 403)
    assert (item.title == "Live guide, 2nd edition") is allowed


@pytest.mark.parametrize("persona", PERSONAS, indirect=True, ids=PERSONAS)
def test_only_curators_can_bulk_publish(persona, submitted, request):
    name = request.node.callspec.params["persona"]
    response = client_for(persona).post(BULK, {"items": [f"resource:{submitted.pk}"]})
    submitted.refresh_from_db()
    allowed = name in ("curator", "admin_user")
    assert response.status_code == (302 if allowed or name == "anonymous" else 403)
    assert (submitted.status == Status.PUBLISHED) is allowed
    if name == "anonymous":
        assert response.url.startswith(resolve_url(settings.LOGIN_URL))


def test_bulk_publish_only_accepts_posts(curator):
    assert logged_in(curator).get(BULK).status_code == 405


def test_an_inactive_curator_is_refused(curator, submitted):
    client = logged_in(curator)
    curator.is_active = False
    curator.save(update_fields=["is_active"])
    # The authentication backend no longer accepts the session's user.
    response = client.get(QUEUE)
    assert response.status_code == 302


def test_an_unknown_kind_or_slug_is_404(curator, submitted):
    client = logged_in(curator)
    assert client.get(f"/curation/barrier/{submitted.slug}/").status_code == 404
    assert client.get("/curation/resource/no-such-item/").status_code == 404


# The queue.


def test_the_queue_lists_submissions_and_revisions_oldest_first(
    make_resource, make_initiative, partner, curator
):
    newest = make_resource("Newest resource", "submitted")
    oldest = make_initiative("Oldest initiative", "submitted")
    middle = make_resource("Published guide", "published")
    make_resource("A draft", "draft")
    make_resource("Sent back", "changes_requested")
    make_resource("Turned down", "rejected")
    backdate(newest, 1)
    backdate(oldest, 5)
    propose_change(middle, partner, days_ago=3, summary="Better summary.")

    response = logged_in(curator).get(QUEUE)

    assert response.status_code == 200
    assert titles(response) == ["Oldest initiative", "Published guide", "Newest resource"]
    entries = response.context["entries"]
    assert [entry.is_revision for entry in entries] == [False, True, False]
    body = response.content.decode()
    ages = re.findall(r"<time datetime=[^>]*>([^<]*)</time>", body)
    assert ages == ["5\xa0days ago", "3\xa0days ago", "1\xa0day ago"]
    assert "Proposed change" in body
    assert "3 waiting for review" in body
    assert f"/curation/initiative/{oldest.slug}/" in body
    # Only submitted items can be ticked for bulk publishing, not revisions.
    assert f'value="initiative:{oldest.pk}"' in body
    assert f'value="resource:{newest.pk}"' in body
    assert f'value="resource:{middle.pk}"' not in body


def test_each_row_shows_organisation_and_places(submitted, curator, organisation):
    Resource.objects.get(pk=submitted.pk).regions.set([])
    response = logged_in(curator).get(QUEUE)
    body = response.content.decode()
    assert organisation.name in body
    assert "Germany" in body
    assert "Resource" in body


def test_an_empty_queue_says_so(curator):
    response = logged_in(curator).get(QUEUE)
    assert response.status_code == 200
    assert "Nothing is waiting for review" in response.content.decode()


@pytest.fixture
def mixed_queue(make_resource, make_initiative, other_organisation, partner):
    lung = make_resource(
        "Lung testing guide", "submitted", countries=["DE"], stages=["testing-decision"]
    )
    colon = make_resource(
        "Colon toolkit", "submitted", countries=["FR"], organisation=other_organisation
    )
    pilot = make_initiative("Testing pilot", "submitted", countries=["FR"])
    live = make_resource("Live leaflet", "published", countries=["DE"])
    propose_change(live, partner, days_ago=10, summary="Shorter.")
    backdate(lung, 8)
    backdate(colon, 1)
    backdate(pilot, 3)
    return {"lung": lung, "colon": colon, "pilot": pilot, "live": live}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=resource", ["Live leaflet", "Lung testing guide", "Colon toolkit"]),
        ("kind=initiative", ["Testing pilot"]),
        ("organisation=colorectal-alliance", ["Colon toolkit"]),
        ("country=FR", ["Testing pilot", "Colon toolkit"]),
        ("country=DE", ["Live leaflet", "Lung testing guide"]),
        ("age=7", ["Live leaflet", "Lung testing guide"]),
        ("age=2&kind=initiative", ["Testing pilot"]),
        ("age=30", []),
    ],
)
def test_the_queue_filters_by_the_query_string(mixed_queue, curator, query, expected):
    response = logged_in(curator).get(f"{QUEUE}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["is_filtered"]


def test_the_stage_filter_uses_the_live_items_tags(mixed_queue, curator):
    stage = Stage.objects.get(slug="testing-decision")
    mixed_queue["live"].stages.set([stage])
    response = logged_in(curator).get(f"{QUEUE}?stage=testing-decision")
    assert titles(response) == ["Live leaflet", "Lung testing guide"]


def test_an_unknown_filter_value_is_reported_and_ignored(mixed_queue, curator):
    response = logged_in(curator).get(f"{QUEUE}?organisation=nobody&age=1000&kind=resource")
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"organisation", "age"}
    assert titles(response) == ["Live leaflet", "Lung testing guide", "Colon toolkit"]
    assert "Select a valid choice" in response.content.decode()


def test_garbage_in_the_query_string_is_not_an_error(mixed_queue, curator):
    response = logged_in(curator).get(
        f"{QUEUE}?organisation=%00&country=%00x&stage=" + "x" * 500 + "&age=-1&kind=%00&page=%00"
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "organisation",
        "country",
        "stage",
        "age",
        "kind",
    }
    assert len(titles(response)) == 4


def test_a_filtered_queue_without_matches_offers_the_whole_queue(mixed_queue, curator):
    response = logged_in(curator).get(f"{QUEUE}?age=30")
    assert "Nothing waiting matches these filters" in response.content.decode()


def test_the_queue_paginates(make_resource, curator, monkeypatch):
    monkeypatch.setattr("curation.views.queue.QUEUE_PAGE_SIZE", 2)
    for n in range(5):
        backdate(make_resource(f"Item {n}", "submitted"), 10 - n)
    client = logged_in(curator)
    assert titles(client.get(QUEUE)) == ["Item 0", "Item 1"]
    page3 = client.get(f"{QUEUE}?kind=resource&page=3")
    assert titles(page3) == ["Item 4"]
    assert "Page 3 of 3" in page3.content.decode()
    assert titles(client.get(f"{QUEUE}?page=nonsense")) == ["Item 0", "Item 1"]


def build_queue(make_resource, make_initiative, partner, size: int) -> None:
    for n in range(size):
        make_resource(f"Resource {size}-{n}", "submitted", countries=["DE"], regions=["europe"])
        make_initiative(f"Initiative {size}-{n}", "submitted", countries=["FR", "DE"])
        live = make_resource(f"Live {size}-{n}", "published", countries=["FR"])
        propose_change(live, partner, summary=f"Changed {n}.")


@pytest.mark.parametrize("size", [1, 6])
def test_the_queue_takes_a_fixed_number_of_queries(
    make_resource, make_initiative, partner, curator, size
):
    build_queue(make_resource, make_initiative, partner, size)
    client = logged_in(curator)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE)
    assert response.status_code == 200
    assert len(response.context["entries"]) == 3 * size
    # 1 session, 2 user, 3 is_curator (groups), 4 count of the queue,
    # 5 the page of the queue (one UNION), 6-8 resources + their countries + regions,
    # 9-11 initiatives + their countries + regions, 12 translations waiting,
    # 13 memberships waiting, 14-16 the filters' options: organisations, countries, stages.
    assert len(queries) == 16, "\n".join(q["sql"] for q in queries.captured_queries)


# Bulk publishing.


def test_bulk_publish_publishes_the_chosen_items_and_skips_the_rest(
    make_resource, make_initiative, curator
):
    first = make_resource("First", "submitted")
    second = make_initiative("Second", "submitted")
    already = make_resource("Already live", "published")
    sent_back = make_resource("Sent back", "changes_requested")
    untouched = make_resource("Not chosen", "submitted")

    response = logged_in(curator).post(
        BULK,
        {
            "items": [
                f"resource:{first.pk}",
                f"initiative:{second.pk}",
                f"resource:{already.pk}",
                f"resource:{sent_back.pk}",
                "resource:999999",
                "resource:99999999999999999999999",
                "resource:²",
                "nonsense",
            ],
            "next": "/curation/?kind=resource",
        },
        follow=True,
    )

    assert response.redirect_chain == [("/curation/?kind=resource", 302)]
    assert Resource.objects.get(pk=first.pk).status == Status.PUBLISHED
    assert Initiative.objects.get(pk=second.pk).status == Status.PUBLISHED
    assert Resource.objects.get(pk=sent_back.pk).status == Status.CHANGES_REQUESTED
    assert Resource.objects.get(pk=untouched.pk).status == Status.SUBMITTED
    events = ModerationEvent.objects.filter(actor=curator)
    assert sorted(str(e.contribution) for e in events) == ["First", "Second"]
    assert {e.action for e in events} == {"publish"}
    messages = [str(m) for m in response.context["messages"]]
    assert "Published 2 items." in messages
    assert any(m.startswith("Skipped 6 items") for m in messages)


def test_bulk_publish_without_a_choice_says_so(curator, submitted):
    response = logged_in(curator).post(BULK, {}, follow=True)
    assert response.status_code == 200
    assert "Choose at least one item to publish." in [str(m) for m in response.context["messages"]]
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_bulk_publish_never_redirects_off_site(curator, submitted):
    response = logged_in(curator).post(
        BULK, {"items": [f"resource:{submitted.pk}"], "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response.url == QUEUE


def test_bulk_publishing_from_the_queue_page_round_trips(submitted, curator):
    client = logged_in(curator)
    page = client.get(f"{QUEUE}?country=DE")
    assert 'name="next" value="/curation/?country=DE"' in page.content.decode()
    response = client.post(
        BULK, {"items": [f"resource:{submitted.pk}"], "next": "/curation/?country=DE"}
    )
    assert response.url == "/curation/?country=DE"
    assert Resource.objects.get(pk=submitted.pk).status == Status.PUBLISHED
    assert titles(client.get(QUEUE)) == []
