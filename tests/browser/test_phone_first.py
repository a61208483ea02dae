"""The portal on a phone (390 × 844, a common phone screen): the library's results in
the first screen, the subscribe form without list boxes, the gap map saying that it
continues sideways, and the countries map that scales and links each country."""

import re
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from playwright.sync_api import Page, expect

from contributions.filters import ResourceFilterSet
from contributions.models import Resource
from digests.models import Subscription

from .support import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE_390 = {"width": 390, "height": 844}
COMMON_WORD = "cancer"


@pytest.fixture
def phone(browser, site) -> Iterator[Page]:
    yield from open_page(browser, site, PHONE_390)


def results_for(word: str) -> int:
    return ResourceFilterSet(
        QueryDict(urlencode({"q": word})), queryset=Resource.objects.published()
    ).qs.count()


def word_with_one_result() -> str:
    """A word of a demo resource's title that finds that resource alone."""
    for resource in Resource.objects.published().order_by("slug"):
        for word in re.findall(r"[A-Za-z]{4,}", resource.title):
            if results_for(word) == 1:
                return word
    raise LookupError("No title word of the demo content finds exactly one resource.")


def test_a_library_search_shows_its_first_result_in_the_first_screen(phone: Page):
    one = word_with_one_result()
    assert results_for(COMMON_WORD) > 3
    for word in (one, COMMON_WORD):
        phone.goto(f"/resources/?{urlencode({'q': word})}")

        first = phone.locator(".card-list > *").first
        expect(first).to_be_visible()
        top = first.bounding_box()["y"]
        assert top < PHONE_390["height"], (word, top)
        # The filters wait, folded, above the results, and open with a tap.
        filters = phone.locator("details.filters__disclosure")
        assert filters.get_attribute("open") is None
        phone.locator("summary.filters__summary").click()
        expect(phone.get_by_role("button", name="Apply filters")).to_be_visible()
        # No facet list scrolls in a box of its own on a phone (the country box's
        # suggestions, a pop-up list box, do).
        overflows = phone.locator(".facet > ul").evaluate_all(
            "lists => lists.map(list => getComputedStyle(list).overflowY)"
        )
        assert set(overflows) <= {"visible"}, overflows


def test_the_filters_are_open_beside_the_results_on_a_desktop(page: Page):
    page.goto("/resources/")

    expect(page.locator("details.filters__disclosure")).to_have_attribute("open", "")
    expect(page.get_by_role("button", name="Apply filters")).to_be_visible()


def test_the_subscribe_form_is_filled_in_on_a_phone_without_a_list_box(phone: Page):
    phone.goto("/digest/subscribe/")
    assert phone.locator("select[multiple]").count() == 0
    assert "Ctrl" not in phone.locator("main").inner_text()

    phone.get_by_label("Your email address").fill("phone.reader@example.org")
    phone.get_by_label("Find a country").fill("pola")
    expect(phone.get_by_role("status").filter(has_text="1 country matches.")).to_be_visible()
    phone.get_by_label("Poland").check()
    phone.get_by_label("Lung cancer").check()
    phone.get_by_label("Monthly", exact=False).check()
    phone.get_by_role("button", name="Subscribe").click()

    expect(phone).to_have_url(re.compile(r"/digest/"))
    subscription = Subscription.objects.get(email="phone.reader@example.org")
    assert subscription.query == "area=lung-cancer&country=PL"
    assert subscription.frequency == "monthly"


def test_the_gap_map_says_on_a_phone_that_it_continues_sideways(phone: Page, page: Page):
    phone.goto("/gaps/")

    expect(phone.locator(".coverage-scroll__hint").first).to_be_visible()
    scroller = phone.locator(".coverage-scroll").first
    assert scroller.evaluate("frame => frame.scrollWidth > frame.clientWidth")
    scroller.evaluate("frame => { frame.scrollLeft = 400; }")
    assert scroller.evaluate("frame => frame.scrollLeft") > 0

    page.goto("/gaps/")
    expect(page.locator(".coverage-scroll__hint").first).to_be_hidden()


def test_the_countries_map_scales_to_a_phone_and_links_each_country(phone: Page):
    phone.goto("/countries/")

    world = phone.locator("svg.world-map__svg")
    box = world.bounding_box()
    assert 0 < box["width"] <= PHONE_390["width"]
    expect(phone.get_by_role("table", name="Published work per country")).to_be_visible()
    phone.locator('svg.world-map__svg a[href="/countries/BR/"]').click()
    expect(phone).to_have_url(re.compile(r"/countries/BR/$"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Brazil")
