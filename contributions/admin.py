"""Admin for resources, initiatives and their moderation history.

Status is never a form field here: curators move a contribution through the
workflow with the Publish / Archive / Unarchive actions, which call the model's
transition methods so that every change is checked and leaves a ModerationEvent.
Requesting changes and rejecting need a note or reasons and happen in the
curation queue.
"""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from pathway.admin import UsedCountryListFilter

from .coverage import bit_numbers
from .models import (
    TAG_FIELDS,
    Contribution,
    CoverageEntry,
    Initiative,
    ModerationEvent,
    RejectionReason,
    Resource,
    SimilarityDecision,
    TransitionNotAllowed,
)

TAGS_FIELDSET = (
    _("Tags"),
    {"fields": TAG_FIELDS},
)
MODERATION_FIELDSET = (
    _("Moderation"),
    {
        "fields": (
            "status",
            "submitted_by",
            "submitted_at",
            "reviewed_by",
            "review_note",
            "review_reason_labels",
            "published_at",
            "last_verified_at",
            "created_at",
            "updated_at",
        )
    },
)


DONE_MESSAGES = {
    "publish": ngettext_lazy("%(count)d item published.", "%(count)d items published.", "count"),
    "archive": ngettext_lazy("%(count)d item archived.", "%(count)d items archived.", "count"),
    "unarchive": ngettext_lazy(
        "%(count)d item unarchived.", "%(count)d items unarchived.", "count"
    ),
}


class ModerationHistoryInline(admin.TabularInline):
    """Every status change of the contribution, newest first. History is never edited."""

    model = ModerationEvent
    fields = (
        "created_at",
        "actor",
        "action",
        "from_status",
        "to_status",
        "note",
        "reasons_given",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[ModerationEvent]:
        return super().get_queryset(request).select_related("actor")

    @admin.display(description=_("reasons"))
    def reasons_given(self, event: ModerationEvent) -> str:
        return "; ".join(event.reason_labels())

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ResourceHistoryInline(ModerationHistoryInline):
    fk_name = "resource"


class InitiativeHistoryInline(ModerationHistoryInline):
    fk_name = "initiative"


class ContributionAdmin(admin.ModelAdmin):
    """What the Resource and Initiative admins share: tags, moderation fields, actions."""

    search_fields = ("title", "summary", "slug", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = (
        "organisation",
        "submitted_by",
        "barriers",
        "countries",
        "therapeutic_areas",
    )
    filter_horizontal = ("stages", "audiences", "regions")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = (
        "status",
        "submitted_at",
        "reviewed_by",
        "review_note",
        "review_reason_labels",
        "published_at",
        "created_at",
        "updated_at",
    )
    actions = ["publish_selected", "archive_selected", "unarchive_selected"]

    def get_inlines(self, request: HttpRequest, obj: Contribution | None) -> list:
        # A contribution being added has no history yet.
        return self.inlines if obj is not None else []

    @admin.display(description=_("reasons"))
    def review_reason_labels(self, contribution: Contribution) -> str:
        labels = dict(RejectionReason.choices)
        return "; ".join(str(labels.get(code, code)) for code in contribution.review_reasons)

    @admin.action(description=_("Publish selected"), permissions=["change"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Contribution]) -> None:
        self._transition(request, queryset, "publish")

    @admin.action(description=_("Archive selected"), permissions=["change"])
    def archive_selected(self, request: HttpRequest, queryset: QuerySet[Contribution]) -> None:
        self._transition(request, queryset, "archive")

    @admin.action(description=_("Unarchive selected"), permissions=["change"])
    def unarchive_selected(self, request: HttpRequest, queryset: QuerySet[Contribution]) -> None:
        self._transition(request, queryset, "unarchive")

    def _transition(
        self, request: HttpRequest, queryset: QuerySet[Contribution], action: str
    ) -> None:
        done = skipped = 0
        for contribution in queryset:
            try:
                getattr(contribution, action)(by=request.user)
            except TransitionNotAllowed:
                skipped += 1
            else:
                done += 1
        text = str(DONE_MESSAGES[action] % {"count": done})
        if skipped:
            text += " " + ngettext(
                "%(count)d skipped because its status does not allow it.",
                "%(count)d skipped because their status does not allow it.",
                skipped,
            ) % {"count": skipped}
        self.message_user(request, text, messages.WARNING if skipped else messages.SUCCESS)


@admin.register(Resource)
class ResourceAdmin(ContributionAdmin):
    list_display = (
        "title",
        "organisation",
        "status",
        "resource_type",
        "submitted_at",
        "published_at",
    )
    list_filter = (
        "status",
        "resource_type",
        "stages",
        "barriers__category",
        "regions",
        ("countries", UsedCountryListFilter),
        "organisation__verified",
        "language",
    )
    search_fields = (*ContributionAdmin.search_fields, "url", "publisher")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "summary",
                    "body",
                    "resource_type",
                    "url",
                    "publisher",
                    "year",
                    "language",
                    "organisation",
                )
            },
        ),
        TAGS_FIELDSET,
        MODERATION_FIELDSET,
    )
    inlines = [ResourceHistoryInline]


@admin.register(Initiative)
class InitiativeAdmin(ContributionAdmin):
    list_display = ("title", "organisation", "status", "phase", "submitted_at", "published_at")
    list_filter = (
        "status",
        "phase",
        "stages",
        "barriers__category",
        "regions",
        ("countries", UsedCountryListFilter),
        "organisation__verified",
        "language",
    )
    search_fields = (*ContributionAdmin.search_fields, "website")
    autocomplete_fields = (
        *ContributionAdmin.autocomplete_fields,
        "partner_organisations",
        "related_resources",
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "summary",
                    "body",
                    "phase",
                    "start_date",
                    "end_date",
                    "website",
                    "outcomes",
                    "language",
                    "organisation",
                    "partner_organisations",
                    "related_resources",
                )
            },
        ),
        TAGS_FIELDSET,
        MODERATION_FIELDSET,
    )
    inlines = [InitiativeHistoryInline]


class RecordAdmin(admin.ModelAdmin):
    """A record written by the portal itself: shown, never added, changed or deleted here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ModerationEvent)
class ModerationEventAdmin(RecordAdmin):
    """The audit trail of the workflow: visible to curators, editable by nobody."""

    list_display = ("created_at", "contribution", "action", "from_status", "to_status", "actor")
    list_filter = ("action", "to_status")
    search_fields = ("resource__title", "initiative__title", "note", "actor__username")
    list_select_related = ("resource", "initiative", "actor")
    date_hierarchy = "created_at"

    @admin.display(description=_("contribution"))
    def contribution(self, event: ModerationEvent) -> Contribution:
        return event.contribution


@admin.register(SimilarityDecision)
class SimilarityDecisionAdmin(RecordAdmin):
    """What partners said about the likely duplicates shown while they submitted."""

    list_display = ("decided_at", "subject", "choice", "match", "score", "decided_by")
    list_filter = ("choice",)
    search_fields = (
        "resource__title",
        "initiative__title",
        "match_resource__title",
        "match_initiative__title",
    )
    list_select_related = (
        "resource",
        "initiative",
        "match_resource",
        "match_initiative",
        "decided_by",
    )
    date_hierarchy = "decided_at"


@admin.register(CoverageEntry)
class CoverageEntryAdmin(RecordAdmin):
    """The gap map's summary of each published item, kept in step by the portal
    (contributions/coverage.py): for checking a count, not for editing."""

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
