"""What a country page shows beside its coverage matrix: who works there."""

from collections import defaultdict

from django.db.models import Count, F, Func, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from contributions.models import Initiative, Resource, Status
from pathway.models import Country
from stakeholders.models import Organisation

from .coverage import Scope, is_resource


def organisations_in(scope: Scope, limit: int = 30) -> list[dict]:
    """Who works in `scope`: organisations with their number of published items,
    most active first. One query counting on the coverage entries (which hold each
    published item's organisation), one for the organisations."""
    found: dict[int, dict] = defaultdict(lambda: {"initiatives": 0, "resources": 0})
    rows = (
        scope.entries()
        .annotate(is_resource=is_resource())
        .order_by()
        .values_list("organisation", "is_resource")
        .annotate(n=Count("pk"))
    )
    for organisation_id, resource, n in rows:
        found[organisation_id]["resources" if resource else "initiatives"] = n
    organisations = Organisation.objects.filter(pk__in=found).select_related("group")
    ranked = [
        {"organisation": org, **found[org.pk], "total": sum(found[org.pk].values())}
        for org in organisations
    ]
    ranked.sort(key=lambda row: (-row["total"], row["organisation"].name.lower()))
    return ranked[:limit]


def neighbouring_initiatives(place: Country, limit: int = 5) -> list[Initiative]:
    """Published initiatives in other countries of the same region, those sharing the
    most barriers with the work published for `place` first. Each carries `shared`,
    the barriers it has in common with that work. Four queries.

    The barriers in common are counted per candidate by a correlated count on the
    initiatives' barrier links (an index-only probe each), not by grouping the
    candidates' whole rows: that grouping sorted thousands of wide rows (on disk)
    for a busy region's country."""
    if place.region_id is None:
        return []
    barriers = set(
        Resource.barriers.through.objects.filter(
            resource__status=Status.PUBLISHED, resource__countries=place
        )
        .values_list("barrier_id", flat=True)
        .union(
            Initiative.barriers.through.objects.filter(
                initiative__status=Status.PUBLISHED, initiative__countries=place
            ).values_list("barrier_id", flat=True)
        )
    )
    overlap = Value(0)
    if barriers:
        shared = (
            Initiative.barriers.through.objects.filter(
                initiative=OuterRef("pk"), barrier__in=barriers
            )
            .order_by()
            .annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
            .values("n")
        )
        overlap = Coalesce(Subquery(shared, output_field=IntegerField()), 0)
    nearby = list(
        Initiative.objects.published()
        .filter(pk__in=Initiative.objects.filter(countries__region=place.region_id).values("pk"))
        .exclude(pk__in=Initiative.objects.filter(countries=place).values("pk"))
        .annotate(overlap=overlap)
        .order_by("-overlap", "-published_at", "-pk")
        .select_related("organisation")
        .prefetch_related("countries", "barriers")[:limit]
    )
    for initiative in nearby:
        initiative.shared = [b for b in initiative.barriers.all() if b.pk in barriers]
        initiative.places = [
            c for c in initiative.countries.all() if c.region_id == place.region_id
        ]
    return nearby
