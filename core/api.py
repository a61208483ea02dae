"""The REST API's building blocks every app's api.py uses: pagination, strict
query-string filtering, the field that takes related objects by slug, schema helpers
and the read-only collection viewset.

They live in `core`, below every app, because apps may import only from lower
layers; and DRF resolves its default classes while it defines its own views, so they
cannot be named in settings from a module that defines viewsets.
"""

import django_filters
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request

from .api_language import LANG_PARAM

# Query parameters lists understand besides their filters: DRF's choice of renderer
# (JSON is the only one), and the page for paginated lists.
FORMAT_PARAM = "format"
PAGINATION_PARAMS = frozenset({"page", "page_size"})
# Slugs are ASCII (validate_slug); a path segment that is not one is a 404
# before any query, so NUL bytes and the like never reach the database.
SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
COUNTRY_PATTERN = "[A-Za-z]{2}"
MAX_TAGS = 50


def positive_int(raw: str, name: str) -> int:
    """An integer query parameter of at least 1, or a 400 that names it."""
    if raw.isascii() and raw.isdigit() and len(raw) <= 18 and int(raw) >= 1:
        return int(raw)
    raise ValidationError({name: [_("Must be a whole number of 1 or more.")]})


class Pagination(PageNumberPagination):
    """Page-number pagination with a total count. Clients choose the page size up
    to a maximum; a larger page_size is capped rather than refused, so that
    "give me as much as you can" works."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return min(positive_int(raw, self.page_size_query_param), self.max_page_size)

    def paginate_queryset(self, queryset, request: Request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None:
            positive_int(raw, self.page_query_param)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": _("The page to return, from 1. Beyond the last page: 404."),
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": _("Items per page: %(default)d unless given, at most %(max)d.")
                % {"default": self.page_size, "max": self.max_page_size},
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


class StrictFilterBackend(DjangoFilterBackend):
    """DjangoFilterBackend for an API: a client hears about every mistake.

    Unknown parameters, invalid values and values a lenient web filter would
    silently drop (see contributions.filters) are a 400 naming each of them.
    Filters apply to lists only; a detail URL is not filtered.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view) -> QuerySet:
        if getattr(view, "detail", False):
            return queryset
        filterset = self.get_filterset(request, queryset, view)
        known = {FORMAT_PARAM, LANG_PARAM, *(filterset.filters if filterset is not None else ())}
        if getattr(view, "pagination_class", None) is not None:
            known |= PAGINATION_PARAMS
        errors: dict[str, list[str]] = {
            name: [_("Unknown parameter.")] for name in request.query_params if name not in known
        }
        errors.update(self.value_errors(request, filterset))
        if errors:
            raise ValidationError(errors)
        return filterset.qs if filterset is not None else queryset

    def value_errors(self, request: Request, filterset) -> dict[str, list[str]]:
        if filterset is None:
            return {}
        errors = {}
        if not filterset.is_valid():
            errors.update({name: list(messages) for name, messages in filterset.errors.items()})
        for name, field in filterset.form.fields.items():
            ignored = getattr(field, "ignored", None)
            if ignored:
                errors.setdefault(name, []).append(
                    _("Unknown value: %(values)s.") % {"values": ", ".join(ignored)}
                )
        return errors


# The longest slug a client may send (items' slugs are at most 220 characters).
MAX_SLUG_LENGTH = 220


@extend_schema_field({"type": "string", "maxLength": MAX_SLUG_LENGTH})
class SlugRefField(serializers.SlugRelatedField):
    """A related object by slug (or another key); a value longer than any key is
    refused as unknown before it reaches the database."""

    def to_internal_value(self, data):
        if isinstance(data, str) and len(data) > MAX_SLUG_LENGTH:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data[:50] + "…")
        return super().to_internal_value(data)


