"""Panels on resource and initiative pages (see contributions.extensions)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from contributions.models import Contribution


def country_links(request: HttpRequest, item: Contribution) -> str:
    """Links to the country pages of the countries the item works in."""
    countries = item.countries.all()
    if not countries:
        return ""
    return render_to_string("gaps/_country_links.html", {"countries": countries}, request=request)
