"""What a country page shows beside its coverage matrix: who works there."""

from collections import defaultdict

from django.db.models import Count

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
