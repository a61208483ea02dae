"""Admin for resources, initiatives and their moderation history.

Status is never a form field here: curators move a contribution through the
workflow with the Publish / Archive / Unarchive actions, which call the model's
transition methods so that every change is checked and leaves a ModerationEvent.
Requesting changes and rejecting need a note or reasons and happen in the
curation queue; submitting is the partner's, through the web form or the API
(contributions.submission), never done here.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from core.admin import RecordAdmin
from pathway.admin import UsedCountryListFilter

from .models import (
    PLACED_STATUSES,
    PLACEMENT_FIELDS,
    TAG_FIELDS,
    Contribution,
    Initiative,
    ItemTranslation,
    ModerationEvent,
    RejectionReason,
    Resource,
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


class TranslationInline(admin.TabularInline):
    """Curators correct translations here; publishing one is the queue's decision."""

    model = ItemTranslation
    extra = 0
    fields = ["language", "title", "summary", "url", "published_at", "created_by"]
    readonly_fields = ["published_at", "created_by"]


class ResourceTranslationInline(TranslationInline):
    fk_name = "resource"


class InitiativeTranslationInline(TranslationInline):
    fk_name = "initiative"


class ContributionAdminForm(forms.ModelForm):
    def clean(self) -> dict:
        # The model's rule, as for a revision: an item under review or published
        # stays placed on the pathway. (The dates are the model's clean(), run by Django.)
        cleaned = super().clean()
        if self.instance.pk is not None and self.instance.status in PLACED_STATUSES:
            tags = {name: cleaned.get(name) for name in PLACEMENT_FIELDS}
            for name, errors in self.instance.placement_lost(tags).items():
                if name not in self.errors:  # "This field is required." says it already
                    self.add_error(name, errors)
        return cleaned


class ContributionAdmin(admin.ModelAdmin):
    """What the Resource and Initiative admins share: tags, moderation fields, actions."""

    form = ContributionAdminForm

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
                    "description",
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
    inlines = [ResourceHistoryInline, ResourceTranslationInline]


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
                    "description",
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
    inlines = [InitiativeHistoryInline, InitiativeTranslationInline]


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
