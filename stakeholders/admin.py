from collections.abc import Callable

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from accounts.admin import PortalUserAdmin
from accounts.models import User
from pathway.admin import UsedCountryListFilter

from .models import Membership, Organisation, StakeholderGroup


@admin.register(StakeholderGroup)
class StakeholderGroupAdmin(TranslationAdmin):
    list_display = ("name", "slug", "position", "organisation_count")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[StakeholderGroup]:
        return super().get_queryset(request).annotate(n_organisations=Count("organisations"))

    @admin.display(description=_("organisations"), ordering="n_organisations")
    def organisation_count(self, group: StakeholderGroup) -> int:
        return group.n_organisations


class MembershipListInline(admin.TabularInline):
    """Memberships shown on another page, read-only: they are added, decided on and
    given roles in the Membership admin, whose actions email the people concerned."""

    model = Membership
    extra = 0
    can_delete = False
    show_change_link = True

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple[str, ...]:
        return self.fields

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class OrganisationMembershipInline(MembershipListInline):
    fk_name = "organisation"
    fields = ("user", "role", "status", "created_at", "decided_by", "decided_at")

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
    # Verifying approves and emails whoever proposed it: the actions below do that.
    readonly_fields = ("verified", "created_at")
    inlines = [OrganisationMembershipInline]
    actions = ["verify_selected", "decline_selected_proposals"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        approved = Q(memberships__status=Membership.Status.APPROVED)
        return (
            super().get_queryset(request).annotate(n_members=Count("memberships", filter=approved))
        )

    @admin.display(description=_("approved members"), ordering="n_members")
    def member_count(self, organisation: Organisation) -> int:
        return organisation.n_members

    @admin.action(
        description=_("Verify selected: make them public, their proposers editors"),
        permissions=["change"],
    )
    def verify_selected(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        chosen = list(queryset)
        done = sum(organisation.verify(by=request.user) for organisation in chosen)
        text = ngettext(
            "%(count)d organisation verified; whoever proposed it is its editor.",
            "%(count)d organisations verified; whoever proposed them is their editor.",
            done,
        ) % {"count": done}
        self._report(request, text, len(chosen) - done)

    @admin.action(
        description=_("Decline selected proposals: remove them, tell their proposers"),
        permissions=["change"],
    )
    def decline_selected_proposals(
        self, request: HttpRequest, queryset: QuerySet[Organisation]
    ) -> None:
        chosen = list(queryset)
        done = sum(organisation.decline_proposal(by=request.user) for organisation in chosen)
        text = ngettext(
            "%(count)d proposed organisation declined.",
            "%(count)d proposed organisations declined.",
            done,
        ) % {"count": done}
        self._report(request, text, len(chosen) - done)

    def _report(self, request: HttpRequest, text: str, skipped: int) -> None:
        if skipped:
            text += " " + ngettext(
                "%(count)d skipped: it was verified already.",
                "%(count)d skipped: they were verified already.",
                skipped,
            ) % {"count": skipped}
        self.message_user(request, text, messages.WARNING if skipped else messages.SUCCESS)


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
    # A new membership waits for a decision. Decisions and roles change only through
    # the actions below, which record who decided and email the person as the
    # curation and members pages do.
    readonly_fields = ("status", "created_at", "decided_by", "decided_at", "note")
    actions = ["approve_selected", "decline_selected", "make_editors", "make_members"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple[str, ...]:
        if obj is None:
            return self.readonly_fields
        return ("user", "organisation", "role", *self.readonly_fields)

    @admin.action(description=_("Approve selected"), permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._decide(request, queryset, Membership.Status.APPROVED, Membership.approve)

    @admin.action(description=_("Decline selected"), permissions=["change"])
    def decline_selected(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._decide(request, queryset, Membership.Status.DECLINED, Membership.decline)

    @admin.action(description=_("Make selected editors"), permissions=["change"])
    def make_editors(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._change_role(request, queryset, Membership.Role.EDITOR)

    @admin.action(description=_("Make selected members (not editors)"), permissions=["change"])
    def make_members(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._change_role(request, queryset, Membership.Role.MEMBER)

    def _decide(
        self,
        request: HttpRequest,
        queryset: QuerySet[Membership],
        status: Membership.Status,
        decision: Callable[..., None],
    ) -> None:
        # A membership already in that state keeps its original decider and date.
        # Each is read again under a lock: deciding on one proposer decides on the
        # whole proposed organisation, which may change (or remove) the next one.
        done = skipped = 0
        for pk in queryset.values_list("pk", flat=True):
            with transaction.atomic():
                membership = (
                    Membership.objects.select_for_update(of=("self",))
                    .select_related("user", "organisation")
                    .filter(pk=pk)
                    .first()
                )
                if membership is None or membership.status == status:
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

    def _change_role(
        self, request: HttpRequest, queryset: QuerySet[Membership], role: Membership.Role
    ) -> None:
        # As on the members page: only approved members are given another role.
        changing = queryset.approved().exclude(role=role).select_related("user", "organisation")
        done = 0
        for membership in changing:
            membership.change_role(role, by=request.user)
            done += 1
        skipped = queryset.count() - done
        text = ngettext(
            "%(count)d membership given the role “%(role)s”.",
            "%(count)d memberships given the role “%(role)s”.",
            done,
        ) % {"count": done, "role": role.label}
        if skipped:
            text += " " + ngettext(
                "%(count)d skipped: not approved, or it had that role already.",
                "%(count)d skipped: not approved, or they had that role already.",
                skipped,
            ) % {"count": skipped}
        self.message_user(request, text, messages.WARNING if skipped else messages.SUCCESS)


class UserMembershipInline(MembershipListInline):
    """The organisations a user acts for or asked to join."""

    # Membership has two links to users; these rows are the user's own memberships.
    fk_name = "user"
    fields = ("organisation", "role", "status", "created_at", "decided_by", "decided_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return super().get_queryset(request).select_related("organisation", "decided_by")


# Memberships belong to this app, so the user page gets their inline from here.
admin.site.unregister(User)


@admin.register(User)
class UserWithMembershipsAdmin(PortalUserAdmin):
    inlines = [UserMembershipInline]
