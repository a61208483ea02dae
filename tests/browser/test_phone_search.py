"""A search from the header on a phone: the results come first, in the first screen,
not after the search form's help or anything else."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_a_search_from_the_header_on_a_phone_shows_results_in_the_first_screen(
    phone_page: Page, site
):
    page = phone_page
    page.goto("/")
    box = page.get_by_role("search", name="Site search").get_by_role("searchbox")
    box.fill("biomaker test")  # misspelt, as typed on a phone
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=biomaker"))
    first_hit = page.locator(".search-hit__title a").first
    expect(first_hit).to_be_visible()
    top = first_hit.bounding_box()["y"]
    assert top < page.viewport_size["height"], top
