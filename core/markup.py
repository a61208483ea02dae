"""Markdown written by curators and partners, turned into HTML that is safe to show.

Two layers, so that a mistake in one is caught by the other: Markdown's raw-HTML
support is switched off (typed tags come out as text), then nh3 keeps only a short
list of tags and attributes and only http(s) and mailto links.
"""

import xml.etree.ElementTree as ET

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "a",
        "em",
        "strong",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "h2",
        "h3",
        "h4",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"

# The page already has its h1 and section headings: text headings fit below them.
HIGHEST_HEADING, LOWEST_HEADING = 2, 4


class ClampHeadings(markdown.treeprocessors.Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1].isdigit():
                level = min(max(int(element.tag[1]), HIGHEST_HEADING), LOWEST_HEADING)
                element.tag = f"h{level}"


class PortalMarkdown(markdown.extensions.Extension):
    """No raw HTML (it is escaped as text) and headings kept within h2–h4."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(ClampHeadings(md), "clamp_headings", 0)


def render_markdown(text: str) -> SafeString:
    """Sanitised HTML for `text`; empty text gives an empty string."""
    if not text or not text.strip():
        return mark_safe("")
    extensions = ["fenced_code", "sane_lists", "tables", PortalMarkdown()]
    html = markdown.markdown(text, extensions=extensions)
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised by nh3 just above)
