"""The interface in several languages: which language a request gets, the first
visit's negotiation, and each page's address in every language.

- Public pages (the project's `i18n_patterns`) take their language from the path:
  English, the default, unprefixed (`/resources/`), the others prefixed
  (`/es/resources/`). Paths are not translated, so a page is the same path in every
  language and switching is a prefix swap.
- Everything else (the API, the admin, the sitemap, health checks, the language
  switch itself) takes it from the language cookie, then Accept-Language, as
  Django's LocaleMiddleware does without language prefixes.
- First visit: a visitor without a language cookie who asks for an unprefixed page
  with an Accept-Language that prefers another supported language is redirected
  (302) to that language's page, query kept. A language cookie (set by the switcher,
  core/views.py, English included) means the visitor has chosen: no more redirects.
  Crawlers are never redirected: each language has its own URL, linked by hreflang.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, is_valid_path, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import trans_real

# User agents that are never redirected by Accept-Language (search engines must be
# able to crawl the English pages at their own URLs).
CRAWLER = re.compile(r"bot\b|bot/|crawl|spider|slurp|preview|facebookexternalhit", re.IGNORECASE)


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def supported(code: str | None) -> str | None:
    """`code` if it is one of LANGUAGES exactly, else None (garbage included)."""
    return code if code in language_codes() else None


def split_prefix(path: str) -> tuple[str | None, str]:
    """(language, path without it) for `/es/resources/`; (None, path) when `path` has
    no language prefix. Only exact codes of LANGUAGES count."""
    first, _slash, rest = path[1:].partition("/")
    if supported(first) and first != settings.LANGUAGE_CODE and path.startswith("/"):
        # "/es" alone is the Spanish home page without its slash (CommonMiddleware
        # adds it).
        return first, "/" + rest
    return None, path


def localized_path(path: str, language: str) -> str:
    """`path` (without a language prefix) as it reads in `language`."""
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


def is_localized(path: str) -> bool:
    """Whether `path` (without a language prefix) is a page of the i18n_patterns,
    so that it exists in every language."""
    others = [code for code in language_codes() if code != settings.LANGUAGE_CODE]
    if not others:
        return False
    with translation.override(others[0]):
        return bool(is_valid_path(localized_path(path, others[0])))


def chosen_language(request: HttpRequest) -> str | None:
    """The language the visitor chose with the switcher, if the cookie holds one."""
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))


def first_visit_language(request: HttpRequest) -> str | None:
    """The language Accept-Language prefers among ours, for a visitor who has not
    chosen one; None for crawlers, an unusable header, or nothing we offer."""
    if chosen_language(request) or CRAWLER.search(request.headers.get("User-Agent", "")):
        return None
    for code, _quality in trans_real.parse_accept_lang_header(
        request.headers.get("Accept-Language", "")
    ):
        if code == "*":
            return None
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, with the first visit's redirect and the language of
    paths outside the i18n_patterns taken from the visitor (module docstring)."""

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        path_language, rest = split_prefix(request.path_info)
        localized = is_localized(rest)
        if path_language:
            language = path_language
        elif localized:
            language = settings.LANGUAGE_CODE
        else:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        if path_language is None and localized and request.method in ("GET", "HEAD"):
            preferred = first_visit_language(request)
            if preferred and preferred != settings.LANGUAGE_CODE:
                prefix = get_script_prefix()
                url = request.get_full_path().replace(prefix, f"{prefix}{preferred}/", 1)
                redirect = HttpResponseRedirect(url)
                patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
                return redirect
        return None


@dataclass(frozen=True)
class LanguageLink:
    code: str
    # The language's name in itself ("Deutsch"), as a switcher shows it.
    name: str
    bidi: bool
    current: bool
    # The switcher's link: sets the cookie, then shows this page in the language.
    switch_url: str
    # This page's absolute URL in the language (hreflang alternates); None for
    # pages that exist in one form only (the API, the admin).
    alternate: str | None


def languages(request: HttpRequest) -> dict:
    """Context processor: the switcher's links and the page's alternates. `page_path`
    is the path without its language prefix (for menus marking the current section)."""
    _language, path = split_prefix(request.path_info)
    localized = is_localized(path)
    query = request.META.get("QUERY_STRING", "")
    here = request.get_full_path()
    current = translation.get_language()
    switch = reverse("set-language")
    links = []
    for code in language_codes():
        info = translation.get_language_info(code)
        alternate = None
        if localized:
            alternate = settings.SITE_URL + localized_path(path, code)
            if query:
                alternate += "?" + request.GET.urlencode()
        links.append(
            LanguageLink(
                code=code,
                name=info["name_local"],
                bidi=info["bidi"],
                current=code == current,
                switch_url=f"{switch}?{urlencode({'lang': code, 'next': here})}",
                alternate=alternate,
            )
        )
    default = next((link for link in links if link.code == settings.LANGUAGE_CODE), None)
    return {
        "language_links": links,
        "x_default_url": default.alternate if default else None,
        "page_path": path,
    }
