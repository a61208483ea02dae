"""Every public page in a real browser: axe-core finds no serious or critical WCAG 2.2
A/AA violation, nothing scrolls sideways on a 360 px phone, and the page loads with no
console error, script error or Content Security Policy violation."""

import pytest
from playwright.sync_api import Page

from .support import (
    NOT_FOUND_PAGES,
    PHONE,
    PUBLIC_PAGES,
    DemoSite,
    PageProblems,
    describe_violations,
    run_axe,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The elements that stick out past the right edge of the viewport, widest first, so
# that a failure names what to fix.
OVERFLOWING_ELEMENTS = """
(width) => [...document.querySelectorAll("body *")]
  .map((element) => [element, element.getBoundingClientRect()])
  .filter(([, box]) => box.right > width + 0.5)
  .sort(([, a], [, b]) => b.right - a.right)
  .slice(0, 5)
  .map(([element, box]) => {
    const classes = element.className && typeof element.className === "string"
      ? "." + element.className.trim().split(/\\s+/).join(".") : "";
    return `${element.tagName.toLowerCase()}${classes} reaches ${Math.round(box.right)}px`;
  })
"""


def visit(page: Page, site: DemoSite, name: str) -> None:
    path = site.pages[name]
    response = page.goto(path)
    expected = 404 if name in NOT_FOUND_PAGES else 200
    assert response is not None
    assert response.status == expected, f"{name} ({path}) answered {response.status}"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_page_has_no_serious_or_critical_accessibility_violation(page, site, axe_source, name):
    visit(page, site, name)

    violations = run_axe(page, axe_source)

    assert not violations, (
        f"axe-core on {name} ({site.pages[name]}):{describe_violations(violations)}"
    )


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_page_fits_a_360px_phone_without_sideways_scrolling(phone_page, site, name):
    visit(phone_page, site, name)

    width = phone_page.evaluate("document.documentElement.scrollWidth")

    assert width <= PHONE["width"], (
        f"{name} ({site.pages[name]}) is {width}px wide on a {PHONE['width']}px screen: "
        + "; ".join(phone_page.evaluate(OVERFLOWING_ELEMENTS, PHONE["width"]))
    )


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_page_loads_without_console_errors_or_csp_violations(
    page, page_problems: PageProblems, site, name
):
    visit(page, site, name)

    errors = page_problems.console_errors
    if name in NOT_FOUND_PAGES:
        # The browser logs the document's own 404 status; that is the page's point.
        errors = [e for e in errors if not e.is_status_of(page.url)]
    assert [str(e) for e in errors] == []
    assert page_problems.script_errors == []
    assert page_problems.csp_violations(page) == []
