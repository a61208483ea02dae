"""Every public page, with the demo content, in every language: 200 (404 for the
page that does not exist), and no English interface string left on a page in
another language. The English looked for is the catalogue's (interface strings
whose translation differs), not the content: items, organisations and reference
texts as stored are left out, and so is any element marked with another language
(`lang`), such as the switcher's language names."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from core.i18n import localized_path
from tests.browser.support import NOT_FOUND_PAGES, other_public_pages, public_pages

from .support import (
    CATALOGUE_LANGUAGES,
    content_texts,
    english_left,
    english_left_patterns,
    translated_fragments,
)

pytestmark = pytest.mark.django_db


def every_public_page() -> dict[str, str]:
    """The browser tests' public pages, and the other pages of the URL contract
    (DESIGN.md) an anonymous visitor can open."""
    return {**public_pages(), **other_public_pages()}


@pytest.fixture
def demo_pages() -> dict[str, str]:
    call_command("loaddemo", stdout=io.StringIO())
    return every_public_page()


@pytest.fixture(autouse=True)
def english_after_each_test():
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_public_page_renders_in_every_language(demo_pages, language):
    client = Client()
    wrong = {}
    for name, path in demo_pages.items():
        response = client.get(localized_path(path, language))
        expected = 404 if name in NOT_FOUND_PAGES else 200
        if response.status_code != expected or response["Content-Language"] != language:
            wrong[name] = (response.status_code, response["Content-Language"])
        elif f'<html lang="{language}"' not in response.text:
            wrong[name] = "html lang"
    assert not wrong


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_no_english_interface_string_is_left_on_any_public_page(demo_pages, language):
    patterns = english_left_patterns(language)
    assert patterns, f"the {language} catalogue translates nothing"
    explained = translated_fragments(language)
    content = content_texts()
    client = Client()
    left = {}
    for name, path in demo_pages.items():
        html = client.get(localized_path(path, language)).text
        if found := english_left(html, content, patterns, explained):
            left[name] = found[:5]
    assert not left, f"English left on {language} pages: {left}"
