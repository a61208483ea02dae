"""Pages that show where work is missing: the gap map (/gaps/) and the country pages
(/countries/<code>/). The numbers come from contributions/coverage.py."""

import csv
import re

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from adoptions.models import Adoption
from barriers.models import BarrierCategory
from contributions.models import Initiative, Resource
from contributions.models.tag_lists import first_with_tags
from core import content_version
from core.widgets import KeptSelect
from pathway.models import Country, Region, TherapeuticArea
from stakeholders.models import Organisation

from .country import neighbouring_initiatives, organisations_in
from .coverage import Coverage, Scope, compare
from .proven import mark_proven, proven_places
from .world import DEFAULT_SORT, SORTS, coverage_by_country, shapes_without_country, world_map

EXPAND_ALL = "all"


class CoverageForm(forms.Form):
    """The gap map's filters, read from the query string (the API's too)."""

    country = forms.ModelChoiceField(
        Country.objects.select_related("region"),
        to_field_name="code",
        required=False,
        label=gettext_lazy("Country"),
        empty_label=gettext_lazy("All countries"),
        widget=KeptSelect("gap-map-country"),
    )
    region = forms.ModelChoiceField(
        Region.objects.all(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Region"),
        empty_label=gettext_lazy("All regions"),
        widget=KeptSelect("gap-map-region"),
    )
    area = forms.ModelChoiceField(
        TherapeuticArea.objects.select_related("parent"),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Therapeutic area"),
        empty_label=gettext_lazy("All therapeutic areas"),
        widget=KeptSelect("gap-map-area"),
    )
    compare = forms.ModelChoiceField(
        Country.objects.select_related("region"),
        to_field_name="code",
        required=False,
        label=gettext_lazy("Compare with"),
        empty_label=gettext_lazy("No comparison"),
        widget=KeptSelect("gap-map-compare"),
    )
    scope = forms.ChoiceField(
        choices=[
            ("", gettext_lazy("With regional and global work")),
            ("exact", gettext_lazy("Only work for the place itself")),
        ],
        required=False,
        label=gettext_lazy("Geography"),
    )
    proven = forms.BooleanField(
        required=False, label=gettext_lazy("Show where proven practice exists")
    )
    expand = forms.MultipleChoiceField(
        required=False, widget=forms.MultipleHiddenInput, label=gettext_lazy("Show barriers of")
    )

    def __init__(self, data=None, *args, **kwargs) -> None:
        if data is not None:
            data = data.copy()
            for name in ("country", "compare"):
                if name in data:
                    data[name] = data.get(name, "").strip().upper()[:2]
        super().__init__(data, *args, **kwargs)
        self.categories = list(BarrierCategory.objects.prefetch_related("barriers"))
        self.fields["expand"].choices = [(EXPAND_ALL, _("All categories"))] + [
            (category.slug, category.name) for category in self.categories
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        country, other = cleaned.get("country"), cleaned.get("compare")
        if other is not None:
            if country is None:
                self.add_error("compare", _("Choose a country to compare it with."))
            elif other == country:
                self.add_error("compare", _("Choose a different country to compare with."))
            elif cleaned.get("region") is not None:
                self.add_error("compare", _("Compare two countries, or filter by a region."))
        return cleaned

    def value(self, name: str):
        """The field's clean value, or nothing if it was not valid."""
        return getattr(self, "cleaned_data", {}).get(name) if name not in self.errors else None

    def scopes(self) -> list[Scope]:
        area, exact = self.value("area"), self.value("scope") == "exact"
        scopes = [Scope(self.value("country"), self.value("region"), area, exact)]
        if self.value("compare") is not None:
            scopes.append(Scope(self.value("compare"), None, area, exact))
        return scopes

    def expanded(self) -> set[str]:
        chosen = set(self.value("expand") or [])
        if EXPAND_ALL in chosen:
            return {category.slug for category in self.categories}
        return chosen

    def problems(self) -> list[str]:
        """What was ignored in the request, in plain words."""
        return [
            _("%(field)s: %(error)s We ignored it.")
            % {"field": self.fields[name].label, "error": " ".join(errors)}
            for name, errors in self.errors.items()
        ]


def query_with(request: HttpRequest, **changes) -> str:
    """The current query string with some parameters replaced (a list sets several
    values, None removes the parameter)."""
    params = request.GET.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value is None:
            continue
        params.setlist(name, value if isinstance(value, list) else [value])
    return params.urlencode()


def add_toggles(request: HttpRequest, expanded: set[str], matrices: list[Coverage]) -> None:
    """Give each category row the link that shows or hides its barriers."""
    for matrix in matrices:
        for row in matrix.rows:
            row.is_expanded = row.slug in expanded
            chosen = expanded ^ {row.slug}
            row.toggle_url = "?" + query_with(request, expand=sorted(chosen) or None)


@require_safe
def gap_map(request: HttpRequest) -> HttpResponse:
    form = CoverageForm(request.GET)
    form.is_valid()
    scopes = form.scopes()
    if request.GET.get("format") == "csv":
        matrices, _legend = compare(scopes, {c.slug for c in form.categories}, form.categories)
        return csv_response(matrices, scopes)
    expanded = form.expanded()
    matrices, legend = compare(scopes, expanded, form.categories)
    add_toggles(request, expanded, matrices)
    show_proven = bool(form.value("proven"))
    if show_proven:
        mark_proven(matrices)
    return render(
        request,
        "gaps/map.html",
        {
            "form": form,
            "matrices": matrices,
            "legend": legend,
            "notices": form.problems(),
            "expanded": expanded,
            "expand_all": "?" + query_with(request, expand=EXPAND_ALL),
            "collapse_all": "?" + query_with(request, expand=None),
            "csv_url": "?" + query_with(request, format="csv", expand=None),
            "comparing": len(matrices) > 1,
            "show_proven": show_proven,
            "proven_places": proven_places() if show_proven else [],
        },
    )


def csv_response(matrices: list[Coverage], scopes: list[Scope]) -> HttpResponse:
    places = [str(s.country.code) for s in scopes if s.country] or [
        s.region.slug for s in scopes if s.region
    ]
    name = "-".join(["coverage", *places]) + ".csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    csv.writer(response).writerows(csv_rows(matrices))
    return response


def csv_rows(matrices: list[Coverage]) -> list[list]:
    """One line per cell, categories and barriers, for the CSV download."""
    header = [
        _("country"),
        _("region"),
        _("therapeutic area"),
        _("stage position"),
        _("stage"),
        _("barrier category"),
        _("barrier"),
        _("initiatives"),
        _("resources"),
        _("total"),
        _("gap"),
    ]
    lines = [header]
    for matrix in matrices:
        scope = matrix.scope
        place = [
            str(scope.country.code) if scope.country else "",
            scope.region.name if scope.region else "",
            scope.area.name if scope.area else "",
        ]
        for row, cell in matrix.cells(with_barriers=True):
            lines.append(
                [
                    *place,
                    cell.stage.position,
                    cell.stage.name,
                    row.category.name,
                    row.barrier.title if row.barrier else "",
                    cell.initiatives,
                    cell.resources,
                    cell.total,
                    _("yes") if cell.is_gap else _("no"),
                ]
            )
    return lines


@require_safe
def countries(request: HttpRequest) -> HttpResponse:
    """Every country with the published work that applies there: a world map coloured
    by it and a table of the same numbers, sortable by a link (no script needed)."""
    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT
    rows, legend = coverage_by_country(sort)
    shapes = world_map()
    return render(
        request,
        "gaps/countries.html",
        {
            "rows": rows,
            "legend": legend,
            "sort": sort,
            "view_box": shapes["viewBox"],
            "other_shapes": shapes_without_country(rows),
            "with_work": sum(1 for row in rows if row.here),
        },
    )


COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")
ITEMS_SHOWN = 6


@require_safe
def country(request: HttpRequest, code: str) -> HttpResponse:
    """What is covered in one country, by whom, the gaps, and the closest work next door."""
    if not COUNTRY_CODE.match(code):
        raise Http404
    place = get_object_or_404(Country.objects.select_related("region"), code=code.upper())
    scope = Scope(country=place)
    matrices, legend = compare([scope])
    matrix = matrices[0]
    library = {
        "resources": reverse("contributions:resources") + f"?country={place.code}",
        "initiatives": reverse("contributions:initiatives") + f"?country={place.code}",
    }
    return render(
        request,
        "gaps/country.html",
        {
            "country": place,
            "matrix": matrix,
            "legend": legend,
            "initiatives": first_with_tags(scope.published(Initiative), ITEMS_SHOWN),
            "resources": first_with_tags(scope.published(Resource), ITEMS_SHOWN),
            # Who works there and next door: public content only, worked out once
            # per content version (their statements scan the coverage entries and
            # the initiatives).
            "organisations": content_version.kept(
                f"country-organisations:{place.code}", lambda: organisations_in(scope)
            ),
            "support": Organisation.objects.supporting_patients()
            .filter(country=place)
            .select_related("group"),
            "neighbours": content_version.kept(
                f"country-neighbours:{place.code}", lambda: neighbouring_initiatives(place)
            ),
            "transfers": Adoption.objects.agreed().in_country(place.code).with_parties(),
            "library": library,
            "gaps_url": reverse("gaps:map") + f"?country={place.code}",
            "subscribe_query": f"country={place.code}",
        },
    )
