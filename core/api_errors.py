"""The REST API's one error shape, for every endpoint of every app.

Every error, whatever raised it, has one shape:

    {"error": {"status": 400, "code": "invalid", "message": "...",
               "fields": {"title": ["This field is required."]}}}

`fields` comes with validation errors only, `retry_after` (seconds) with 429s.
`document_errors` adds the same shape to every operation of the OpenAPI document.
"""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from .exceptions import StateConflict
from .middleware import RETRY_AFTER_SECONDS, log_over_budget, over_budget
from .parsers import PayloadTooLarge

logger = logging.getLogger("django.request")


class Conflict(APIException):
    """A 409. `extra` adds members to the error object, beside status, code and
    message, for what a client needs to resolve the conflict."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("The item is not in a state that allows this.")
    default_code = "conflict"

    def __init__(self, detail=None, code: str | None = None, extra: dict | None = None) -> None:
        super().__init__(detail, code)
        self.extra = extra or {}


class ServiceUnavailable(APIException):
    """A 503: the request ran out of its time budget (core.middleware)."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = gettext_lazy(
        "The portal could not answer this request in time. Please try again in a moment."
    )
    default_code = "unavailable"


def exception_handler(exc: Exception, context: dict) -> Response:
    """DRF's handler, extended to the portal's own exceptions, answering in one shape."""
    if over_budget(exc):
        log_over_budget(context["request"])
        exc = ServiceUnavailable()
    exc = as_api_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return server_error(exc, context["request"])
    response.data = {"error": error_body(exc, response)}
    if isinstance(exc, ServiceUnavailable):
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, Http404):
        return exceptions.NotFound(*exc.args)
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(*exc.args)
    if isinstance(exc, StateConflict):
        return Conflict(str(exc))
    if isinstance(exc, DjangoValidationError):
        # Raised by the workflow methods (a note missing, a reason unknown).
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge(_("The request body is too large."))
    if isinstance(exc, SuspiciousOperation):
        # Too many fields, a body too large, a malformed header: the client's fault.
        return exceptions.ParseError(_("The request is malformed or too large."))
    return exc


def error_body(exc: exceptions.APIException, response: Response) -> dict:
    body = {"status": response.status_code, "code": "error", "message": ""}
    if isinstance(exc, exceptions.ValidationError):
        body["code"] = "invalid"
        detail = response.data
        if isinstance(detail, dict):
            general = detail.pop("non_field_errors", [])
            body["message"] = " ".join(str(m) for m in general) or _(
                "Some values are not valid: see fields."
            )
            if detail:
                body["fields"] = detail
        else:
            body["message"] = " ".join(str(m) for m in detail)
        return body
    detail = exc.detail
    body["code"] = getattr(detail, "code", None) or exc.default_code
    body["message"] = str(detail)
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        body["retry_after"] = int(exc.wait)
    if isinstance(exc, Conflict):
        body.update(exc.extra)
    return body


def server_error(exc: Exception, request: Request) -> Response:
    """A bug: report it as Django would, and answer in the API's shape."""
    logger.error(
        "Internal Server Error: %s",
        request.path,
        exc_info=(type(exc), exc, exc.__traceback__),
        extra={"status_code": 500, "request": request._request},
    )
    got_request_exception.send(sender=None, request=request._request)
    return Response(
        {
            "error": {
                "status": 500,
                "code": "server_error",
                "message": _("Something went wrong on our side. It has been logged."),
            }
        },
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer", "description": "The HTTP status code."},
                "code": {
                    "type": "string",
                    "description": "invalid, not_authenticated, authentication_failed, "
                    "permission_denied, not_found, conflict, unsupported_media_type, "
                    "parse_error, throttled, ...",
                },
                "message": {"type": "string", "description": "For people."},
                "fields": {
                    "type": "object",
                    "additionalProperties": {},
                    "description": "Validation errors by field (400 only).",
                },
                "retry_after": {
                    "type": "integer",
                    "description": "Seconds to wait before trying again (429 only).",
                },
            },
        }
    },
}

ERRORS = {
    "400": (
        "Invalid parameters or body.",
        {
            "status": 400,
            "code": "invalid",
            "message": "Some values are not valid: see fields.",
            "fields": {"stage": ["Unknown value: testing-decisoin."]},
        },
    ),
    "401": (
        "No credentials, or an invalid or revoked token.",
        {
            "status": 401,
            "code": "not_authenticated",
            "message": "Authentication credentials were not provided.",
        },
    ),
    "403": (
        "Not allowed for this user.",
        {"status": 403, "code": "permission_denied", "message": "Only curators can do this."},
    ),
    "404": (
        "No such item (or not visible to this user), or no such page.",
        {"status": 404, "code": "not_found", "message": "No Resource matches the given query."},
    ),
    "409": (
        "The item's status does not allow this.",
        {"status": 409, "code": "conflict", "message": "Cannot publish a draft resource."},
    ),
    "415": (
        "The body is not JSON.",
        {
            "status": 415,
            "code": "unsupported_media_type",
            "message": 'Unsupported media type "text/plain" in request.',
        },
    ),
    "429": (
        "Too many requests: wait for Retry-After seconds.",
        {
            "status": 429,
            "code": "throttled",
            "message": "Request was throttled. Expected available in 42 seconds.",
            "retry_after": 42,
        },
    ),
}


def error_codes(path: str, method: str, operation: dict) -> list[str]:
    """The error statuses an operation can answer with."""
    has_path_params = "{" in path
    parameters = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
    codes = ["401", "429"]
    if method == "get":
        if parameters:
            codes.append("400")
        if has_path_params or "page" in parameters:
            codes.append("404")
    else:
        codes += ["400", "403", "415"]
        if has_path_params:
            codes += ["404", "409"]
    return sorted(codes)


def document_errors(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: the shared error responses on every
    operation, and no undeclared properties in write bodies (they are refused)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_SCHEMA
    for name, schema in schemas.items():
        if name.endswith("WriteRequest"):
            schema["additionalProperties"] = False
    for path_, operations in result["paths"].items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code in error_codes(path_, method, operation):
                description, example = ERRORS[code]
                response = {
                    "description": description,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Error"},
                            "example": {"error": example},
                        }
                    },
                }
                if code == "429":
                    response["headers"] = {
                        "Retry-After": {
                            "schema": {"type": "integer"},
                            "description": "Seconds to wait.",
                        }
                    }
                responses.setdefault(code, response)
            # An operation may describe an error of its own, with its examples: in the
            # one shape all the same.
            for code, response in responses.items():
                if code[0] in "45":
                    for content in response.get("content", {}).values():
                        content["schema"] = {"$ref": "#/components/schemas/Error"}
    return result
