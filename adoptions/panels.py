"""The adoption panel on initiative pages (see contributions.extensions)."""

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
    agreed = Adoption.objects.agreed().with_parties()
    adapted_in = list(agreed.filter(initiative=item))
    adapted_from = list(agreed.filter(adapted_initiative=item))
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
