"""What a library facet shows beside the results: its options, the rows of its tag
table kept once per content version and language, and their HTML.

A library page lists every country (249), every stage, barrier, audience, region and
therapeutic area the matching items are tagged with, each with its name and a count.
The names, values and groups do not depend on the request, only on the taxonomy and
the visitor's language: they are read once per content version and language
(`core.content_version.kept`; a rename or a new row bumps the version, so it shows at
once), and a page only adds its counts. The rows' HTML is written here rather than
by a template loop, whose tags per row (a plural-aware translation, a localised
number, an include) took most of a page's time.
"""

from dataclasses import dataclass, field

from django.contrib.humanize.templatetags.humanize import intcomma
from django.db import models
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from core import content_version


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    group: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)
    # Whether the counts stopped at the best matches (shown "400+").
    capped: bool = False

    @property
    def selected(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]

    def options_html(self) -> SafeString:
        """The options as the library's checkboxes, each with its count and, where
        the group changes, the group's heading (barriers under their category)."""
        rows, group, counts = [], None, CountTexts(self.capped)
        for number, option in enumerate(self.options, start=1):
            if option.group != group and option.group:
                rows.append(f'<li class="facet__group">{escape(option.group)}</li>')
            group = option.group
            box = f"f-{self.name}-{number}"
            checked = " checked" if option.selected else ""
            rows.append(
                f'<li>\n<input type="checkbox" name="{self.name}" value="{escape(option.value)}" '
                f'id="{box}"{checked}>\n<label for="{box}">{escape(option.label)} '
                f'<span class="facet__count">({counts.text(option.count)})</span></label>\n</li>'
            )
        return mark_safe("\n".join(rows))  # noqa: S308 (every value escaped above)


class CountTexts:
    """The "12 results" of a facet row, in the active language: the number
    localised, "+" after it when the counts are lower bounds, "results" for screen
    readers only; each count written once per page."""

    def __init__(self, capped: bool) -> None:
        self.capped = capped
        self.written: dict[int, str] = {}
        # intcomma reads the language's number format for every number: read once.
        grouping = get_format("NUMBER_GROUPING")
        self.separator = get_format("THOUSAND_SEPARATOR") if grouping == 3 else None

    def number(self, count: int) -> str:
        """`count` as intcomma writes it in the active language."""
        if self.separator is None:
            return intcomma(count)
        return f"{count:,}".replace(",", self.separator)

    def text(self, count: int) -> str:
        found = self.written.get(count)
        if found is None:
            shown = escape(self.number(count))
            if self.capped:
                shown = gettext("%(count)s+") % {"count": shown}
            found = ngettext(
                '%(shown)s<span class="visually-hidden"> result</span>',
                '%(shown)s<span class="visually-hidden"> results</span>',
                count,
            ) % {"shown": shown}
            self.written[count] = found
        return found


@dataclass(frozen=True)
class FacetRow:
    """One row of a tag facet, as its options need it: `pk` and `region_id` for
    the counts (TagFilter.facet_count), `value` for the query string."""

    pk: object
    value: str
    label: str
    group: str = ""
    region_id: int | None = None


def facet_rows(name: str, filter_, request) -> list[FacetRow]:
    """The rows of the tag facet `name` (`filter_`, a TagFilter), read once per
    content version and language. Shared by the requests of that version: not to
    be changed."""
    key = filter_.extra["to_field_name"]
    if callable(filter_.queryset):
        # Rows that depend on who asks (the organisations a visitor may see).
        return read_facet_rows(name, filter_.get_queryset(request), key)
    return content_version.kept(
        f"facet-rows:{name}:{get_language()}",
        lambda: read_facet_rows(name, filter_.queryset.all(), key),
    )


def read_facet_rows(name: str, rows: models.QuerySet, key: str) -> list[FacetRow]:
    if name == "barrier":
        rows = rows.select_related("category")
    elif name == "area":
        rows = rows.select_related("parent")
    return [
        FacetRow(
            row.pk,
            str(getattr(row, key)),
            str(row),
            row.category.name if name == "barrier" else "",
            getattr(row, "region_id", None),
        )
        for row in rows
    ]
