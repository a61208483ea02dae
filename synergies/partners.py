"""Potential partners of an initiative: organisations whose published work
addresses the same barriers in the same places."""

from dataclasses import dataclass, field

from django.db.models import (
    CharField,
    Value,
)
from django.utils.translation import gettext as _

from contributions.models import KINDS, Initiative, Status
from core import content_version

from . import partner_index
from .similarity import names


@dataclass
class Partner:
    """An organisation working on the same barriers in the same places."""

    organisation: object
    barriers: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    same_country: bool = False

    @property
    def explanation(self) -> str:
        return _("works on %(barriers)s in %(places)s") % {
            "barriers": names(self.barriers),
            "places": names(self.places),
        }


def potential_partners(initiative: Initiative, limit: int = 6) -> list[Partner]:
    """Organisations whose published work addresses one of the initiative's barriers
    in one of its countries (or regions), other than its own and its partners.

    Read from the content version's index (partner_index.py), with one query for the
    organisations, if the initiative's tags and partners are prefetched; until the
    index is built, from the tag links (two queries). Sharing a country ranks above
    sharing a region only.
    """
    barriers = [b.pk for b in initiative.barriers.all()]
    countries = [c.pk for c in initiative.countries.all()]
    regions = {r.pk for r in initiative.regions.all() if not r.is_global}
    regions |= {c.region_id for c in initiative.countries.all() if c.region_id is not None}
    if not barriers or not (countries or regions):
        return []
    excluded = {initiative.organisation_id}
    excluded |= {org.pk for org in initiative.partner_organisations.all()}
    index = partner_index.load(content_version.current())
    if index is None:
        rows = _linked_rows(barriers, countries, regions, excluded)
    else:
        rows = _indexed_rows(index, barriers, countries, regions, excluded)
    return _ranked(rows, limit)


def _indexed_rows(index, barriers, countries, regions, excluded) -> list[tuple]:
    """(organisation id, barrier, place kind, place) of the organisations, from the
    index: what _linked_rows reads from the tag links."""
    rows = []
    for barrier in map(str, barriers):
        for place_kind, places in (("country", countries), ("region", regions)):
            for place in map(str, places):
                for organisation in index.organisations.get((barrier, place_kind, place), ()):
                    if organisation not in excluded:
                        rows.append(
                            (
                                organisation,
                                index.names[("barrier", barrier)],
                                place_kind,
                                index.names[(place_kind, place)],
                            )
                        )
    return rows


def _linked_rows(barriers, countries, regions, excluded):
    """(organisation id, barrier, place kind, place) of the published items tagged
    with the barriers in the places, from the tag links: one UNION of both kinds."""
    parts = []
    for _kind, model in KINDS.items():
        through = model.barriers.through
        item = model._meta.model_name
        rows = through.objects.filter(
            barrier_id__in=barriers, **{f"{item}__status": Status.PUBLISHED}
        ).exclude(**{f"{item}__organisation__in": excluded})
        if countries:
            parts.append(
                rows.filter(**{f"{item}__countries__in": countries})
                .annotate(place_kind=Value("country", output_field=CharField()))
                .values_list(
                    f"{item}__organisation_id",
                    "barrier__title",
                    "place_kind",
                    f"{item}__countries__name",
                )
            )
        if regions:
            parts.append(
                rows.filter(**{f"{item}__regions__in": regions})
                .annotate(place_kind=Value("region", output_field=CharField()))
                .values_list(
                    f"{item}__organisation_id",
                    "barrier__title",
                    "place_kind",
                    f"{item}__regions__name",
                )
            )
    return parts[0].union(*parts[1:], all=True)


def _ranked(rows, limit: int) -> list[Partner]:
    from stakeholders.models import Organisation

    found: dict[int, Partner] = {}
    for organisation_id, barrier, place_kind, place in rows:
        partner = found.setdefault(organisation_id, Partner(organisation=None))
        partner.barriers.add(barrier)
        partner.places.add(place)
        partner.same_country |= place_kind == "country"
    for organisation in Organisation.objects.filter(pk__in=found).select_related("group"):
        found[organisation.pk].organisation = organisation
    partners = [p for p in found.values() if p.organisation is not None]
    partners.sort(key=lambda p: (not p.same_country, -len(p.barriers), p.organisation.name.lower()))
    return partners[:limit]
