"""The API's JSON parser, bounded: a body the portal will not read is a 400 or a
413 in the API's error shape, never a 500 or a stalled worker.

- At most DATA_UPLOAD_MAX_MEMORY_SIZE bytes (Django's limit for form posts, 2.5 MB
  by default): larger bodies are refused with 413 before they are read whole.
- Arrays and objects nested at most MAX_JSON_DEPTH deep. Python's json module
  recurses once per level and raises RecursionError near 1,000; the depth is
  checked on the raw text first, in one pass, so no body reaches that point.
- Text in the declared encoding (UTF-8 unless the Content-Type says otherwise).
"""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser
from rest_framework.utils import json

# Deep enough for every body the API takes (a list of objects in an object is 3).
MAX_JSON_DEPTH = 32


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in `text`, ignoring brackets in strings."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if limit is not None and len(raw) > limit:
            raise PayloadTooLarge(
                _("The request body is larger than %(limit)d bytes.") % {"limit": limit}
            )
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise ParseError(_("The request body is not valid UTF-8.")) from error
        if json_depth(text) > MAX_JSON_DEPTH:
            raise ParseError(
                _("JSON nested more than %(depth)d levels deep is not accepted.")
                % {"depth": MAX_JSON_DEPTH}
            )
        parse_constant = json.strict_constant if self.strict else None
        try:
            return json.loads(text, parse_constant=parse_constant)
        except ValueError as error:
            raise ParseError(_("JSON parse error: %(error)s") % {"error": error}) from error
