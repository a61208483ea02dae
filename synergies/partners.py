"""Potential partners of an initiative: organisations whose published work
addresses the same barriers in the same places."""

from dataclasses import dataclass, field

from django.db.models import (
    CharField,
    Value,
)
from django.utils.translation import gettext as _

from contributions.models import KINDS, Initiative, Status

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

    Two queries, if the initiative's tags and partners are prefetched: one UNION of
    the matching (organisation, barrier, place) rows over both kinds, one for the
    organisations. Sharing a country ranks above sharing a region only.
    """
    from stakeholders.models import Organisation

    barriers = [b.pk for b in initiative.barriers.all()]
    countries = [c.pk for c in initiative.countries.all()]
    regions = {r.pk for r in initiative.regions.all() if not r.is_global}
    regions |= {c.region_id for c in initiative.countries.all() if c.region_id is not None}
    if not barriers or not (countries or regions):
        return []
    excluded = {initiative.organisation_id}
    excluded |= {org.pk for org in initiative.partner_organisations.all()}
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
    found: dict[int, Partner] = {}
    for organisation_id, barrier, place_kind, place in parts[0].union(*parts[1:], all=True):
        partner = found.setdefault(organisation_id, Partner(organisation=None))
        partner.barriers.add(barrier)
        partner.places.add(place)
        partner.same_country |= place_kind == "country"
    for organisation in Organisation.objects.filter(pk__in=found).select_related("group"):
        found[organisation.pk].organisation = organisation
    partners = [p for p in found.values() if p.organisation is not None]
    partners.sort(key=lambda p: (not p.same_country, -len(p.barriers), p.organisation.name.lower()))
    return partners[:limit]
