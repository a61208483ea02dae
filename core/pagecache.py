"""Pages cached for anonymous visitors, and the HTTP caching headers of every response.

An anonymous read (GET or HEAD without a session cookie, a messages cookie or an
Authorization header) is answered from the page cache when it holds the page for
the current content version (core/content_version.py); otherwise the page is
rendered, and kept if it can be shared:

- status 200, not streamed, no cookie set (a page that set the CSRF cookie has a
  form whose token belongs to one visitor), no Cache-Control of its own (views that
  say no-store or private keep their word);
- its body is kept with the CSP nonce taken out, and each answer gets a fresh one,
  so no two responses share a nonce;
- its path is not one of PAGE_CACHE_RENDERED_PATHS (the API, whose throttles count
  every request, is rendered each time, and answered with 304 all the same);
- it is fresh for PAGE_CACHE_SECONDS (pages that show the date stay right); then
  one request renders it again while the others still get the kept copy.

Cached or not, a shareable page carries an ETag (a hash of the body without its
nonce) and Last-Modified (the content version's time), answers If-None-Match and
If-Modified-Since with 304, and says `Cache-Control: public, max-age=…,
must-revalidate` with `Vary: Cookie`, so a proxy may keep it for
PAGE_CACHE_MAX_AGE seconds and then asks again. Responses to signed-in visitors
(and any that set a cookie) say `private, no-store` unless the view chose.

The cache is the default one: Redis in production, which fails open (core/cache.py):
with Redis down the version is unknown and every page is rendered, as without
this middleware.

It sits after SessionMiddleware, the language middleware (core/i18n.py) and
CommonMiddleware and before CsrfViewMiddleware: a cached answer skips the session,
CSRF, authentication and messages, which an anonymous read without cookies does not
need, and still gets the CSP, security, Vary and Content-Length headers of the
middleware around it. Languages: the key holds the language the request was given
(from the path on public pages, so `/es/…` and `/…` are two pages), and a first
visit that Accept-Language sends to another language is redirected before this
middleware, so no visitor gets a page or a redirect kept for another language.
Unprefixed pages say `Vary: Accept-Language, Cookie` for proxies.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from . import content_version

NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"
# A page is fresh for PAGE_CACHE_SECONDS and kept this many times as long, so that
# when it is due, one request renders it again (it may take RENEWAL_SECONDS) while
# the others are answered with the copy they would have had a moment before.
KEPT_STALE = 4
RENEWAL_SECONDS = 60
# Response headers kept with a cached page; the middleware around this one adds the rest.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Vary",
    "X-Frame-Options",
    "Link",
    "Allow",
)


@dataclass
class CachedPage:
    content: bytes
    headers: dict[str, str]
    etag: str
    last_modified: float | None
    # Values of the request headers the page varies on (besides Cookie), as rendered.
    varies_on: dict[str, str]
    # After this (time.time()) the page is rendered again by one request, while the
    # others are still answered with this copy (no stampede on a slow page).
    fresh_until: float = 0.0

    def is_fresh(self) -> bool:
        return time.time() < self.fresh_until


def session_cookie_names() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, "messages")


def is_anonymous_read(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not any(name in request.COOKIES for name in session_cookie_names())


def is_kept(request: HttpRequest) -> bool:
    """Whether the page may be kept in the server's cache; validators and
    Cache-Control apply to every path."""
    return not request.path.startswith(tuple(settings.PAGE_CACHE_RENDERED_PATHS))


def page_key(request: HttpRequest, version: int) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    digest = hashlib.sha256(f"{language} {address}".encode()).hexdigest()
    return f"page:{version}:{digest}"


def request_nonce(request: HttpRequest) -> str | None:
    """The CSP nonce of the request, if the page used one."""
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce) if nonce else None


def fresh_nonce(request: HttpRequest) -> bytes:
    """A nonce for this answer; using it makes the CSP middleware put it in the header."""
    return str(request._csp_nonce).encode()


def varied_headers(response: HttpResponse) -> list[str]:
    vary = [h.strip() for h in response.get("Vary", "").split(",") if h.strip()]
    return [h for h in vary if h.lower() not in ("cookie", "accept-language")]


def is_shareable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and "*" not in response.get("Vary", "")
    )


def keep(request: HttpRequest, response: HttpResponse, version: int | None) -> CachedPage:
    content = response.content
    nonce = request_nonce(request)
    if nonce:
        content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
    return CachedPage(
        content=content,
        headers={name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        etag=f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"',
        last_modified=version / 1e9 if version else None,
        varies_on={name: request.headers.get(name, "") for name in varied_headers(response)},
        fresh_until=time.time() + settings.PAGE_CACHE_SECONDS,
    )


def answer(request: HttpRequest, page: CachedPage, rendered: HttpResponse | None = None):
    """The page (`rendered` if it was just rendered), or a 304 if the visitor has
    this version already, with the headers that let a proxy share it."""
    last_modified = int(page.last_modified) if page.last_modified is not None else None
    response = get_conditional_response(request, etag=page.etag, last_modified=last_modified)
    if response is None and rendered is not None:
        response = rendered
    elif response is None:
        content = page.content
        if NONCE_PLACEHOLDER in content:
            content = content.replace(NONCE_PLACEHOLDER, fresh_nonce(request))
        response = HttpResponse(content)
        for name, value in page.headers.items():
            response[name] = value
    response["ETag"] = page.etag
    if page.last_modified is not None:
        response["Last-Modified"] = http_date(page.last_modified)
    patch_cache_control(
        response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE, must_revalidate=True
    )
    patch_vary_headers(response, ["Cookie"])
    return response


def keep_private(response: HttpResponse) -> HttpResponse:
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_store=True)
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_read(request):
            return keep_private(self.get_response(request))
        version = content_version.current()
        store = content_version.page_cache()
        key = page_key(request, version) if version is not None and is_kept(request) else None
        if key is not None:
            page = store.get(key)
            if (
                page is not None
                and all(
                    request.headers.get(name, "") == value for name, value in page.varies_on.items()
                )
                and (page.is_fresh() or not store.add(f"{key}:renewing", 1, RENEWAL_SECONDS))
            ):
                return answer(request, page)
        response = self.get_response(request)
        if not is_shareable(request, response):
            return keep_private(response) if response.cookies else response
        page = keep(request, response, version)
        if key is not None:
            store.set(key, page, settings.PAGE_CACHE_SECONDS * KEPT_STALE)
        return answer(request, page, rendered=response)
