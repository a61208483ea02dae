"""A patient advocate's visit, clicked through in a real browser: from the home page
along the pathway to a stage and one of its barriers, into the library filtered by
country and stage, a search, and a resource whose metadata links onwards. And the
same site by keyboard: the skip link works and focus can always be seen."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from .support import DemoSite

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The focused element and its computed outline: the portal marks focus with one.
FOCUS_STYLE = """
() => {
  const style = getComputedStyle(document.activeElement);
  return {
    tag: document.activeElement.tagName.toLowerCase(),
    text: (document.activeElement.textContent || "").trim().slice(0, 60),
    outlineStyle: style.outlineStyle,
    outlineWidth: style.outlineWidth,
    inMain: document.querySelector("main").contains(document.activeElement),
  };
}
"""


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def card_titles(page: Page) -> list[str]:
    page.wait_for_load_state()
    results = page.get_by_role("region", name=re.compile(r"\bresults?\b"))
    return results.get_by_role("heading", level=3).all_inner_texts()


def assert_focus_is_visible(page: Page) -> dict[str, str]:
    focus = page.evaluate(FOCUS_STYLE)
    assert focus["outlineStyle"] != "none" and focus["outlineWidth"] != "0px", focus
    return focus


def main(page: Page) -> Locator:
    return page.get_by_role("main")


def test_visitor_goes_from_home_through_stage_barrier_library_and_search_to_a_resource(
    page: Page, site: DemoSite
):
    journey = site.journey

    # Home: the pathway at a glance leads to the map, the map to a stage.
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    main(page).get_by_role("link", name="Explore the pathway").click()
    expect(page).to_have_url(re.compile(r"/pathway/$"))
    main(page).get_by_role("link", name=re.compile(re.escape(journey.stage.text))).click()
    expect(page).to_have_url(re.compile(re.escape(journey.stage.href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(journey.stage.text)

    # The stage page lists its barriers; one of them opens the barrier page.
    main(page).get_by_role("link", name=journey.barrier.text, exact=True).first.click()
    expect(page).to_have_url(re.compile(re.escape(journey.barrier.href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(journey.barrier.text)

    # The library, narrowed with the filter checkboxes to one country and one stage.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Resources").click()
    filters = page.get_by_role("complementary", name="Filter")
    filters.get_by_role("checkbox", name=re.compile("^" + re.escape(journey.country_name))).check()
    filters.get_by_role("checkbox", name=re.compile(re.escape(journey.stage.text))).check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"country="))
    query = query_of(page)
    assert query["country"] == [journey.country_code]
    assert query["stage"] == [journey.stage.href.rstrip("/").rsplit("/", 1)[-1]]
    assert journey.filtered_resource in card_titles(page)

    # A search from the header's box searches the whole portal: among the resources
    # it finds, the one with every word in its title comes first.
    search = page.get_by_role("search", name="Site search")
    search.get_by_role("searchbox").fill(journey.search_text)
    search.get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    assert query_of(page)["q"] == [journey.search_text]
    resources = main(page).get_by_role("region", name=re.compile(r"^Resources \("))
    titles = resources.locator(".search-hit__title").all_inner_texts()
    assert len(titles) > 1, "the search should find more than one resource to rank"
    assert titles[0] == journey.best_hit

    # The best hit's page: its title, and metadata that links to where it belongs.
    main(page).get_by_role("link", name=journey.best_hit, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(journey.best_hit)
    for link in journey.best_hit_links:
        target = main(page).get_by_role("link", name=re.compile(re.escape(link.text)))
        expect(target.first).to_have_attribute("href", link.href)

    # And a metadata link goes where it says: the first stage of the resource.
    first_stage = next(link for link in journey.best_hit_links if link.href.startswith("/pathway/"))
    main(page).get_by_role("link", name=re.compile(re.escape(first_stage.text))).first.click()
    expect(page).to_have_url(re.compile(re.escape(first_stage.href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(first_stage.text)


def test_keyboard_user_skips_to_main_content_and_always_sees_focus(page: Page, site: DemoSite):
    page.goto(site.pages["pathway map"])

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert_focus_is_visible(page)

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(main(page)).to_be_focused()

    # From the top of the main content, Tab reaches a link inside it, and every stop
    # on the way shows where focus is.
    for _ in range(10):
        page.keyboard.press("Tab")
        focus = assert_focus_is_visible(page)
        if focus["tag"] == "a":
            break
    assert focus["tag"] == "a" and focus["inMain"], focus
