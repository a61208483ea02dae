"""The language of the REST API's answers: which translation of the reference content
(stages, barriers, categories, groups, areas, regions, country names) they hold.

A client asks with `?lang=pl` or with the `Accept-Language` header; the parameter
wins. Only what the request says counts: not the language cookie or the URL prefix
of the web pages, so that one URL with one header always gets one answer. A code
the portal does not have ("xx", "pt-BR" when only "pt" exists gives "pt") is
English, the source language, never an error. The answer says its language in
`Content-Language` and varies on `Accept-Language`.
"""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

# The header's parser LocaleMiddleware uses (it orders the languages by q).
from django.utils.translation.trans_real import parse_accept_lang_header

# Every API query string may carry it, besides each endpoint's own parameters.
LANG_PARAM = "lang"
API_PREFIX = "/api/"


def supported(code: str) -> str | None:
    """The portal's language for `code` ("pt-br" -> "pt"), or None."""
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None


def requested_language(request: HttpRequest) -> str:
    """The language the request asks for: ?lang, else Accept-Language, else English."""
    try:
        params = request.GET
    except SuspiciousOperation:
        # Too many parameters: the view answers with the API's 400; the language of
        # that answer does not depend on them.
        params = {}
    if LANG_PARAM in params:
        return supported(params[LANG_PARAM]) or settings.LANGUAGE_CODE
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        if found := supported(code):
            return found
    return settings.LANGUAGE_CODE


class ApiLanguageMiddleware:
    """Answers API requests in the language they ask for (after LocaleMiddleware,
    whose choice it replaces on API paths)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        language = requested_language(request)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            response = self.get_response(request)
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        return response


def document_language(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: `lang` and `Accept-Language` on every
    operation that reads, and the `Content-Language` of its answers."""
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    lang = {
        "name": LANG_PARAM,
        "in": "query",
        "required": False,
        "description": str(
            _(
                "The language of the reference content in the answer (stages, barriers, "
                "categories, stakeholder groups, therapeutic areas, regions, country "
                "names): one of %(codes)s. Wins over Accept-Language. Another code is "
                "English; a text not yet translated is in English."
            )
            % {"codes": codes}
        ),
        "schema": {"type": "string", "example": "pl"},
    }
    header = {
        "name": "Accept-Language",
        "in": "header",
        "required": False,
        "description": str(_("The language of the answer when `lang` is not given.")),
        "schema": {"type": "string", "example": "pl, en;q=0.8"},
    }
    content_language = {
        "description": str(_("The language of the reference content in the answer.")),
        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    }
    for path, operations in result["paths"].items():
        if not path.startswith(API_PREFIX):
            continue
        for method, operation in operations.items():
            if method not in ("get", "head"):
                continue
            parameters = operation.setdefault("parameters", [])
            present = {(p.get("name"), p.get("in")) for p in parameters}
            parameters.extend(p for p in (lang, header) if (p["name"], p["in"]) not in present)
            for code, response in operation.get("responses", {}).items():
                if code.startswith("2"):
                    response.setdefault("headers", {})["Content-Language"] = content_language
    return result
