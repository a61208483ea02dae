from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import RecordAdmin

from .entries import bit_numbers
from .models import CoverageEntry


@admin.register(CoverageEntry)
class CoverageEntryAdmin(RecordAdmin):
    """The gap map's summary of each published item, kept in step by the portal
    (gaps/coverage.py): for checking a count, not for editing."""

    list_display = ("__str__", "stages", "barrier_categories", "barriers")
    search_fields = ("resource__title", "initiative__title")
    list_select_related = ("resource", "initiative")

    @admin.display(description=_("stage ids"))
    def stages(self, entry: CoverageEntry) -> str:
        return bits_display(entry.stage_bits)

    @admin.display(description=_("barrier category ids"))
    def barrier_categories(self, entry: CoverageEntry) -> str:
        return bits_display(entry.category_bits)

    @admin.display(description=_("barrier ids"))
    def barriers(self, entry: CoverageEntry) -> str:
        return bits_display(entry.barrier_bits)


def bits_display(bits: int) -> str:
    """The ids a set of bits stands for (bit n: the row with id n), as "2, 5, 7"."""
    return ", ".join(map(str, bit_numbers(bits))) or "–"
