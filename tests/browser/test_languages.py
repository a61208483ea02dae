"""The portal in every language in a real browser: every public page passes axe-core
in each; a first visit follows the browser's language; the
switcher keeps the page and query, without JavaScript too; the country box's status
counts in the page's language."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from core.i18n import localized_path

from .support import (
    NOT_FOUND_PAGES,
    OTHER_PUBLIC_PAGES,
    PUBLIC_PAGES,
    TIMEOUT_MS,
    describe_violations,
    run_axe,
    watch,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_in_every_language_has_no_serious_accessibility_violation(
    page: Page, site, axe_source, language
):
    problems = []
    for name in [*PUBLIC_PAGES, *OTHER_PUBLIC_PAGES]:
        path = localized_path(site.pages[name], language)
        response = page.goto(path)
        expected = 404 if name in NOT_FOUND_PAGES else 200
        assert response is not None and response.status == expected, f"{path}: {response}"
        assert page.locator("html").get_attribute("lang") == language, path
        assert page.locator("html").get_attribute("dir") == "ltr", path
        if violations := run_axe(page, axe_source):
            problems.append(f"{name} ({path}):{describe_violations(violations)}")

    assert not problems, f"axe-core in {language}:\n" + "\n".join(problems)


def test_a_first_visit_follows_the_browsers_language_until_one_is_chosen(browser, site):
    context = browser.new_context(base_url=site.url, locale="pl-PL")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto("/resources/?q=biomarker")
        expect(page).to_have_url(f"{site.url}/pl/resources/?q=biomarker")
        expect(page.locator("html")).to_have_attribute("lang", "pl")

        switcher = page.get_by_role("navigation", name=re.compile(".+")).filter(
            has=page.locator('a[hreflang="en"]')
        )
        expect(switcher.locator('a[aria-current="true"]')).to_have_attribute("lang", "pl")
        switcher.locator('a[hreflang="en"]').click()

        expect(page).to_have_url(f"{site.url}/resources/?q=biomarker")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        # English chosen: the Polish browser is not sent back to Polish.
        page.goto("/pathway/")
        expect(page).to_have_url(f"{site.url}/pathway/")
    finally:
        context.close()


def test_the_switcher_works_without_javascript(browser, site):
    context = browser.new_context(base_url=site.url, java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        stage = site.pages["stage 3"]
        page.goto(f"{stage}?from=test")
        page.locator('.language-switcher a[hreflang="it"]').click()
        expect(page).to_have_url(f"{site.url}/it{stage}?from=test")
        expect(page.locator("html")).to_have_attribute("lang", "it")
    finally:
        context.close()


def test_the_country_box_counts_in_the_pages_language(page: Page, site):
    problems = watch(page)
    page.goto("/pl/resources/")
    box = page.locator("#f-country-add")
    box.fill("a")
    status = page.get_by_role("status").filter(has_text=re.compile(r"\d"))
    expect(status).to_have_count(1)
    shown = page.get_by_role("listbox").get_by_role("option").count()
    text = status.inner_text()
    assert str(shown) in text
    # The server worded it for this count with Polish plural rules (core/plurals.py).
    messages = page.locator("[data-count-messages]").first.get_attribute("data-count-messages")
    assert text.replace(str(shown), "%(n)s", 1) in messages
    assert problems.script_errors == [] and problems.csp_violations(page) == []
