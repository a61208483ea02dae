"""The home page, and what every public page shares: the layout in base.html,
the friendly 404 and 500 pages, and markup that the strict CSP allows."""

from datetime import timedelta

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.views.defaults import server_error

from pathway.models import Stage

pytestmark = pytest.mark.django_db

NON_PUBLISHED = ["draft", "submitted", "changes_requested", "rejected", "archived"]
PUBLIC_PAGES = [
    "/",
    "/pathway/",
    "/pathway/testing-decision/",
    "/barriers/",
    "/barriers/test-not-reimbursed/",
    "/stakeholders/",
    "/organisations/lung-patients-network/",
]


def published_days_ago(item, days: int) -> None:
    type(item).objects.filter(pk=item.pk).update(published_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def content(make_resource, make_initiative):
    """Four published items of each kind, oldest first, and one in every other state."""
    for days, n in zip((40, 30, 20, 10), range(4), strict=True):
        published_days_ago(make_resource(f"Resource {n}", "published", stages=["monitoring"]), days)
        published_days_ago(make_initiative(f"Initiative {n}", "published"), days)
    # Tagged so that, were they public, the stage, barrier and organisation pages would list them.
    tags = {
        "stages": ["testing-decision"],
        "barriers": ["test-not-reimbursed"],
        "countries": ["IT"],
    }
    for status in NON_PUBLISHED:
        make_resource(f"Hidden resource {status}", status, **tags)
        make_initiative(f"Hidden initiative {status}", status, **tags)


def test_home_explains_precision_medicine_and_links_every_stage(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Precision medicine means choosing the treatment that fits your own illness" in body
    assert "many patients who could benefit miss out" in body
    positions = [body.index(f'href="/pathway/{stage.slug}/"') for stage in Stage.objects.all()]
    assert len(positions) == 8
    assert positions == sorted(positions)


def test_home_shows_the_three_newest_published_items_of_each_kind(client, content):
    response = client.get("/")
    assert [r.title for r in response.context["resources"]] == [
        "Resource 3",
        "Resource 2",
        "Resource 1",
    ]
    assert [i.title for i in response.context["initiatives"]] == [
        "Initiative 3",
        "Initiative 2",
        "Initiative 1",
    ]
    body = response.content.decode()
    assert "Resource 0" not in body
    assert "Hidden" not in body
    assert 'href="/resources/resource-3/"' in body


def test_home_says_when_nothing_is_published_yet(client):
    body = client.get("/").content.decode()
    assert "No resources have been published yet." in body
    assert "No initiatives have been published yet." in body


def test_home_has_a_labelled_search_box_for_the_whole_portal(client):
    body = client.get("/").content.decode()
    assert 'action="/search/"' in body
    assert '<label for="home-q">' in body
    assert 'id="home-q" name="q"' in body


def test_home_query_count_does_not_grow(client, make_resource, make_initiative):
    def add(n: int) -> None:
        for i in range(n):
            make_resource(f"Resource {i}", "published", stages=["monitoring"], countries=["DE"])
            make_initiative(f"Initiative {i}", "published", countries=["DE"])

    add(2)
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    add(10)
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    # 1 the stages; 2-8 the newest resources and their six prefetched tag lists
    # 9-15 the newest initiatives and theirs
    assert len(few) == len(many) == 15


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_has_the_shared_layout(client, organisation, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en" dir="ltr">' in body
    assert '<a class="skip-link" href="#main">' in body
    assert '<main id="main"' in body
    assert body.count("<h1") == 1
    assert '<label for="site-search-q"' in body
    assert 'href="/feeds/"' in body  # the page about the feeds, which links the sitemap
    assert "· FT3 Pathway Portal</title>" in body


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_pages_need_no_inline_styles_or_scripts(client, organisation, url):
    # The CSP allows stylesheets and scripts only from the site itself.
    body = client.get(url).content.decode()
    assert " style=" not in body
    assert "<style" not in body
    assert "<script>" not in body


@pytest.mark.parametrize(
    ("url", "section"),
    [
        ("/pathway/", "/pathway/"),
        ("/pathway/monitoring/", "/pathway/"),
        ("/barriers/disparities-in-access/", "/barriers/"),
        ("/stakeholders/", "/stakeholders/"),
        ("/organisations/lung-patients-network/", "/stakeholders/"),
        ("/", None),
    ],
)
def test_navigation_marks_the_current_section(client, organisation, url, section):
    body = client.get(url).content.decode()
    nav = body[body.index('<nav class="site-nav"') : body.index("</nav>", body.index("site-nav"))]
    if section is None:
        assert 'aria-current="page"' not in nav
    else:
        assert nav.count('aria-current="page"') == 1
        assert f'href="{section}" aria-current="page"' in nav


def test_flash_messages_show_as_notices(client):
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.SUCCESS, "Thanks, your resource was submitted.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies[storage.cookie_name] = carrier.cookies[storage.cookie_name].value
    body = client.get("/").content.decode()
    assert '<p class="notice notice--success">Thanks, your resource was submitted.</p>' in body


def test_unknown_page_gets_the_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We could not find that page" in body
    assert 'href="/pathway/"' in body


def test_500_page_renders_without_database_or_request_context(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert 'href="/static/css/portal.css"' in body


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_no_unpublished_item_appears_on_any_page(client, organisation, content, url):
    body = client.get(url).content.decode()
    assert "Hidden" not in body
