"""The gap map's layer "where proven practice exists": published initiatives
assessed as best or promising practice (the one rule, assessments.practice), per
cell of each matrix and per country."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from assessments.models import PROVEN
from assessments.practice import proven
from contributions.models import Initiative
from pathway.models import Country

from .coverage import Coverage
from .links import counts


def mark_proven(matrices: list[Coverage]) -> None:
    """Set `proven` on each category cell: how many of its initiatives are proven
    practice. One query per matrix, as the coverage counts are."""
    for matrix in matrices:
        found = counts(Initiative, proven(matrix.scope.published(Initiative)), "categories")
        for row in matrix.rows:
            for cell in row.cells:
                cell.proven = found.get((cell.stage.pk, row.category.pk), 0)


@dataclass
class ProvenPlace:
    country: Country
    initiatives: int

    @property
    def url(self) -> str:
        query = [("country", self.country.code), ("scope", "exact")]
        query += [("practice", str(outcome)) for outcome in PROVEN]
        return f"{reverse('contributions:initiatives')}?{urlencode(query)}"


def proven_places() -> list[ProvenPlace]:
    """Countries with proven practice of their own, most first, in one grouped query."""
    links = Initiative.countries.through.objects.filter(
        initiative__in=proven(Initiative.objects.published())
    )
    rows = links.values("country").annotate(n=Count("initiative")).order_by("-n", "country")
    countries = Country.objects.in_bulk([row["country"] for row in rows])
    return [ProvenPlace(countries[row["country"]], row["n"]) for row in rows]
