"""CSV downloads of the resource library and the initiative directory: every item
the filters select (not one page), flattened to one row per item.

Streamed from a values() query read in chunks (a server-side cursor on PostgreSQL),
so memory stays flat whatever the number of items. Each chunk's tags and other
related rows come from one grouped query per column, joined in SQL in the order
their model sorts them (string_agg … ORDER BY on PostgreSQL, group_concat … ORDER
BY on SQLite 3.44+; an older SQLite, which cannot order inside an aggregate, sends
the rows in order and they are joined here). No model instance is built, and
nothing is queried per item.
"""

import csv
import io
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import connections
from django.db.models import F, QuerySet, StringAgg, Value
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from core.api import MethodCheckFirst
from core.sql import id_list
from stakeholders.models import Organisation

from ..filters import ContributionFilterSet, InitiativeFilterSet, ResourceFilterSet
from ..models import TAG_FIELDS, Contribution, Initiative, Resource, Status
from .views import LibraryFilterBackend, contribution_queryset

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = ";"


def csv_safe(value) -> str:
    """The cell's text, neutralised if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def safe_text(value: str | None) -> str:
    """csv_safe for a text column, without its type checks: the hot path, run for
    every text cell of every row."""
    if not value:
        return ""
    if value[0] in TRIGGER_CHARACTERS:
        return "'" + value
    return value


TRIGGER_CHARACTERS = frozenset(FORMULA_TRIGGERS)


@dataclass
class JoinedColumn:
    """A column of related rows (an item's stages, its partners, ...) given by `key`
    and joined with SEPARATOR, in the order of `related`: the related model's
    rows, narrowed to those the visitor may see where that matters."""

    model: type[Contribution]
    field: str
    related: QuerySet
    key: str = "slug"

    def values_for(self, ids: list[int]) -> dict[int, str]:
        """{item id: joined keys} for the items with these ids that have any."""
        field = self.model._meta.get_field(self.field)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", field.m2m_reverse_field_name()
        rows = through.objects.filter(**{f"{source}__in": id_list(ids, through)})
        if self.related.query.has_filters():
            rows = rows.filter(**{f"{target}__in": self.related.values("pk")})
        ordering = [
            f"-{target}__{name[1:]}" if name.startswith("-") else f"{target}__{name}"
            for name in (self.related.query.order_by or self.related.model._meta.ordering)
        ]
        key = f"{target}__{self.key}"
        if connections[rows.db].features.supports_aggregate_order_by_clause:
            return dict(
                rows.values(source)
                .annotate(joined=StringAgg(F(key), Value(SEPARATOR), order_by=ordering))
                .values_list(source, "joined")
            )
        joined = defaultdict(list)
        for item, value in rows.order_by(source, *ordering).values_list(source, key):
            joined[item].append(str(value))
        return {item: SEPARATOR.join(values) for item, values in joined.items()}


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
    # Rows fetched at a time: big enough for few round trips, small enough to stream.
    chunk_size = 2000

    # Column -> the value's name in the values() query.
    common_columns = (
        ("slug", "slug"),
        ("title", "title"),
        ("summary", "summary"),
        ("description", "description"),
        ("organisation", "organisation__slug"),
        ("organisation_name", "organisation__name"),
        ("stages", "joined_stages"),
        ("barriers", "joined_barriers"),
        ("audiences", "joined_audiences"),
        ("countries", "joined_countries"),
        ("regions", "joined_regions"),
        ("therapeutic_areas", "joined_therapeutic_areas"),
        ("language", "language"),
        ("status", "status"),
        ("published_at", "published_at"),
        ("updated_at", "updated_at"),
    )
    extra_columns: tuple = ()
    tag_keys = {"countries": "code"}

    def get_queryset(self) -> QuerySet:
        return contribution_queryset(self.model, self.request.user)

    def perform_content_negotiation(self, request: Request, force: bool = False):
        # Success is always CSV and errors always JSON, whatever the client accepts.
        return super().perform_content_negotiation(request, force=True)

    def joined_columns(self) -> dict[str, JoinedColumn]:
        """The columns of related rows, each named joined_<field>."""
        return {
            f"joined_{name}": JoinedColumn(
                self.model,
                name,
                self.model._meta.get_field(name).related_model._default_manager.all(),
                self.tag_keys.get(name, "slug"),
            )
            for name in TAG_FIELDS
        }

    def get(self, request: Request) -> StreamingHttpResponse:
        queryset = self.filter_queryset(self.get_queryset())
        columns = (*self.common_columns, *self.extra_columns)
        joined = self.joined_columns()
        items = (
            queryset.prefetch_related(None)
            .values_list("pk", "status", *self.value_fields(columns, joined))
            .iterator(chunk_size=self.chunk_size)
        )
        response = StreamingHttpResponse(
            self.rows(items, columns, joined), content_type="text/csv; charset=utf-8"
        )
        filename = f"{self.model._meta.verbose_name_plural}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def rows(
        self, items: Iterable[tuple], columns: tuple, joined: dict[str, JoinedColumn]
    ) -> Iterator[str]:
        """The header, then one string per chunk of rows: yielding each row would
        cost more in the response's machinery than writing it."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([*(name for name, _source in columns), "web_url"])
        yield buffer.getvalue()
        # Every item's address is the same prefix and its slug: one reverse().
        placeholder = "slug-placeholder"
        url = self.request.build_absolute_uri(
            reverse(f"contributions:{self.model._meta.model_name}", args=[placeholder])
        )
        before, after = url.split(placeholder)
        # items are (pk, status, *fields) tuples; each column reads a field of the
        # tuple or a joined column, through the cheapest safe conversion.
        fields = self.value_fields(columns, joined)
        text_fields = self.text_fields()
        readers = []
        for _name, source in columns:
            if source in joined:
                readers.append((None, source, safe_text))
            else:
                convert = safe_text if source in text_fields else csv_safe
                readers.append((fields.index(source) + 2, None, convert))
        slug = fields.index("slug") + 2
        published = Status.PUBLISHED
        for chunk in itertools.batched(items, self.chunk_size):
            related = {
                name: column.values_for([item[0] for item in chunk])
                for name, column in joined.items()
            }
            buffer.seek(0)
            buffer.truncate()
            writer.writerows(
                [
                    convert(item[index]) if name is None else convert(related[name].get(item[0]))
                    for index, name, convert in readers
                ]
                + [f"{before}{item[slug]}{after}" if item[1] == published else ""]
                for item in chunk
            )
            yield buffer.getvalue()

    def value_fields(self, columns: tuple, joined: dict[str, JoinedColumn]) -> list[str]:
        """The fields read by the values_list() query, after pk and status."""
        return list(dict.fromkeys(source for _name, source in columns if source not in joined))

    def text_fields(self) -> set[str]:
        """The values that are text (or NULL), which need no conversion but the
        formula guard."""
        text = set()
        for _name, source in (*self.common_columns, *self.extra_columns):
            model, *path = self.model, *source.split("__")
            for part in path[:-1]:
                model = model._meta.get_field(part).related_model
            if source.startswith("joined_"):
                continue
            field = model._meta.get_field(path[-1])
            if field.get_internal_type() in {"CharField", "TextField", "SlugField", "URLField"}:
                text.add(source)
        return text


CSV_HELP = gettext_lazy(
    "Every matching item (not one page) as CSV, with the same filters as the list. "
    "Related objects are given by slug (countries by code), several joined with “;”. "
    "Cells that a spreadsheet would run as a formula start with an apostrophe."
)


def csv_schema(kind: str, summary: str, header: str) -> object:
    return extend_schema(
        operation_id=f"{kind}_csv",
        filters=True,
        summary=summary,
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
        ("resource_type", "resource_type"),
        ("url", "url"),
        ("publisher", "publisher"),
        ("year", "year"),
    )

    @csv_schema(
        "resources",
        gettext_lazy("Download resources as CSV"),
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
        ("phase", "phase"),
        ("start_date", "start_date"),
        ("end_date", "end_date"),
        ("website", "website"),
        ("outcomes", "outcomes"),
        ("partner_organisations", "joined_partner_organisations"),
        ("related_resources", "joined_related_resources"),
    )

    def joined_columns(self) -> dict[str, JoinedColumn]:
        # What the item's page and the API show: partners and resources the
        # visitor may see.
        user = self.request.user
        return {
            **super().joined_columns(),
            "joined_partner_organisations": JoinedColumn(
                Initiative, "partner_organisations", Organisation.objects.visible_to(user)
            ),
            "joined_related_resources": JoinedColumn(
                Initiative, "related_resources", Resource.objects.visible_to(user)
            ),
        }

    @csv_schema(
        "initiatives",
        gettext_lazy("Download initiatives as CSV"),
        "slug,title,summary,description,organisation,organisation_name,stages,barriers,"
        "audiences,countries,regions,therapeutic_areas,language,status,published_at,updated_at,"
        "phase,start_date,end_date,website,outcomes,partner_organisations,"
        "related_resources,web_url",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)
