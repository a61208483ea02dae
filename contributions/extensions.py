"""What the apps built on contributions add to its submission flow and item pages.

Imports point downward, so contributions may not import synergies or gaps; yet a
submission must pass the duplicate check and an item's page shows related work and
links to its country pages. The project plugs them in by name in its settings, as
Django does with MIDDLEWARE:

- ``CONTRIBUTION_SUBMISSION_CHECK``: the class that may hold a submission back
  (``synergies.check.SimilarityCheck``, see SubmissionCheck for what contributions
  uses of it); web form and API both go through it, in contributions.submission.
- ``CONTRIBUTION_PAGE_PANELS``: per place on an item's page ("top" above it,
  "details" beside the metadata, "after" below the text), functions
  ``(request, item) -> str`` that render one panel of HTML (or "" for none).
- ``CONTRIBUTION_DEMO_LOADERS``: functions ``(loader) -> None`` that ``manage.py loaddemo``
  calls in its transaction, after its own content, to add theirs (idempotently).
- ``CONTRIBUTION_PRACTICE_RULE``: which initiatives were assessed as best or
  promising practice (``assessments.practice.PracticeRule``), for the library's
  ``practice`` filter (contributions.tag_filters.PracticeFilter).
"""

from collections.abc import Mapping
from functools import cache
from typing import Any, Protocol, Self

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString, mark_safe

from .models import Contribution


class SubmissionCheck(Protocol):
    """What the submission flow, the form and the API use of the check.

    Marks are what a partner said of each match, {(kind, pk): choice}; `choices`
    are the possible marks as (value, label). A match has `kind`, `item` (the
    published item), `score`, `strong`, `reasons` and `explanation`.
    """

    choices: list[tuple[str, str]]
    matches: list[Any]

    @classmethod
    def for_item(cls, item: Contribution, user, marks: dict[tuple[str, int], str]) -> Self: ...

    @classmethod
    def for_form(cls, form, data: Mapping, user, item: Contribution | None = None) -> Self: ...

    @staticmethod
    def posted_marks(data: Mapping) -> dict[tuple[str, int], str]: ...

    @staticmethod
    def has_marks(data: Mapping) -> bool: ...

    @staticmethod
    def live_url() -> str: ...

    def render(self, request: HttpRequest, live: bool = False) -> str: ...

    def mark_of(self, match: Any) -> str: ...

    def holds_back(self, match: Any) -> bool: ...

    def holds(self) -> bool: ...

    def record(self, item: Contribution) -> list: ...


class PracticeRule(Protocol):
    """Which initiatives an assessment found to be a given practice."""

    choices: list[tuple[str, str]]

    @staticmethod
    def filter(queryset: QuerySet, outcomes: list[str]) -> QuerySet: ...


@cache
def practice_rule() -> type[PracticeRule]:
    return import_string(settings.CONTRIBUTION_PRACTICE_RULE)


@cache
def submission_check() -> type[SubmissionCheck]:
    return import_string(settings.CONTRIBUTION_SUBMISSION_CHECK)


def page_panels(request: HttpRequest, item: Contribution) -> dict[str, list[SafeString]]:
    """The panels of an item's page, rendered, by place."""
    panels = {}
    for place, paths in settings.CONTRIBUTION_PAGE_PANELS.items():
        rendered = (import_string(path)(request, item) for path in paths)
        # Each function renders a template, which escapes what it shows.
        panels[place] = [mark_safe(html) for html in rendered if html]  # noqa: S308
    return panels
