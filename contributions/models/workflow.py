"""The workflow's vocabulary: statuses, the moves between them, rejection reasons,
and the constants every entry point shares."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.exceptions import StateConflict
from search.text import configuration

if TYPE_CHECKING:
    from .items import Contribution

LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("nl", _("Dutch")),
    ("pl", _("Polish")),
    ("sv", _("Swedish")),
    ("da", _("Danish")),
    ("fi", _("Finnish")),
    ("el", _("Greek")),
    ("cs", _("Czech")),
    ("ro", _("Romanian")),
    ("hu", _("Hungarian")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("hi", _("Hindi")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
    ("sw", _("Swahili")),
    ("mul", _("Several languages")),
]


# The text search configuration of English, the language of tags and of the synergy finder.
SEARCH_CONFIG = configuration("en")
# Slugs that would shadow a fixed URL such as /resources/new/.
RESERVED_SLUGS = frozenset({"new"})
# The longest note a curator may attach to a decision, on the web and in the API.
MAX_NOTE_LENGTH = 5000
# The longest Markdown text (description, outcomes) a partner may write, on the web
# and in the API: rendering is linear in it (core.markup), so this bounds the work.
MAX_MARKDOWN_LENGTH = 20_000
SEARCHED_FIELDS = frozenset(
    {"title", "summary", "description", "organisation", "language", "outcomes"}
)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


class RejectionReason(models.TextChoices):
    """The fixed list curators choose from. Blocking reasons alone justify a rejection."""

    OUT_OF_SCOPE = "out_of_scope", _("Out of scope for precision-medicine access")
    PROMOTIONAL = "promotional", _("Promotional rather than informative")
    INACCURATE = "inaccurate", _("Inaccurate or not evidence-based")
    DUPLICATE = "duplicate", _("Duplicates existing content")
    UNREACHABLE = "unreachable", _("Link broken or content not accessible")
    PERSONAL_DATA = "personal_data", _("Contains personal or patient-identifying data")
    NEEDS_PLAIN_LANGUAGE = "needs_plain_language", _("Summary needs plainer language")
    MISSING_SOURCES = "missing_sources", _("Sources or evidence missing")
    INCOMPLETE_TAGGING = "incomplete_tagging", _("Stages, barriers or geography incomplete")


BLOCKING_REASONS = frozenset(
    {
        RejectionReason.OUT_OF_SCOPE,
        RejectionReason.PROMOTIONAL,
        RejectionReason.INACCURATE,
        RejectionReason.DUPLICATE,
        RejectionReason.UNREACHABLE,
        RejectionReason.PERSONAL_DATA,
    }
)


class TransitionNotAllowed(StateConflict):
    """A status change that the workflow does not allow from the current status."""

    def __init__(self, contribution: "Contribution", action: str) -> None:
        self.contribution = contribution
        self.action = action
        super().__init__(
            f"Cannot {action.replace('_', ' ')} a {contribution.get_status_display().lower()} "
            f"{contribution._meta.verbose_name}."
        )


# Members may edit items in these states; a published item's edit becomes a Revision.
EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.CHANGES_REQUESTED, Status.PUBLISHED})

# Items in these states went to review placed on the pathway, and a change (a
# revision, an edit in the admin) may not take them off it.
PLACED_STATUSES = frozenset({Status.SUBMITTED, Status.PUBLISHED})

# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}), Status.SUBMITTED),
    "publish": (frozenset({Status.SUBMITTED}), Status.PUBLISHED),
    "request_changes": (frozenset({Status.SUBMITTED}), Status.CHANGES_REQUESTED),
    "reject": (frozenset({Status.SUBMITTED}), Status.REJECTED),
    "archive": (frozenset({Status.PUBLISHED}), Status.ARCHIVED),
    "unarchive": (frozenset({Status.ARCHIVED}), Status.PUBLISHED),
}
