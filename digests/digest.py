"""Choosing digests: periods, and what is new for whom.

Periods. A weekly period starts on Monday 00:00 UTC, a monthly one on the 1st at
00:00 UTC. The digest of a period goes out from SEND_HOUR on its first day and
covers what was published, or substantially updated (a curator accepted a
revision), during the period before it — or since the subscriber's previous
digest, if that was later (after a switch from weekly to monthly, say).

Matching. `new_items` reads a window's items with their tags once; `select` picks
a subscriber's items from them and groups them by pathway stage. Subscribers with
the same interests share one selection. Rendering is in rendering.py, fan-out and
exactly-once sending in sending.py.
"""

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from contributions.models import Initiative, Resource, Revision
from outbox.emails import absolute_url
from pathway.models import Country, Stage, TherapeuticArea

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
class Interests:
    """A subscriber's interests; an empty set means "any"."""

    stages: frozenset[int] = frozenset()
    barriers: frozenset[int] = frozenset()
    countries: frozenset[str] = frozenset()
    regions: frozenset[int] = frozenset()
    areas: frozenset[int] = frozenset()
    resources: bool = True
    initiatives: bool = True

    def wants_kind(self, kind: str) -> bool:
        return self.resources if kind == "resource" else self.initiatives

    def matches(self, item: "Item") -> bool:
        """Like the library's filters: any value within a dimension, every dimension.
        Countries and regions are one dimension (where), as the form presents them:
        an item in a chosen country, in a chosen region, or in a country of a chosen
        region matches."""
        if not self.wants_kind(item.kind):
            return False
        if self.stages and not self.stages & item.stage_ids:
            return False
        if self.barriers and not self.barriers & item.barrier_ids:
            return False
        if self.areas and not self.areas & item.area_ids:
            return False
        where = self.countries or self.regions
        return not where or bool(
            self.countries & item.country_codes or self.regions & item.region_ids
        )

    def is_near(self, item: "Item") -> bool:
        """A new initiative in one of the subscriber's countries, on their barriers."""
        return (
            item.kind == "initiative"
            and item.is_new
            and bool(self.countries & item.country_codes)
            and (not self.barriers or bool(self.barriers & item.barrier_ids))
        )


@dataclass(frozen=True)
class Item:
    """A published resource or initiative as a digest shows and matches it."""

    kind: str
    pk: int
    title: str
    summary: str
    url: str
    organisation: str
    places: str
    is_new: bool
    published_at: datetime
    stage_ids: frozenset[int]
    # Stages in pathway order, for grouping.
    stage_order: tuple[int, ...]
    barrier_ids: frozenset[int]
    country_codes: frozenset[str]
    # The item's regions and the regions of its countries.
    region_ids: frozenset[int]
    # The item's areas and their parents: a Lung cancer item is an Oncology item.
    area_ids: frozenset[int]

    @functools.cached_property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)

    @property
    def kind_label(self) -> str:
        return _("Resource") if self.kind == "resource" else _("Initiative")


def new_items(window_start: datetime, window_end: datetime) -> list[Item]:
    """Everything published, or revised by an accepted revision, in the window;
    a fixed number of queries however many items there are."""
    country_regions = dict(Country.objects.values_list("pk", "region_id"))
    area_parents = dict(TherapeuticArea.objects.values_list("pk", "parent_id"))
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
        items = list(items)
        tags = tag_ids(model, [item.pk for item in items])
        for item in items:
            codes = frozenset(country.pk for country in item.countries.all())
            regions = {region.pk for region in item.regions.all()}
            regions |= {country_regions[code] for code in codes if country_regions.get(code)}
            areas = tags["therapeutic_areas"][item.pk]
            areas |= {area_parents[pk] for pk in areas if area_parents.get(pk)}
            stages = tags["stages"][item.pk]
            places = [country.name for country in item.countries.all()] or [
                region.name for region in item.regions.all()
            ]
            if len(places) > MAX_PLACES:
                rest = len(places) - MAX_PLACES
                places = [*places[:MAX_PLACES], _("%(count)d more") % {"count": rest}]
            found.append(
                Item(
                    kind=kind,
                    pk=item.pk,
                    title=item.title,
                    summary=item.summary,
                    url=absolute_url(item.get_absolute_url()),
                    organisation=item.organisation.name,
                    places=", ".join(places),
                    is_new=item.published_at >= window_start,
                    published_at=item.published_at,
                    stage_ids=frozenset(stages),
                    stage_order=tuple(sorted(stages, key=lambda pk: stage_positions[pk])),
                    barrier_ids=frozenset(tags["barriers"][item.pk]),
                    country_codes=codes,
                    region_ids=frozenset(regions),
                    area_ids=frozenset(areas),
                )
            )
    found.sort(key=lambda item: (item.published_at, item.key), reverse=True)
    return found


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


def tag_ids(model, pks: list[int]) -> dict[str, dict[int, set]]:
    """{field: {item pk: {tag pk, ...}}} for the tags digests match on, read from
    the through tables without loading the tag rows."""
    found: dict[str, dict[int, set]] = {}
    kind = model._meta.model_name
    for name, column in (
        ("stages", "stage_id"),
        ("barriers", "barrier_id"),
        ("therapeutic_areas", "therapeuticarea_id"),
    ):
        through = getattr(model, name).through
        found[name] = defaultdict(set)
        for item_pk, tag_pk in through.objects.filter(**{f"{kind}_id__in": pks}).values_list(
            f"{kind}_id", column
        ):
            found[name][item_pk].add(tag_pk)
    return found


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


def select(interests: Interests, items: Iterable[Item], stages: dict[int, Stage]) -> Digest:
    """The subscriber's digest: matching items grouped by pathway stage (each under
    the first of its stages the subscriber follows), then initiatives near them."""
    grouped: dict[int | None, list[Item]] = defaultdict(list)
    chosen = set()
    nearby = []
    for item in items:
        if interests.matches(item):
            followed = [
                pk for pk in item.stage_order if not interests.stages or pk in interests.stages
            ]
            grouped[followed[0] if followed else None].append(item)
            chosen.add(item.key)
    for item in items:
        if item.key not in chosen and interests.is_near(item):
            nearby.append(item)
    sections = [
        Section(stages[pk], grouped[pk])
        for pk in sorted(
            (pk for pk in grouped if pk is not None), key=lambda pk: stages[pk].position
        )
    ]
    if None in grouped:
        sections.append(Section(None, grouped[None]))
    return Digest(sections, nearby)


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
