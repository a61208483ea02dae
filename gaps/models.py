"""The gap map's per-item rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from contributions.models import Initiative, Resource, contribution_link, one_contribution


class CoverageEntry(models.Model):
    """A published resource or initiative as the gap map counts it: the stages, barrier
    categories, barriers and regions it is tagged with, as sets of bits (bit n: the
    row with id n), and its organisation.

    One narrow row per published item turns the whole matrix into one pass over this
    table instead of a join of every item's stage links with its barrier links; see
    gaps/coverage.py, which keeps the rows in step with the items.
    """

    resource = contribution_link(Resource, _("resource"), "coverage_entry", one_to_one=True)
    initiative = contribution_link(Initiative, _("initiative"), "coverage_entry", one_to_one=True)
    stage_bits = models.PositiveBigIntegerField(_("stages"), default=0)
    category_bits = models.PositiveBigIntegerField(_("barrier categories"), default=0)
    barrier_bits = models.PositiveBigIntegerField(_("barriers"), default=0)
    # A country's work includes its region's and global work: with the regions here,
    # a country page selects that wider work without reading the region links.
    region_bits = models.PositiveBigIntegerField(_("regions"), default=0)
    # Who works in a place (the country pages), counted without reading the items.
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        db_index=False,
    )

    class Meta:
        # Created in contributions before the gaps app existed; the table stayed.
        db_table = "contributions_coverageentry"
        verbose_name = _("coverage entry")
        verbose_name_plural = _("coverage entries")
        constraints = [
            one_contribution("coverage_entry_one_contribution"),
        ]

    def __str__(self) -> str:
        return str(self.resource or self.initiative)