class TagListField(serializers.ListField):
    """A list of related objects given by slug (or another unique key), looked up
    in one query; unknown keys are reported together. Returns model instances."""

    def __init__(self, queryset: QuerySet, key: str = "slug", normalise=str, **kwargs) -> None:
        self.queryset = queryset
        self.key = key
        self.normalise = normalise
        kwargs.setdefault("child", serializers.CharField(max_length=200))
        kwargs.setdefault("max_length", MAX_TAGS)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data) -> list[Model]:
        wanted = []
        for value in super().to_internal_value(data):
            value = self.normalise(value)
            if value not in wanted:
                wanted.append(value)
        found = {
            str(getattr(obj, self.key)): obj
            for obj in self.queryset.filter(**{f"{self.key}__in": wanted})
        }
        unknown = [value for value in wanted if value not in found]
        if unknown:
            raise ValidationError(_("Unknown value: %(values)s.") % {"values": ", ".join(unknown)})
        return [found[value] for value in wanted]


class PublicReadSchema(AutoSchema):
    """For views whose own permission classes let anonymous clients read: the
    OpenAPI document says so (drf-spectacular only knows DRF's built-in ones)."""

    def get_auth(self) -> list[dict]:
        auths = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths


def related_filter(path: str, queryset: QuerySet, label, help_text, key: str = "slug"):
    """A filter on related objects by slug (or code), strict like any django-filter
    field: an unknown value is a 400. Repeat the parameter to match any of several."""
    return extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelMultipleChoiceFilter(
            field_name=f"{path}__{key}",
            to_field_name=key,
            queryset=queryset,
            distinct=True,
            label=label,
            help_text=help_text,
        )
    )


def path_example(name: str, value: str, pattern: str = SLUG_PATTERN) -> OpenApiParameter:
    """An example for a path parameter: an item that exists in every install, which
    the docs' "try it out" and generated tests can call."""
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        pattern=f"^{pattern}$",
        examples=[OpenApiExample(value, value=value)],
    )


def collection_schema(
    *,
    tag: str,
    example: OpenApiExample,
    lookup: OpenApiParameter,
    list_summary: str,
    retrieve_summary: str,
    list_description: str | None = None,
    retrieve_description: str | None = None,
):
    """The OpenAPI description of a read-only collection: its list and its items,
    both with an example response, the items with an example of their key."""
    return extend_schema_view(
        list=extend_schema(
            summary=list_summary,
            description=list_description,
            tags=[tag],
            examples=[example],
        ),
        retrieve=extend_schema(
            summary=retrieve_summary,
            description=retrieve_description,
            tags=[tag],
            examples=[example],
            parameters=[lookup],
        ),
    )


class OptionalOutput:
    """A read-only value that may be missing: null then, rather than an empty string,
    which is not a valid URL or email address."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: str) -> str | None:
        return value or None


class OptionalURLField(OptionalOutput, serializers.URLField):
    """A link that may be missing."""


class OptionalEmailField(OptionalOutput, serializers.EmailField):
    """An email address that may be missing."""


# For SerializerMethodFields that return a link or null.
NULLABLE_URI = serializers.URLField(allow_null=True)


def link_field(view_name: str, lookup: str = "slug") -> serializers.HyperlinkedIdentityField:
    """The object's own URL in the API."""
    return serializers.HyperlinkedIdentityField(
        view_name=f"api:{view_name}-detail", lookup_field=lookup, read_only=True
    )


class MethodCheckFirst:
    """Answer a method the endpoint does not have with 405 whoever asks: DRF would
    first authenticate and check permissions, and answer 401 or 403 instead."""

    def initial(self, request: Request, *args, **kwargs) -> None:
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            self.http_method_not_allowed(request, *args, **kwargs)
        super().initial(request, *args, **kwargs)


class ReadOnlyViewSet(MethodCheckFirst, viewsets.ReadOnlyModelViewSet):
    """What every read-only collection shares: slug lookup, strict filters, pagination."""

    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    pagination_class = Pagination
    filter_backends = [StrictFilterBackend]
