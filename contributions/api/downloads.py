"""CSV downloads of the resource library and the initiative directory: every item
the filters select (not one page), flattened to one row per item."""

import csv
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from core.api import MethodCheckFirst

from ..filters import ContributionFilterSet, InitiativeFilterSet, ResourceFilterSet
from ..models import Contribution, Initiative, Resource, Status
from .views import LibraryFilterBackend, contribution_queryset

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """The cell's text, neutralised if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def joined(rows, key: str = "slug") -> str:
    return ";".join(str(getattr(row, key)) for row in rows)


class Echo:
    """A file-like object csv.writer writes to; each row is yielded, not kept."""

    def write(self, value: str) -> str:
        return value


class ContributionCSVView(MethodCheckFirst, GenericAPIView):
    """All items matching the library filters, as CSV: open data for spreadsheets."""

    model: type[Contribution]
    filterset_class: type[ContributionFilterSet]
    filter_backends = [LibraryFilterBackend]
    pagination_class = None
    throttle_classes = [AnonRateThrottle, UserRateThrottle, ScopedRateThrottle]
    throttle_scope = "downloads"
    permission_classes = [AllowAny]
    # Big enough to keep the number of queries low, small enough to stream.
    chunk_size = 500

    common_columns = (
        ("slug", lambda item: item.slug),
        ("title", lambda item: item.title),
        ("summary", lambda item: item.summary),
        ("description", lambda item: item.description),
        ("organisation", lambda item: item.organisation.slug),
        ("organisation_name", lambda item: item.organisation.name),
        ("stages", lambda item: joined(item.stages.all())),
        ("barriers", lambda item: joined(item.barriers.all())),
        ("audiences", lambda item: joined(item.audiences.all())),
        ("countries", lambda item: joined(item.countries.all(), "code")),
        ("regions", lambda item: joined(item.regions.all())),
        ("therapeutic_areas", lambda item: joined(item.therapeutic_areas.all())),
        ("language", lambda item: item.language),
        ("status", lambda item: item.status),
        ("published_at", lambda item: item.published_at),
        ("updated_at", lambda item: item.updated_at),
    )
    extra_columns: tuple = ()

    def get_queryset(self) -> QuerySet:
        return contribution_queryset(self.model, self.request.user)

    def perform_content_negotiation(self, request: Request, force: bool = False):
        # Success is always CSV and errors always JSON, whatever the client accepts.
        return super().perform_content_negotiation(request, force=True)

    def get(self, request: Request) -> StreamingHttpResponse:
        queryset = self.filter_queryset(self.get_queryset())
        response = StreamingHttpResponse(
            self.rows(queryset.iterator(chunk_size=self.chunk_size)),
            content_type="text/csv; charset=utf-8",
        )
        filename = f"{self.model._meta.verbose_name_plural}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def rows(self, items: Iterator[Contribution]) -> Iterator[str]:
        columns = (*self.common_columns, *self.extra_columns)
        writer = csv.writer(Echo())
        yield writer.writerow([*(name for name, _value in columns), "web_url"])
        for item in items:
            web_url = ""
            if item.status == Status.PUBLISHED:
                web_url = self.request.build_absolute_uri(item.get_absolute_url())
            yield writer.writerow([csv_safe(value(item)) for _name, value in columns] + [web_url])


CSV_HELP = gettext_lazy(
    "Every matching item (not one page) as CSV, with the same filters as the list. "
    "Related objects are given by slug (countries by code), several joined with “;”. "
    "Cells that a spreadsheet would run as a formula start with an apostrophe."
)


def csv_schema(kind: str, header: str) -> object:
    return extend_schema(
        operation_id=f"{kind}_csv",
        filters=True,
        summary=_("Download %(kind)s as CSV") % {"kind": kind},
        description=CSV_HELP,
        tags=[kind],
        responses={
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR,
                description=_("A CSV file with a header row."),
                examples=[OpenApiExample("The header row", value=header)],
            )
        },
    )


class ResourceCSVView(ContributionCSVView):
    model = Resource
    filterset_class = ResourceFilterSet
    extra_columns = (
        ("resource_type", lambda item: item.resource_type),
        ("url", lambda item: item.url),
        ("publisher", lambda item: item.publisher),
        ("year", lambda item: item.year),
    )

    @csv_schema(
        "resources",
        "slug,title,summary,description,organisation,organisation_name,stages,barriers,"
        "audiences,countries,regions,therapeutic_areas,language,status,published_at,updated_at,"
        "resource_type,url,publisher,year,web_url",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)


class InitiativeCSVView(ContributionCSVView):
    model = Initiative
    filterset_class = InitiativeFilterSet
    extra_columns = (
        ("phase", lambda item: item.phase),
        ("start_date", lambda item: item.start_date),
        ("end_date", lambda item: item.end_date),
        ("website", lambda item: item.website),
        ("outcomes", lambda item: item.outcomes),
        ("partner_organisations", lambda item: joined(item.partner_organisations.all())),
        ("related_resources", lambda item: joined(item.related_resources.all())),
    )

    @csv_schema(
        "initiatives",
        "slug,title,summary,description,organisation,organisation_name,stages,barriers,"
        "audiences,countries,regions,therapeutic_areas,language,status,published_at,updated_at,"
        "phase,start_date,end_date,website,outcomes,partner_organisations,"
        "related_resources,web_url",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)
