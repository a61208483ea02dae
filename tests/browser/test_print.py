"""Printing: the chosen questions fit on one A4 page, at a phone's width and on a
desktop, and so does each stage page (Chromium's own PDF of the print layout)."""

import re

import pytest
from playwright.sync_api import Page, expect

from pathway.models import Stage

from .support import DESKTOP, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE_390 = {"width": 390, "height": 844}
# 210 mm less two 12 mm margins, at 96 CSS pixels to the inch.
A4_PRINTABLE = {"width": 703, "height": 1001}
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


def pdf_pages(page: Page) -> int:
    """How many pages Chromium prints the page on, counted in the PDF itself."""
    return len(PAGE_OBJECT.findall(page.pdf(format="A4")))


@pytest.fixture(params=[PHONE_390, DESKTOP], ids=["390px", "desktop"])
def sized_page(request, browser, site):
    yield from open_page(browser, site, request.param)


def test_counting_pdf_pages_sees_a_long_page(page: Page, site):
    page.goto(site.pages["resource library"])
    assert pdf_pages(page) > 1


@pytest.mark.parametrize("how_many", ["two", "all"])
def test_the_chosen_questions_print_on_one_a4_page(sized_page: Page, site, how_many):
    page = sized_page
    page.goto("/questions/")
    boxes = page.locator('input[type="checkbox"][name="q"]')
    chosen = [boxes.nth(2), boxes.nth(5)] if how_many == "two" else boxes.all()
    for box in chosen:
        box.check()
    page.get_by_role("button", name="Show my list, ready to print").click()

    expect(page).to_have_url(re.compile(r"/questions/print/\?q="))
    expect(page.locator(".my-questions__item")).to_have_count(len(chosen))
    assert pdf_pages(page) == 1

    # Every question is on the sheet with at least a ruled line (5 mm) to write on,
    # measured in the print layout at the width of an A4 sheet less its margins.
    page.set_viewport_size(A4_PRINTABLE)
    page.emulate_media(media="print")
    for item in page.locator(".my-questions__item").all():
        expect(item).to_be_visible()
        notes = item.locator(".my-questions__notes").bounding_box()
        assert notes["height"] >= 18, notes
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()


def test_each_stage_page_prints_on_one_a4_page(sized_page: Page, site):
    page = sized_page
    for stage in Stage.objects.order_by("position"):
        page.goto(stage.get_absolute_url())
        assert pdf_pages(page) == 1, stage.slug
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name="Questions you can ask")).to_be_visible()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()
