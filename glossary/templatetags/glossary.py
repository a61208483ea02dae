"""Glossary terms explained in a page's prose (glossary/explain.py).

    {% load glossary %}
    {% translated stage "description" "markdown" as description %}
    {% explain_terms description %}
    ...
    {% explained_terms %}   the "Words explained on this page" box

The terms a page has explained are kept in the template's render context, so each
term is explained once per page, however many texts pass through the tag.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from ..explain import PageTerms

register = template.Library()

KEY = "glossary_page_terms"


def page_terms(context: template.Context) -> PageTerms:
    state = context.render_context
    if KEY not in state:
        state[KEY] = PageTerms.for_active_language()
    return state[KEY]


@register.simple_tag(takes_context=True)
def explain_terms(context: template.Context, html: str) -> SafeString:
    return page_terms(context).annotate(str(conditional_escape(html)))


@register.inclusion_tag("glossary/_explained.html", takes_context=True)
def explained_terms(context: template.Context) -> dict:
    return {"terms": page_terms(context).explained}
