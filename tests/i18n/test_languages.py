"""Languages in URLs: the first visit's negotiation, the switcher, the page cache,
hreflang alternates, html lang/dir, and bad language input (404 or a fallback,
never a 500)."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
COOKIE = settings.LANGUAGE_COOKIE_NAME
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCHER = re.compile(r'<nav class="language-switcher" aria-label="[^"]+">(.*?)</nav>', re.S)


@pytest.fixture(autouse=True)
def english_after_each_test():
    # A request activates its language in the test's thread; reverse() in the next
    # test must not inherit it.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def anonymous() -> Client:
    return Client()


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_a_first_visit_preferring_spanish_is_redirected_to_the_spanish_page(anonymous):
    response = anonymous.get("/resources/?q=biomarker&stage=testing", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/resources/?q=biomarker&stage=testing"
    assert {"accept-language", "cookie"} <= vary(response)


@pytest.mark.parametrize(
    "header, expected",
    [
        ("pl-PL,pl;q=0.9,en;q=0.5", "/pl/"),
        ("pt-BR", "/pt/"),
        ("de-CH;q=0.8, fr;q=0.9", "/fr/"),
        ("ja, it;q=0.5", "/it/"),
    ],
)
def test_the_best_supported_language_of_accept_language_wins(anonymous, header, expected):
    response = anonymous.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    "header",
    ["en-GB,en;q=0.9,es;q=0.8", "ja, zh-CN", "", "*", "x" * 600, ";;;q=abc,,,", "es;q=nan\x00"],
)
def test_english_unknown_or_garbage_accept_language_gets_the_english_page(anonymous, header):
    response = anonymous.get("/pathway/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert {"accept-language", "cookie"} <= vary(response)


def test_crawlers_are_never_redirected(anonymous):
    response = anonymous.get(
        "/pathway/",
        HTTP_ACCEPT_LANGUAGE="de",
        HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    )
    assert response.status_code == 200


@pytest.mark.parametrize("chosen", ["en", "es"])
def test_a_chosen_language_stops_the_redirects(anonymous, chosen):
    anonymous.get(f"/language/?lang={chosen}&next=/pathway/")
    response = anonymous.get("/pathway/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_a_bad_language_cookie_counts_as_no_choice(anonymous):
    anonymous.cookies[COOKIE] = "xx\x7f<script>"
    response = anonymous.get("/pathway/", HTTP_ACCEPT_LANGUAGE="it")
    assert response.status_code == 302
    assert response["Location"] == "/it/pathway/"


def test_posts_and_prefixed_pages_are_never_redirected(anonymous):
    response = anonymous.get("/fr/pathway/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    response = anonymous.post("/digest/subscribe/", {}, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("path", ["/api/v1/stages/", "/healthz", "/sitemap.xml", "/admin/login/"])
def test_unprefixed_services_are_not_redirected_and_follow_the_visitor(anonymous, path):
    response = anonymous.get(path, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert response["Content-Language"] == "de"
    assert anonymous.get(f"/de{path}").status_code == 404


@pytest.mark.parametrize("path", ["/xx/resources/", "/en/resources/", "/es-xx/", "/de-/"])
def test_an_unknown_or_default_language_prefix_is_a_404(anonymous, path):
    assert anonymous.get(path).status_code == 404


def test_a_language_prefix_without_its_slash_gets_one(anonymous):
    response = anonymous.get("/pl?x=1")
    assert response.status_code == 301
    assert response["Location"] == "/pl/?x=1"


def test_each_language_serves_its_own_page_at_its_own_address(anonymous):
    for language in LANGUAGES:
        path = "/pathway/" if language == "en" else f"/{language}/pathway/"
        response = anonymous.get(path)
        assert response.status_code == 200
        assert response["Content-Language"] == language
        assert f'<html lang="{language}" dir="ltr">' in response.text


def test_the_page_cache_never_answers_across_languages(anonymous):
    english = anonymous.get("/pathway/")
    spanish = anonymous.get("/es/pathway/")
    assert english["ETag"] != spanish["ETag"]
    # Cached now: each address still answers in its own language ...
    assert anonymous.get("/es/pathway/")["Content-Language"] == "es"
    assert anonymous.get("/pathway/")["Content-Language"] == "en"
    # ... a first visitor preferring Spanish is redirected, not served the cached
    # English page, even when it has that page's ETag ...
    redirect = anonymous.get(
        "/pathway/", HTTP_ACCEPT_LANGUAGE="es", HTTP_IF_NONE_MATCH=english["ETag"]
    )
    assert redirect.status_code == 302
    # ... and a Spanish ETag does not validate the English page.
    assert anonymous.get("/pathway/", HTTP_IF_NONE_MATCH=spanish["ETag"]).status_code == 200
    assert anonymous.get("/es/pathway/", HTTP_IF_NONE_MATCH=spanish["ETag"]).status_code == 304


def test_the_api_is_cached_per_negotiated_language(anonymous):
    german = anonymous.get("/api/v1/stages/", HTTP_ACCEPT_LANGUAGE="de")
    french = anonymous.get("/api/v1/stages/", HTTP_ACCEPT_LANGUAGE="fr")
    assert german["Content-Language"] == "de"
    assert french["Content-Language"] == "fr"
    assert "accept-language" in vary(german)


def switcher_links(html: str) -> list[dict]:
    [nav] = SWITCHER.findall(html)
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in re.findall(r"<a ([^>]*)>", nav)]


def test_every_page_has_a_switcher_naming_each_language_in_itself(anonymous):
    html = anonymous.get("/de/resources/?q=test&page=1").text
    links = switcher_links(html)
    assert [link["lang"] for link in links] == LANGUAGES
    assert [link["hreflang"] for link in links] == LANGUAGES
    assert [link.get("aria-current") for link in links].count("true") == 1
    assert links[LANGUAGES.index("de")]["aria-current"] == "true"
    names = re.findall(r'hreflang="\w+"[^>]*>([^<]+)</a>', SWITCHER.search(html).group(1))
    assert names == ["English", "Español", "Français", "Deutsch", "Português", "Polski", "Italiano"]


def test_the_switcher_keeps_the_page_and_query_and_remembers_the_choice(anonymous):
    html = anonymous.get("/de/resources/?q=test&stage=testing").text
    polish = switcher_links(html)[LANGUAGES.index("pl")]["href"].replace("&amp;", "&")
    response = anonymous.get(polish)
    assert response.status_code == 302
    assert response["Location"] == "/pl/resources/?q=test&stage=testing"
    assert response.cookies[COOKIE].value == "pl"
    assert response.cookies[COOKIE]["max-age"] == settings.LANGUAGE_COOKIE_AGE
    english = switcher_links(html)[0]["href"].replace("&amp;", "&")
    response = anonymous.get(english)
    assert response["Location"] == "/resources/?q=test&stage=testing"
    assert response.cookies[COOKIE].value == "en"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/resources/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "/resources/\x00",
        "",
        "resources",
        "%00",
    ],
)
def test_the_switcher_never_leaves_the_site(anonymous, next_url):
    response = anonymous.get(reverse("set-language"), {"lang": "fr", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize("lang", ["xx", "", "EN", "es\x00", "<b>", "e" * 500])
def test_an_unknown_language_choice_changes_nothing(anonymous, lang):
    response = anonymous.get(reverse("set-language"), {"lang": lang, "next": "/es/pathway/?a=1"})
    assert response.status_code == 302
    assert response["Location"] == "/es/pathway/?a=1"
    assert COOKIE not in response.cookies


def test_switching_on_an_unprefixed_service_keeps_its_address(anonymous):
    response = anonymous.get(reverse("set-language"), {"lang": "it", "next": "/api/v1/stages/"})
    assert response["Location"] == "/api/v1/stages/"
    assert response.cookies[COOKIE].value == "it"


def test_the_switcher_is_not_cached_and_posts_are_refused(anonymous):
    response = anonymous.get(reverse("set-language"), {"lang": "it", "next": "/"})
    assert "no-store" in response["Cache-Control"]
    assert anonymous.post(reverse("set-language"), {"lang": "it"}).status_code == 405


def test_every_public_page_links_its_versions_in_every_language(anonymous):
    html = anonymous.get("/es/resources/?q=genomic").text
    alternates = dict(ALTERNATE.findall(html))
    assert list(alternates) == [*LANGUAGES, "x-default"]
    assert alternates["en"] == f"{settings.SITE_URL}/resources/?q=genomic"
    assert alternates["pl"] == f"{settings.SITE_URL}/pl/resources/?q=genomic"
    assert alternates["x-default"] == alternates["en"]
    assert all(href.startswith(("http://", "https://")) for href in alternates.values())


def test_the_main_menu_marks_the_section_in_every_language(anonymous):
    html = anonymous.get("/fr/barriers/").text
    assert re.search(r'href="/fr/barriers/" aria-current="page"', html)


def test_a_right_to_left_language_needs_only_its_catalogue(anonymous, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("ar", "Arabic")]
    response = anonymous.get("/ar/pathway/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.text
    arabic = switcher_links(response.text)[-1]
    assert arabic["lang"] == "ar"
    assert anonymous.get("/pathway/").text.count('dir="ltr"') == 1


def test_sitemaps_list_every_language_with_alternates_and_x_default(anonymous):
    body = anonymous.get("/sitemap-stages.xml").text
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    stage = reverse("portal:stage", args=["testing-decision"])
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"/{language}"
        assert f"http://testserver{prefix}{stage}" in locations
    entry = body.split("<url>")[1]
    hreflangs = re.findall(r'hreflang="([^"]+)"', entry)
    assert hreflangs == [*LANGUAGES, "x-default"]
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in body
