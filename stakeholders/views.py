"""Membership: people ask to join an organisation or propose a new one, and an
organisation's editors decide on requests to join it (curators decide on every
request in curation/views/memberships.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import DecisionForm, OrganisationProfileForm, OrganisationProposalForm, RoleForm
from .models import Membership, Organisation


def _organisation_or_404(request: HttpRequest, slug: str) -> Organisation:
    # An organisation the user may not see answers as one that does not exist.
    return get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)


@require_POST
def organisation_join(request: HttpRequest, slug: str) -> HttpResponse:
    if not request.user.is_authenticated:
        # After logging in, people come back to the page with the Join button.
        return redirect_to_login(Organisation(slug=slug).get_absolute_url())
    organisation = _organisation_or_404(request, slug)
    if not organisation.verified:
        raise PermissionDenied(_("Nobody can join an organisation before it is verified."))
    membership, requested = organisation.request_membership(request.user)
    if requested:
        messages.success(
            request,
            _(
                "You asked to join %(name)s. We will email you as soon as your request "
                "has been looked at."
            )
            % {"name": organisation.name},
        )
    elif membership.status == Membership.Status.APPROVED:
        messages.info(request, _("You already act for %(name)s.") % {"name": organisation.name})
    else:
        messages.info(
            request,
            _("Your request to join %(name)s is waiting for approval.")
            % {"name": organisation.name},
        )
    return redirect("portal:profile")


@login_required
def organisation_propose(request: HttpRequest) -> HttpResponse:
    form = OrganisationProposalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = Organisation.objects.propose(by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Thank you: %(name)s has been proposed. A curator will check it, and we "
                "will email you when it is on the portal, with you as its editor."
            )
            % {"name": organisation.name},
        )
        return redirect("portal:profile")
    return render(request, "stakeholders/organisation_propose.html", {"form": form})


def _organisation_for_editor(request: HttpRequest, slug: str) -> Organisation:
    organisation = _organisation_or_404(request, slug)
    if not organisation.is_member(request.user, role=Membership.Role.EDITOR):
        raise PermissionDenied(_("Only the organisation's editors manage its members."))
    return organisation


@login_required
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """An editor changes the organisation's public profile."""
    organisation = _organisation_for_editor(request, slug)
    form = OrganisationProfileForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("The profile of %(name)s is saved.") % {"name": organisation.name}
        )
        return redirect(organisation)
    return render(
        request, "stakeholders/organisation_edit.html", {"organisation": organisation, "form": form}
    )


@login_required
def organisation_members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_for_editor(request, slug)
    memberships = organisation.memberships.select_related("user")
    context = {
        "organisation": organisation,
        "pending": memberships.pending().order_by("created_at"),
        "members": memberships.approved().order_by("-role", "user__email"),
        "decline_form": DecisionForm(),
    }
    return render(request, "stakeholders/membership_members.html", context)


def decision_page(
    request: HttpRequest, membership: Membership, form: DecisionForm, *, approving: bool
) -> HttpResponse:
    """The decision again, with the note's error, posting back where it came from."""
    return render(
        request,
        "stakeholders/membership_decision.html",
        {"membership": membership, "form": form, "action": request.path, "approving": approving},
    )


def _membership_for_editor(request: HttpRequest, slug: str, pk: int) -> Membership:
    """The membership `pk` of `slug`, locked, if the user is an editor of `slug`."""
    organisation = _organisation_for_editor(request, slug)
    membership = get_object_or_404(
        organisation.memberships.select_for_update(of=("self",)).select_related("user"), pk=pk
    )
    if membership.user_id == request.user.pk:
        # So that no organisation loses its last editor by accident.
        raise PermissionDenied(_("Editors cannot change their own membership."))
    return membership


@require_POST
@login_required
@transaction.atomic
def organisation_member_approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = _membership_for_editor(request, slug, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return decision_page(request, membership, form, approving=True)
    if membership.status == Membership.Status.PENDING:
        membership.approve(by=request.user, note=form.cleaned_data["note"])
        messages.success(
            request,
            _("%(user)s can now act for %(name)s.")
            % {"user": membership.user, "name": membership.organisation.name},
        )
    else:
        messages.info(request, _("That request had already been decided."))
    return redirect("stakeholders:members", slug=slug)


@require_POST
@login_required
@transaction.atomic
def organisation_member_decline(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = _membership_for_editor(request, slug, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return decision_page(request, membership, form, approving=False)
    if membership.status == Membership.Status.DECLINED:
        messages.info(request, _("That request had already been decided."))
    else:
        was_member = membership.status == Membership.Status.APPROVED
        membership.decline(by=request.user, note=form.cleaned_data["note"])
        if was_member:
            text = _("%(user)s no longer acts for %(name)s.")
        else:
            text = _("You declined %(user)s's request to join %(name)s.")
        messages.success(
            request, text % {"user": membership.user, "name": membership.organisation.name}
        )
    return redirect("stakeholders:members", slug=slug)


@require_POST
@login_required
@transaction.atomic
def organisation_member_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = _membership_for_editor(request, slug, pk)
    form = RoleForm(request.POST)
    if not form.is_valid() or membership.status != Membership.Status.APPROVED:
        messages.error(request, _("Only approved members can be given another role."))
    elif membership.role != form.cleaned_data["role"]:
        membership.change_role(form.cleaned_data["role"], by=request.user)
        messages.success(
            request,
            _("%(user)s is now %(role)s.")
            % {"user": membership.user, "role": membership.get_role_display().lower()},
        )
    return redirect("stakeholders:members", slug=slug)
