from django import template
from django.utils.safestring import SafeString

from core.markup import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    """`{{ stage.description|markdown }}`: Markdown as sanitised HTML."""
    return render_markdown(text or "")
