"""Panels on resource and initiative pages (see contributions.extensions)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from contributions.models import Contribution, Initiative

from . import related, similarity
from .partners import potential_partners


def related_work(request: HttpRequest, item: Contribution) -> str:
    """Related published work and, for an initiative, its potential partners: as
    stored when the item last changed (synergies/related.py), or worked out now if
    nothing is stored yet."""
    stored = related.read(item) if item.is_published else None
    if stored is not None:
        context = {"related": stored[0], "partners": stored[1]}
    else:
        context = {
            "related": similarity.related_to(item),
            "partners": potential_partners(item) if isinstance(item, Initiative) else [],
        }
    if not (context["related"] or context["partners"]):
        return ""
    return render_to_string("synergies/_related.html", context, request=request)
