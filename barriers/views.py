"""The barriers, by category, and what is being done about each.

Resources and initiatives sit in a higher layer, so they are reached through the
reverse relations on Barrier (`barrier.resources`, `barrier.initiatives`).
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Barrier, BarrierCategory

# How many cards of each kind a barrier page shows before "See all".
BARRIER_CARDS = 6


@dataclass
class CountryWork:
    """Published work on one barrier in one country."""

    code: str
    name: str
    resources: int = 0
    initiatives: int = 0


def barrier_list(request: HttpRequest) -> HttpResponse:
    categories = BarrierCategory.objects.prefetch_related(
        Prefetch("barriers", queryset=Barrier.objects.prefetch_related("stages"))
    )
    return render(request, "barriers/list.html", {"categories": categories})


def countries_working_on(barrier: Barrier) -> list[CountryWork]:
    """Countries where published resources or initiatives address `barrier`, by name.

    One grouped query per kind, so the cost does not grow with the number of items.
    """
    by_code: dict[str, CountryWork] = {}
    for kind, items in (
        ("resources", barrier.resources.published()),
        ("initiatives", barrier.initiatives.published()),
    ):
        rows = (
            items.filter(countries__isnull=False)
            .order_by()
            .values_list("countries__code", "countries__name")
            .annotate(n=Count("pk", distinct=True))
        )
        for code, name, n in rows:
            work = by_code.setdefault(str(code), CountryWork(code=str(code), name=name))
            setattr(work, kind, n)
    return sorted(by_code.values(), key=lambda work: work.name)


def barrier_detail(request: HttpRequest, slug: str) -> HttpResponse:
    barrier = get_object_or_404(
        Barrier.objects.select_related("category").prefetch_related("stages", "actors", "evidence"),
        slug=slug,
    )
    resources = barrier.resources.published()
    initiatives = barrier.initiatives.published()
    context = {
        "barrier": barrier,
        "resources": resources.with_tags()[:BARRIER_CARDS],
        "resource_count": resources.count(),
        "initiatives": initiatives.with_tags()[:BARRIER_CARDS],
        "initiative_count": initiatives.count(),
        "countries": countries_working_on(barrier),
    }
    return render(request, "barriers/detail.html", context)
