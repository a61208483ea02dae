from django import template
from django.utils.translation import ngettext

from core.plurals import count_messages

register = template.Library()

# static/js/country-picker.js lists at most this many countries.
MAX_SHOWN = 50


@register.simple_tag
def country_match_messages() -> str:
    """What the picker's status says when n countries match, for n up to MAX_SHOWN."""
    return count_messages(
        lambda n: ngettext(
            "%(n)s country matches; use the arrow keys to choose it.",
            "%(n)s countries match; use the arrow keys to choose one.",
            n,
        ),
        MAX_SHOWN,
    )


@register.simple_tag
def country_filter_messages() -> str:
    """What the filter of the countries by region says when n countries match
    (static/js/choice-filter.js), for any number of countries."""
    return count_messages(
        lambda n: ngettext("%(n)s country matches.", "%(n)s countries match.", n), 300
    )
