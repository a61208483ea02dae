"""Adoption pages: declaring, the declaration page of both sides, their decisions,
and the public transfers view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from contributions.models import Initiative
from pathway.models import Country
from stakeholders.models import Organisation

from .forms import DeclarationForm
from .models import Adoption, AdoptionConflict


@login_required
def declare(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(
        Initiative.objects.published().select_related("organisation__country"), slug=slug
    )
    theirs = Organisation.objects.acted_for_by(request.user).verified()
    if not theirs.exclude(pk=initiative.organisation_id).exists():
        if theirs.filter(pk=initiative.organisation_id).exists():
            raise PermissionDenied(
                _("This initiative is your own organisation's: others declare its adoption.")
            )
        raise PermissionDenied(
            _("Only members of an organisation can declare an adoption. Join yours first.")
        )
    form = DeclarationForm(request.POST or None, initiative=initiative, user=request.user)
    if request.method == "POST" and form.is_valid():
        adoption = Adoption.declare(by=request.user, initiative=initiative, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Your declaration was sent to %(owner)s. You will see each other's contact "
                "details once they agree."
            )
            % {"owner": initiative.organisation.name},
        )
        return redirect(adoption)
    return render(request, "adoptions/declare.html", {"form": form, "initiative": initiative})


def _adoption_for(request: HttpRequest, pk: int) -> Adoption:
    """An adoption the user takes part in (or curates); anyone else gets a 404."""
    user = request.user
    adoptions = Adoption.objects.with_parties()
    if not user.is_curator:
        adoptions = adoptions.involving(user)
    return get_object_or_404(adoptions, pk=pk)


@login_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    adoption = _adoption_for(request, pk)
    context = {
        "adoption": adoption,
        "can": adoption.actions_for(request.user),
        "contacts": adoption.contacts_for(request.user),
        "events": adoption.events.select_related("actor"),
    }
    return render(request, "adoptions/detail.html", context)


DONE = {
    "accept": gettext_lazy("You agreed: you now see each other's contact details."),
    "decline": gettext_lazy("You declined contact. The other organisation no longer sees yours."),
    "withdraw": gettext_lazy("You withdrew the declaration."),
}


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    adoption = _adoption_for(request, pk)
    try:
        getattr(adoption, action)(by=request.user)
    except AdoptionConflict as conflict:
        messages.error(request, str(conflict))
    else:
        messages.success(request, DONE[action])
    return redirect(adoption)


@login_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    adoptions = Adoption.objects.involving(request.user).with_parties()
    theirs = set(Organisation.objects.acted_for_by(request.user).values_list("pk", flat=True))
    received = [a for a in adoptions if a.initiative.organisation_id in theirs]
    declared = [a for a in adoptions if a.organisation_id in theirs]
    return render(request, "adoptions/mine.html", {"received": received, "declared": declared})


@require_safe
def transfers(request: HttpRequest) -> HttpResponse:
    """Which practice went from which country to which: every agreed adoption."""
    code = request.GET.get("country", "").strip().upper()[:2]
    country = Country.objects.filter(code=code).first() if code else None
    rows = Adoption.objects.agreed().with_parties().order_by("-agreed_at")
    if country is not None:
        rows = rows.in_country(country.code)
    countries = Country.objects.filter(
        code__in=[
            *Adoption.objects.agreed().values_list("country", flat=True),
            *Adoption.objects.agreed()
            .exclude(from_country=None)
            .values_list("from_country", flat=True),
        ]
    )
    context = {
        "rows": rows,
        "country": country,
        "unknown": bool(code) and country is None,
        "countries": countries,
    }
    return render(request, "adoptions/transfers.html", context)
