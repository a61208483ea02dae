"""The library's country box on a 360 px phone: with JavaScript a list box that
filters as you type and is worked with the keyboard; without it, a text box whose
name the server reads, and says so when it names no country."""

import re

import pytest
from playwright.sync_api import Page, expect

from .support import PHONE, TIMEOUT_MS, watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def open_filters(page: Page) -> None:
    """On a phone the library's filters are folded behind "Filter (n)": unfold them."""
    summary = page.locator("summary.filters__summary")
    if not summary.evaluate("summary => summary.parentElement.open"):
        summary.click()


def fits_the_screen(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_country_box_filters_as_you_type_and_is_worked_with_the_keyboard(
    phone_page: Page, site
):
    page = phone_page
    problems = watch(page)
    page.goto("/resources/")
    open_filters(page)
    box = page.get_by_role("combobox", name="Add a country")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.fill("pol")

    listbox = page.get_by_role("listbox", name="Add a country")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option").first).to_have_text(re.compile(r"^Poland\s*PL$"))
    expect(page.get_by_role("status").filter(has_text="match")).to_have_count(1)
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    expect(page.locator(f"#{active}")).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(box).to_have_value("Poland")
    expect(listbox).to_be_hidden()
    assert fits_the_screen(page)

    box.press("Enter")  # the list is closed: Enter sends the form

    expect(page).to_have_url(re.compile(r"[?&]country=PL\b"))
    expect(page.locator('input[type="checkbox"][name="country"][value="PL"]')).to_be_checked()
    assert problems.script_errors == [] and problems.csp_violations(page) == []


def test_a_tap_on_a_country_picks_it(phone_page: Page, site):
    page = phone_page
    page.goto("/resources/")
    open_filters(page)
    box = page.get_by_role("combobox", name="Add a country")
    box.fill("es")  # a code finds its country first, before names with "es" in them

    page.get_by_role("option", name=re.compile("^Spain")).click()

    expect(box).to_have_value("Spain")


def test_without_javascript_a_typed_country_is_read_and_a_wrong_one_explained(browser, site):
    context = browser.new_context(base_url=site.url, viewport=PHONE, java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto("/resources/")
        open_filters(page)
        # A text input with a list of suggestions: a combobox to assistive technology.
        box = page.get_by_role("combobox", name="Add a country")
        assert box.get_attribute("list") == "f-country-options"
        assert fits_the_screen(page)

        box.fill("spian")
        box.press("Enter")

        expect(page.get_by_text("No country is called “spian”.")).to_be_visible()
        expect(box).to_have_attribute("aria-invalid", "true")
        page.get_by_role("link", name="Spain", exact=True).click()

        expect(page).to_have_url(re.compile(r"[?&]country=ES\b"))
        checkbox = page.locator('input[type="checkbox"][name="country"][value="ES"]')
        expect(checkbox).to_be_checked()
    finally:
        context.close()
