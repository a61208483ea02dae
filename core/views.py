"""The language switcher's link (templates/base.html): a GET, so that it works
without JavaScript and from a cached page, which has no CSRF token to post."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from .i18n import is_localized, localized_path, split_prefix, supported


def safe_next(request: HttpRequest) -> str:
    """`next` if it is a path on this site, else the home page: never another site,
    and no control characters (a NUL would otherwise reach the URL resolver)."""
    target = request.GET.get("next", "")
    if (
        not target.startswith("/")
        or any(ord(char) < 32 or ord(char) == 127 for char in target)
        or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return "/"
    return target


@require_safe
def set_language(request: HttpRequest) -> HttpResponseRedirect:
    """Remember the language chosen (?lang=) in the language cookie and show the page
    `next` in it, query kept. An unknown language changes nothing: `next` as it was."""
    target = urlsplit(safe_next(request))
    language = supported(request.GET.get("lang"))
    path = target.path or "/"
    if language:
        _old, bare = split_prefix(path)
        if is_localized(bare):
            path = localized_path(bare, language)
    url = path + (f"?{target.query}" if target.query else "")
    response = HttpResponseRedirect(url)
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
