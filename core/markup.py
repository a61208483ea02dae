"""Markdown written by curators and partners, turned into HTML that is safe to show.

Two layers, so that a mistake in one is caught by the other: the Markdown parser
has raw HTML switched off (typed tags come out as text), then nh3 keeps only a short
list of tags and attributes and only http(s) and mailto links.

The parser is markdown-it-py in CommonMark mode (with tables): it takes time in
proportion to the text whatever the text is, and stops nesting at MAX_NESTING, so
that a hostile body ("[" 20,000 times, a list nested 600 deep) renders in
milliseconds instead of minutes, and never overflows the stack. Python-Markdown,
used before, needed 68 s for "[" × 8,000 and raised RecursionError on deep lists
(README, "Bounded work"). Each process keeps the HTML of the texts it rendered last,
so a page view renders each version of a text once per worker, and never waits on
a cache server that may be down.
"""

import functools

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

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
# Blocks and inline spans nested deeper than this are left as text.
MAX_NESTING = 20
# How many rendered texts each process keeps.
CACHED_TEXTS = 512


def clamp_headings(state) -> None:
    """A core rule: h1 becomes h2, h5 and h6 become h4."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(max(int(token.tag[1]), HIGHEST_HEADING), LOWEST_HEADING)
            token.tag = f"h{level}"


PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable("table")
PARSER.core.ruler.push("clamp_headings", clamp_headings)


def render_markdown(text: str) -> SafeString:
    """Sanitised HTML for `text`; empty text gives an empty string."""
    if not text or not text.strip():
        return mark_safe("")
    return mark_safe(sanitised_html(text))  # noqa: S308 (sanitised by nh3)


@functools.lru_cache(maxsize=CACHED_TEXTS)
def sanitised_html(text: str) -> str:
    return nh3.clean(
        PARSER.render(text),
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
    )
