"""Choosing digests: periods, and what is new for whom.

Periods. A weekly period starts on Monday 00:00 UTC, a monthly one on the 1st at
00:00 UTC. The digest of a period goes out from SEND_HOUR on its first day and
covers what was published, or substantially updated (a curator accepted a
revision), during the period before it — or since the subscriber's previous
digest, if that was later (after a switch from weekly to monthly, say).

Matching. A subscription stores the library query it was made from. Its digest
holds the window's items that the library lists for that query: `matching`
applies the library's own FilterSet of a kind (contributions.filters: the ones its
pages, API and feeds use) to the window's published items, so digests have no
matching rule of their own and follow any change to the library's. `new_items`
reads the window's items for showing, once; `digest_for` puts a query's digest
together, grouped by pathway stage. Each (kind, query) is matched once per window
and worker process, and subscribers with the same query and kinds share one
digest (sending.py). Rendering is in rendering.py, fan-out and exactly-once
sending in sending.py.

Initiatives near you. After the matching items, a digest lists the new initiatives
(published in the window, not only revised) that the initiative directory lists
for the query's `country` and `barrier` parameters alone, whatever the rest of the
query and the kinds chosen: new work in the subscriber's countries on the barriers
they follow. A query without a country has none.
"""

import functools
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qsl, urlencode

from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from contributions.filters import LIBRARY_FILTERSETS
from contributions.languages import localise
from contributions.models import Initiative, Resource, Revision
from outbox.emails import absolute_url
from pathway.models import Stage

from .models import Frequency, start_of_day

# Digests of a period go out from this hour (UTC) of its first day: Monday morning.
SEND_HOUR = 6
# Countries named per item; the rest are counted ("and 12 more").
MAX_PLACES = 6


# Periods -----------------------------------------------------------------------


def period_start(frequency: str, moment: datetime) -> date:
    """The first day of the period (in UTC) that `moment` falls in."""
    day = moment.astimezone(UTC).date()
    if frequency == Frequency.WEEKLY:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def previous_period_start(frequency: str, start: date) -> date:
    if frequency == Frequency.WEEKLY:
        return start - timedelta(days=7)
    return (start - timedelta(days=1)).replace(day=1)


def current_period(frequency: str, now: datetime | None = None) -> date:
    """The period whose digest is due now: the latest one whose send time has come."""
    return period_start(frequency, (now or timezone.now()) - timedelta(hours=SEND_HOUR))


def is_period_start(frequency: str, day: date) -> bool:
    return day.weekday() == 0 if frequency == Frequency.WEEKLY else day.day == 1


# What is new, and who wants it --------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A published resource or initiative as a digest shows it."""

    kind: str
    pk: int
    title: str
    summary: str
    url: str
    organisation: str
    places: str
    is_new: bool
    published_at: datetime
    # Stages in pathway order, for grouping.
    stage_order: tuple[int, ...]
    # The language of its title and summary: the item's, or its translation's into
    # the language the digest is written in.
    language: str = "en"

    @functools.cached_property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)

    @property
    def kind_label(self) -> str:
        return _("Resource") if self.kind == "resource" else _("Initiative")


def new_items(window_start: datetime, window_end: datetime) -> list[Item]:
    """Everything published, or revised by an accepted revision, in the window;
    a fixed number of queries however many items there are."""
    stage_positions = dict(Stage.objects.values_list("pk", "position"))
    found = []
    for model in (Resource, Initiative):
        kind = model._meta.model_name
        items = (
            candidates(model, window_start, window_end)
            .select_related("organisation")
            .prefetch_related("countries", "regions")
            .order_by("-published_at", "-pk")
        )
        # In the digest's language (the active one) where a translation has it.
        items = localise(items)
        stages = stages_of(model, [item.pk for item in items])
        for item in items:
            shown = item.translated or item
            places = [country.name for country in item.countries.all()] or [
                region.name for region in item.regions.all()
            ]
            if len(places) > MAX_PLACES:
                rest = len(places) - MAX_PLACES
                places = [
                    *places[:MAX_PLACES],
                    ngettext("%(count)d more", "%(count)d more", rest) % {"count": rest},
                ]
            found.append(
                Item(
                    kind=kind,
                    pk=item.pk,
                    title=shown.title,
                    summary=shown.summary,
                    language=shown.language,
                    url=absolute_url(item.get_absolute_url()),
                    organisation=item.organisation.name,
                    places=", ".join(places),
                    is_new=item.published_at >= window_start,
                    published_at=item.published_at,
                    stage_order=tuple(sorted(stages[item.pk], key=lambda pk: stage_positions[pk])),
                )
            )
    found.sort(key=lambda item: (item.published_at, item.key), reverse=True)
    return Items(found)


class Items(list):
    """The window's items in digest order, with where each one is by its key, so
    that a digest picks its few items without going through all of them."""

    @functools.cached_property
    def position(self) -> dict[tuple[str, int], int]:
        return {item.key: n for n, item in enumerate(self)}


