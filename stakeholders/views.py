"""Stakeholder groups and their verified organisations.

An organisation's resources and initiatives sit in a higher layer, so they are
reached through reverse relations (`organisation.resources`, ...), never by import.
"""

from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Organisation, StakeholderGroup

# How many cards of each kind an organisation page shows before "See all".
ORGANISATION_CARDS = 6


def stakeholder_list(request: HttpRequest) -> HttpResponse:
    groups = StakeholderGroup.objects.prefetch_related(
        Prefetch(
            "organisations",
            queryset=Organisation.objects.verified().select_related("country"),
            to_attr="verified_organisations",
        )
    )
    return render(request, "stakeholders/list.html", {"groups": groups})


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Unverified organisations were proposed by a user and are not public yet.
    organisation = get_object_or_404(
        Organisation.objects.verified().select_related("group", "country"), slug=slug
    )
    resources = organisation.resources.published()
    # The initiatives it leads and those it is a partner in, each once.
    initiatives = organisation.initiatives.model.objects.published().filter(
        Q(organisation=organisation) | Q(pk__in=organisation.partner_initiatives.values("pk"))
    )
    context = {
        "organisation": organisation,
        "resources": resources.with_tags()[:ORGANISATION_CARDS],
        "resource_count": resources.count(),
        "initiatives": initiatives.with_tags()[:ORGANISATION_CARDS],
        "initiative_count": initiatives.count(),
    }
    return render(request, "stakeholders/organisation.html", context)
