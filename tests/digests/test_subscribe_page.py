"""The subscribe page: every interest offered, prefilled from the library view it
came from, its other filters kept or dropped, what it does not know said so."""

import re

import pytest

from digests.models import Subscription
from tests.conftest import logged_in
from tests.digests.support import (
    checked,
    kept_filters,
    subscribe,
)

pytestmark = pytest.mark.django_db

# The subscribe page -------------------------------------------------------------


def test_the_subscribe_page_offers_every_interest_and_frequency(client):
    response = client.get("/digest/subscribe/")

    assert response.status_code == 200
    html = response.content.decode()
    for name in (
        "email",
        "frequency",
        "kinds",
        "stages",
        "barriers",
        "regions",
        "therapeutic_areas",
    ):
        assert f'name="{name}"' in html
    # Every country is a checkbox, grouped by region in folding groups; no list box.
    europe = html[
        html.index("<summary>Europe") : html.index("</details>", html.index("<summary>Europe"))
    ]
    assert 'name="countries" value="PL" id="id_countries_PL">' in europe
    assert 'name="countries" value="BR"' not in europe
    assert html.count('name="countries"') >= 249
    assert "<select" not in html[html.index("<form") : html.index("</form>")]
    assert "Ctrl" not in html
    # Therapeutic areas as their tree: lung cancer in the list under oncology.
    assert re.search(
        r'value="oncology"[^\n]*>Oncology</label>\s*<ul class="digest-choices__list">'
        r'(<li>(?:(?!</li>).)*</li>)*?<li><input [^>]*value="lung-cancer"[^>]*> <label[^>]*>'
        r"Lung cancer</label>",
        html,
    )
    assert 'style="' not in html  # the CSP allows no inline styles


def test_the_subscribe_page_prefills_interests_from_a_library_query(client):
    response = client.get(
        "/digest/subscribe/?kind=initiative&stage=testing-decision&country=de"
        "&region=europe&area=oncology&category=equity&barrier=test-not-reimbursed&q=ngs"
    )

    html = response.content.decode()
    assert checked(html, "stages", "testing-decision")
    assert not checked(html, "stages", "monitoring")
    assert re.search(r'name="countries" value="DE" id="id_countries_DE" checked', html)
    assert checked(html, "regions", "europe")
    assert checked(html, "therapeutic_areas", "oncology")
    assert checked(html, "barriers", "test-not-reimbursed")
    assert not checked(html, "barriers", "disparities-in-access")
    assert checked(html, "kinds", "initiatives")
    assert not checked(html, "kinds", "resources")
    # The filters without a widget of their own are kept, readably.
    assert kept_filters(html) == [
        ("q=ngs", "Search: ngs"),
        ("category=equity", "Barrier category: Equity"),
    ]


def test_the_library_views_other_filters_are_kept_and_can_be_dropped(client):
    page = client.get(
        "/digest/subscribe/?kind=resource&q=biomarker&language=de&audience=payers"
        "&type=toolkit&stage=testing-decision"
    )

    assert kept_filters(page.content.decode()) == [
        ("q=biomarker", "Search: biomarker"),
        ("audience=payers", "Audience: Payers"),
        ("language=de", "Language: German"),
        ("type=toolkit", "Type of resource: Toolkit (resources only)"),
    ]

    # The visitor unticks the audience and the type.
    response = subscribe(client, filters=["q=biomarker", "language=de"])

    assert response.status_code == 302
    assert Subscription.objects.get().query == (
        "area=lung-cancer&barrier=test-not-reimbursed&country=DE&language=de&q=biomarker"
        "&region=europe&stage=testing-decision"
    )


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("foo=1", "We ignored “foo”: the library has no such filter."),
        ("stage=no-such-stage", "We ignored “no-such-stage” for pathway stage"),
        ("country=zz", "We ignored “zz” for country"),
        ("language=xx&year=abc", "We ignored “abc” for year"),
        ("status=ongoing", "We ignored “ongoing” for initiative status"),
        ("kind=nonsense", "We ignored an unknown kind of contribution."),
        ("q=" + "biomarker " * 50, "Your search was shortened to its first 200 characters."),
        ("stage=" + "a" * 5000, "We ignored “" + "a" * 100 + "” for pathway stage"),
        ("%00q%00=1&stage=test%00ing", "We ignored “q”: the library has no such filter."),
        ("&".join(f"country=C{n}" for n in range(300)), "We ignored “C0” for country"),
    ],
)
def test_unknown_and_invalid_library_parameters_are_ignored_with_a_notice(client, query, notice):
    response = client.get(f"/digest/subscribe/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert "\x00" not in html


def test_a_search_with_nul_bytes_is_kept_without_them(client):
    response = client.get("/digest/subscribe/?q=bio%00marker%00")

    assert kept_filters(response.content.decode()) == [("q=bio+marker", "Search: bio marker")]


@pytest.mark.parametrize("posted", [["foo=1"], ["stage=monitoring"], ["q=%00"], ["\x00"]])
def test_a_kept_filter_the_library_does_not_know_is_refused_not_saved(client, posted):
    response = subscribe(client, filters=posted)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert Subscription.objects.count() == 0


@pytest.mark.parametrize(
    ("path", "kind"), [("/resources/", "resource"), ("/initiatives/", "initiative")]
)
def test_library_views_link_to_a_digest_of_what_they_show(client, path, kind):
    response = client.get(f"{path}?stage=testing-decision&country=DE&page=1")

    assert response.status_code == 200
    link = f'href="/digest/subscribe/?kind={kind}&amp;stage=testing-decision&amp;country=DE"'
    assert link in response.content.decode()


def test_a_logged_in_user_finds_their_address_filled_in(partner):
    response = logged_in(partner).get("/digest/subscribe/")

    assert 'value="partner@example.org"' in response.content.decode()
