"""The pathway map and the stage pages.

Resources, initiatives and barriers live in higher layers, so this module reaches
them only through the reverse relations on Stage (`stage.resources`, ...), never by
importing their apps.
"""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .models import Stage

# How many cards of each kind a stage page shows before "See all".
STAGE_CARDS = 6

# Contribution.status of what the public may see. A literal rather than an import
# because contributions sits above this app.
PUBLISHED = "published"


def _tagged_count(through, **conditions) -> Coalesce:
    """Rows of an M2M table pointing at the outer stage, as a correlated subquery.

    A subquery rather than Count() over joins: a stage has barriers, resources and
    initiatives, and joining all three would multiply their rows before counting.
    """
    rows = (
        through.objects.filter(stage=OuterRef("pk"), **conditions)
        .order_by()
        .values("stage")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def stages_with_counts() -> QuerySet[Stage]:
    """All stages in order, each with its number of barriers and of published
    resources and initiatives, in one query."""
    return Stage.objects.annotate(
        barrier_count=_tagged_count(Stage.barriers.through),
        resource_count=_tagged_count(Stage.resources.through, resource__status=PUBLISHED),
        initiative_count=_tagged_count(Stage.initiatives.through, initiative__status=PUBLISHED),
    )


def pathway_map(request: HttpRequest) -> HttpResponse:
    return render(request, "pathway/map.html", {"stages": stages_with_counts()})


def stage_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # The whole (short) pathway in one query gives this stage, its counts and its
    # neighbours for the previous/next links.
    stages = list(stages_with_counts())
    index = next((i for i, stage in enumerate(stages) if stage.slug == slug), None)
    if index is None:
        raise Http404("No such stage")
    stage = stages[index]

    barriers = list(stage.barriers.select_related("category").prefetch_related("actors"))
    # The groups who can act on this stage's barriers, each once, in the groups' order.
    actors = {group.pk: group for barrier in barriers for group in barrier.actors.all()}
    groups = sorted(actors.values(), key=lambda group: (group.position, group.name))

    context = {
        "stage": stage,
        "stage_count": len(stages),
        "previous_stage": stages[index - 1] if index > 0 else None,
        "next_stage": stages[index + 1] if index + 1 < len(stages) else None,
        "barriers": barriers,
        "groups": groups,
        "resources": stage.resources.published().with_tags()[:STAGE_CARDS],
        "initiatives": stage.initiatives.published().with_tags()[:STAGE_CARDS],
    }
    return render(request, "pathway/stage.html", context)
