"""Curators decide on requests to join organisations and on proposed organisations."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import curator_required
from stakeholders.forms import DecisionForm
from stakeholders.models import Membership, Organisation
from stakeholders.views import decision_page


@curator_required
def curation_memberships(request: HttpRequest) -> HttpResponse:
    """Requests to join organisations and proposed organisations, oldest first."""
    pending = Membership.objects.select_related("user", "organisation").order_by("created_at")
    context = {
        "proposals": pending.proposals().select_related(
            "organisation__group", "organisation__country"
        ),
        "requests": pending.requests_to_join(),
        "decline_form": DecisionForm(),
    }
    return render(request, "curation/memberships.html", context)


def _pending_membership(pk: int) -> Membership | None:
    """Membership `pk`, locked; None once someone has decided on it."""
    membership = get_object_or_404(Membership.objects.select_for_update(), pk=pk)
    if membership.status != Membership.Status.PENDING:
        return None
    return membership


@require_POST
@curator_required
@transaction.atomic
def curation_membership_approve(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _pending_membership(pk)
    if membership is None:
        messages.info(request, _("That request had already been decided."))
        return redirect("curation:memberships")
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return decision_page(request, membership, form, approving=True)
    if membership.is_proposal:
        # Approving someone of a proposed organisation means verifying it: ask first,
        # keeping the note for the verification.
        return render(
            request,
            "curation/membership_verify_confirm.html",
            {"membership": membership, "note": form.cleaned_data["note"]},
        )
    else:
        membership.approve(by=request.user, note=form.cleaned_data["note"])
        messages.success(
            request,
            _("%(user)s can now act for %(name)s.")
            % {"user": membership.user, "name": membership.organisation.name},
        )
    return redirect("curation:memberships")


@require_POST
@curator_required
@transaction.atomic
def curation_membership_decline(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _pending_membership(pk)
    if membership is None:
        messages.info(request, _("That request had already been decided."))
        return redirect("curation:memberships")
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return decision_page(request, membership, form, approving=False)
    if membership.is_proposal:
        text = _("You declined %(user)s's proposal of %(name)s.")
    else:
        text = _("You declined %(user)s's request to join %(name)s.")
    membership.decline(by=request.user, note=form.cleaned_data["note"])
    messages.success(
        request, text % {"user": membership.user, "name": membership.organisation.name}
    )
    return redirect("curation:memberships")


@require_POST
@curator_required
def curation_organisation_verify(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["note"][0])
        return redirect("curation:memberships")
    if organisation.verify(by=request.user, note=form.cleaned_data["note"]):
        messages.success(
            request,
            _("%(name)s is now on the portal, and whoever proposed it is its editor.")
            % {"name": organisation.name},
        )
    else:
        messages.info(request, _("%(name)s was already verified.") % {"name": organisation.name})
    return redirect("curation:memberships")
