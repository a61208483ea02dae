"""Panels on resource and initiative pages (see contributions.extensions)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from contributions.models import Contribution, Initiative

from . import similarity
from .partners import potential_partners


def related_work(request: HttpRequest, item: Contribution) -> str:
    """Related published work and, for an initiative, its potential partners."""
    context = {
        "related": similarity.related_to(item),
        "partners": potential_partners(item) if isinstance(item, Initiative) else [],
    }
    if not (context["related"] or context["partners"]):
        return ""
    return render_to_string("synergies/_related.html", context, request=request)