def candidates(model, window_start: datetime, window_end: datetime):
    """Published items of `model` that are new or revised in the window."""
    kind = model._meta.model_name
    in_window = Q(published_at__gte=window_start, published_at__lt=window_end)
    revised = Revision.objects.filter(
        status=Revision.Status.ACCEPTED,
        decided_at__gte=window_start,
        decided_at__lt=window_end,
        **{f"{kind}__isnull": False},
    ).values(kind)
    return model.objects.published().filter(in_window | Q(pk__in=revised))


def stages_of(model, pks: list[int]) -> dict[int, set[int]]:
    """{item pk: {stage pk, ...}}, read from the through table without loading
    the stages."""
    kind = model._meta.model_name
    found: dict[int, set[int]] = defaultdict(set)
    for item_pk, stage_pk in model.stages.through.objects.filter(
        **{f"{kind}_id__in": pks}
    ).values_list(f"{kind}_id", "stage_id"):
        found[item_pk].add(stage_pk)
    return found


# The library's FilterSet of each kind of item, by the kind's name.
FILTERSETS = {filterset._meta.model._meta.model_name: filterset for filterset in LIBRARY_FILTERSETS}


def matching(window: "Window", kind: str, query: str) -> frozenset[int]:
    """Primary keys of the window's items of `kind` that the library lists for
    `query`: that kind's FilterSet, applied to the window's items."""
    filterset_class = FILTERSETS[kind]
    items = candidates(filterset_class._meta.model, window.start_at, window.end_at)
    listed = filterset_class(QueryDict(query), queryset=items).qs.values_list("pk", flat=True)
    return frozenset(listed)


@functools.lru_cache(maxsize=4096)
def parsed(query: str) -> MultiValueDict:
    """A stored query read once for all its uses in a digest, as QueryDict reads it
    but without its per-value checks (a third of the time: a run parses about as
    many distinct queries as it has subscribers). Shared: not to be changed."""
    values = defaultdict(list)
    for name, value in parse_qsl(query, keep_blank_values=True):
        values[name].append(value)
    return MultiValueDict(values)


def near_query(query: str) -> str | None:
    """The directory query whose new initiatives are near a subscriber of `query`:
    its countries and barriers alone; None without a country (see the docstring)."""
    data = parsed(query)
    if not data.getlist("country"):
        return None
    return urlencode(
        [(name, value) for name in ("barrier", "country") for value in data.getlist(name)]
    )


@dataclass
class Section:
    stage: Stage | None
    items: list[Item]


@dataclass
class Digest:
    sections: list[Section] = field(default_factory=list)
    nearby: list[Item] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(section.items) for section in self.sections) + len(self.nearby)

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @property
    def key(self) -> tuple:
        """Equal for digests that render identically."""
        return (
            tuple(
                (section.stage.pk if section.stage else None, tuple(i.key for i in section.items))
                for section in self.sections
            ),
            tuple(item.key for item in self.nearby),
        )


def digest_for(
    query: str,
    kinds: Collection[str],
    items: list[Item],
    stages: dict[int, Stage],
    listed: Callable[[str, str], frozenset[int]],
) -> Digest:
    """The digest of a library query and kinds, from the window's `items`.
    `listed(kind, query)` is `matching` for the window, which callers memoise so
    that each (kind, query) is matched once however many subscribers share it."""
    chosen = {(kind, pk) for kind in kinds for pk in listed(kind, query)}
    where = near_query(query)
    nearby = set() if where is None else {("initiative", pk) for pk in listed("initiative", where)}
    by_slug = {stage.slug: pk for pk, stage in stages.items()}
    followed = {by_slug[slug] for slug in parsed(query).getlist("stage") if slug in by_slug}
    return select(items, chosen, nearby, followed, stages)


def select(
    items: Iterable[Item],
    chosen: Collection[tuple[str, int]],
    nearby: Collection[tuple[str, int]],
    followed: Collection[int],
    stages: dict[int, Stage],
) -> Digest:
    """The `chosen` items grouped by pathway stage (each under the first of its
    stages the query follows; with no stage in the query, its first stage), then
    the new `nearby` initiatives not already chosen."""
    grouped: dict[int | None, list[Item]] = defaultdict(list)
    near_you = []
    if not isinstance(items, Items):
        items = Items(items)
    position = items.position
    # The chosen and nearby items, in the window's order.
    picked = sorted({position[key] for key in (*chosen, *nearby) if key in position})
    for item in (items[n] for n in picked):
        if item.key in chosen:
            shown = [pk for pk in item.stage_order if not followed or pk in followed]
            grouped[shown[0] if shown else None].append(item)
        elif item.key in nearby and item.is_new:
            near_you.append(item)
    sections = [
        Section(stages[pk], grouped[pk])
        for pk in sorted(
            (pk for pk in grouped if pk is not None), key=lambda pk: stages[pk].position
        )
    ]
    if None in grouped:
        sections.append(Section(None, grouped[None]))
    return Digest(sections, near_you)


@dataclass(frozen=True)
class Window:
    frequency: str
    period: date
    start: date

    @property
    def start_at(self) -> datetime:
        return start_of_day(self.start)

    @property
    def end_at(self) -> datetime:
        return start_of_day(self.period)
