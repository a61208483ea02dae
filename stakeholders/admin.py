from collections.abc import Callable

from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.admin import PortalUserAdmin
from accounts.models import User
from pathway.admin import UsedCountryListFilter

from .models import Membership, Organisation, StakeholderGroup


@admin.register(StakeholderGroup)
class StakeholderGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position", "organisation_count")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[StakeholderGroup]:
        return super().get_queryset(request).annotate(n_organisations=Count("organisations"))

    @admin.display(description=_("organisations"), ordering="n_organisations")
    def organisation_count(self, group: StakeholderGroup) -> int:
        return group.n_organisations


class OrganisationMembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "organisation"
    fields = ("user", "role", "status", "created_at", "decided_by", "decided_at")
    # Decisions go through the Approve/Decline actions so that who decided is recorded.
    readonly_fields = ("status", "created_at", "decided_by", "decided_at")
    autocomplete_fields = ("user",)
    extra = 0

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return super().get_queryset(request).select_related("user", "decided_by")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "group", "country", "verified", "member_count", "created_at")
    list_filter = (
        "verified",
        "group",
        "country__region",
        ("country", UsedCountryListFilter),
    )
    search_fields = ("name", "slug", "website", "country__name")
    list_select_related = ("group", "country")
    autocomplete_fields = ("country",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at",)
    inlines = [OrganisationMembershipInline]
    actions = ["verify_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        approved = Q(memberships__status=Membership.Status.APPROVED)
        return (
            super().get_queryset(request).annotate(n_members=Count("memberships", filter=approved))
        )

    @admin.display(description=_("approved members"), ordering="n_members")
    def member_count(self, organisation: Organisation) -> int:
        return organisation.n_members

    @admin.action(description=_("Mark selected as verified"), permissions=["change"])
    def verify_selected(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        count = queryset.filter(verified=False).update(verified=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation marked as verified.",
                "%(count)d organisations marked as verified.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = (
        "user",
        "organisation",
        "role",
        "status",
        "created_at",
        "decided_by",
        "decided_at",
    )
    list_filter = ("status", "role", "organisation__group", "organisation__verified")
    search_fields = (
        "user__username",
        "user__email",
        "user__first_name",
        "user__last_name",
        "organisation__name",
    )
    list_select_related = ("user", "organisation", "decided_by")
    autocomplete_fields = ("user", "organisation")
    # Status only changes through the actions below, which record who decided and when.
    readonly_fields = ("status", "created_at", "decided_by", "decided_at")
    actions = ["approve_selected", "decline_selected"]

    @admin.action(description=_("Approve selected"), permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._decide(request, queryset, Membership.Status.APPROVED, Membership.approve)

    @admin.action(description=_("Decline selected"), permissions=["change"])
    def decline_selected(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._decide(request, queryset, Membership.Status.DECLINED, Membership.decline)

    def _decide(
        self,
        request: HttpRequest,
        queryset: QuerySet[Membership],
        status: Membership.Status,
        decision: Callable[..., None],
    ) -> None:
        # A membership already in that state keeps its original decider and date.
        done = skipped = 0
        for membership in queryset:
            if membership.status == status:
                skipped += 1
            else:
                decision(membership, by=request.user)
                done += 1
        text = ngettext(
            "%(count)d membership set to “%(status)s”.",
            "%(count)d memberships set to “%(status)s”.",
            done,
        ) % {"count": done, "status": status.label}
        if skipped:
            text += " " + ngettext(
                "%(count)d skipped: it already was.",
                "%(count)d skipped: they already were.",
                skipped,
            ) % {"count": skipped}
        self.message_user(request, text, messages.WARNING if skipped else messages.SUCCESS)


class UserMembershipInline(admin.TabularInline):
    """The organisations a user acts for. Approving happens in the Membership admin."""

    model = Membership
    # Membership has two links to users; these rows are the user's own memberships.
    fk_name = "user"
    fields = ("organisation", "role", "status", "created_at", "decided_by", "decided_at")
    readonly_fields = ("status", "created_at", "decided_by", "decided_at")
    autocomplete_fields = ("organisation",)
    extra = 0

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return super().get_queryset(request).select_related("organisation", "decided_by")


# Memberships belong to this app, so the user page gets their inline from here.
admin.site.unregister(User)


@admin.register(User)
class UserWithMembershipsAdmin(PortalUserAdmin):
    inlines = [UserMembershipInline]
