"""Who works on which barrier where, counted once per content version: the index
the potential partners of an initiative are read from (partners.py).

Finding them in the tag links joins each barrier link of the initiative's barriers
with the place links of its items, a thousand or more rows per lookup at 100,000
items (60-130 ms in SQL). Yet what a lookup needs is small: for each barrier and
country (or region), the organisations whose published work has both. There are a
few thousand such pairs (23 barriers, 255 places), so they are worked out once per
content version (core/content_version.py, which every public change bumps) by the
task that counts the common words after each committed change (tasks.py), kept in
the cache for every process and in the process for the version it last used. A
lookup is then a few dictionary reads; until the index of the current version is
there (or with the cache unreachable), partners.py reads the tag links as before,
with the same answer (tests/synergies/test_partner_index.py).

Names are the ones the tag links' query read: the barriers', countries' and
regions' own columns.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection

from contributions.models import KINDS, Status
from core import content_version

from .versioned import PerVersion

# The place links of an item: the kind of place, and the item's many-to-many field.
PLACES = (("country", "countries"), ("region", "regions"))


@dataclass(frozen=True)
class PartnerIndex:
    """{(barrier id, place kind, place id): ids of the organisations with published
    work tagged with both}, and {(kind of tag, id): its name}; ids as strings."""

    organisations: dict[tuple[str, str, str], tuple[int, ...]] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)


def count() -> PartnerIndex:
    """The index as the database holds it now: one query per kind of item and of
    place, and one per kind of tag for the names."""
    found: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for kind, model in KINDS.items():
        through = model.barriers.through
        for place_kind, place_field in PLACES:
            rows = (
                through.objects.filter(
                    **{f"{kind}__status": Status.PUBLISHED, f"{kind}__{place_field}__isnull": False}
                )
                .exclude(**{f"{kind}__organisation": None})
                .order_by()
                .values_list("barrier_id", f"{kind}__{place_field}", f"{kind}__organisation_id")
                .distinct()
            )
            for barrier, place, organisation in rows:
                found[(str(barrier), place_kind, str(place))].add(organisation)
    names = {}
    for tag, model_field in (
        ("barrier", KINDS["initiative"].barriers.field),
        ("country", KINDS["initiative"].countries.field),
        ("region", KINDS["initiative"].regions.field),
    ):
        names |= {(tag, str(pk)): name for pk, name in _names(model_field.related_model)}
    return PartnerIndex({key: tuple(sorted(orgs)) for key, orgs in found.items()}, names)


def _names(model) -> list[tuple]:
    """Each row's id and name as its own column holds it (not the active language's
    translation): what the tag links' query joined."""
    quote = connection.ops.quote_name
    meta = model._meta
    name = next(f for f in ("title", "name") if any(x.name == f for x in meta.concrete_fields))
    with connection.cursor() as cursor:
        # Only names from the models' metadata are formatted in.
        cursor.execute(
            f"SELECT {quote(meta.pk.column)}, {quote(meta.get_field(name).column)} "  # noqa: S608
            f"FROM {quote(meta.db_table)}"
        )
        return cursor.fetchall()


def _schedule() -> None:
    from . import common

    # Built with the common words, by the same task.
    common.schedule()


# Kept per content version, in the cache and in this process (versioned.py).
_kept = PerVersion("synergies-partners", "Partner index", lambda: count(), _schedule)
# The index of a content version; None if not built yet (a build is queued).
load = _kept.load
forget = _kept.forget


def build(version: int | None = None) -> int | None:
    """Build the index for the content version `version` (the current one if not
    given), unless it is in the cache already; returns the version."""
    return _kept.build(content_version.current() if version is None else version)
