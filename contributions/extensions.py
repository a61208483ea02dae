"""What the apps built on contributions add to its submission flow and item pages.

Imports point downward, so contributions may not import synergies or gaps; yet a
submission must pass the duplicate check and an item's page shows related work and
links to its country pages. The project plugs them in by name in its settings, as
Django does with MIDDLEWARE:

- ``CONTRIBUTION_SUBMISSION_CHECK``: the class that may hold a submission back
  (``synergies.check.SimilarityCheck``); web form and API both go through it.
- ``CONTRIBUTION_PAGE_PANELS``: per place on an item's page ("top" above it,
  "details" beside the metadata, "after" below the text), functions
  ``(request, item) -> str`` that render one panel of HTML (or "" for none).
"""

from functools import cache

from django.conf import settings
from django.http import HttpRequest
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString, mark_safe

from .models import Contribution


@cache
def submission_check() -> type:
    return import_string(settings.CONTRIBUTION_SUBMISSION_CHECK)


def page_panels(request: HttpRequest, item: Contribution) -> dict[str, list[SafeString]]:
    """The panels of an item's page, rendered, by place."""
    panels = {}
    for place, paths in settings.CONTRIBUTION_PAGE_PANELS.items():
        rendered = (import_string(path)(request, item) for path in paths)
        # Each function renders a template, which escapes what it shows.
        panels[place] = [mark_safe(html) for html in rendered if html]  # noqa: S308
    return panels
