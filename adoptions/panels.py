"""The adoption panel on initiative pages (see contributions.extensions)."""

from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string

from contributions.models import Contribution, Initiative
from stakeholders.models import Organisation

from .models import Adoption


def adoptions(request: HttpRequest, item: Contribution) -> str:
    """Where a published initiative was adapted from and in, the user's own
    declarations about it, and the way to declare one."""
    if not isinstance(item, Initiative) or not item.is_published:
        return ""
    user = request.user
    # Both directions in one query, split here.
    agreed = list(
        Adoption.objects.agreed()
        .with_parties()
        .filter(Q(initiative=item) | Q(adapted_initiative=item))
    )
    adapted_in = [adoption for adoption in agreed if adoption.initiative_id == item.pk]
    adapted_from = [adoption for adoption in agreed if adoption.adapted_initiative_id == item.pk]
    yours: list[Adoption] = []
    can_declare = False
    if user.is_authenticated:
        theirs = Organisation.objects.acted_for_by(user).verified()
        yours = list(Adoption.objects.with_parties().filter(initiative=item).involving(user))
        can_declare = theirs.exclude(pk=item.organisation_id).exists()
    context = {
        "item": item,
        "adapted_in": adapted_in,
        "adapted_from": adapted_from,
        "yours": yours,
        "can_declare": can_declare,
    }
    return render_to_string("adoptions/_panel.html", context, request=request)
