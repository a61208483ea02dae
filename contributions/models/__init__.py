"""Resources and initiatives that partners contribute, and their moderation.

Both kinds share the abstract Contribution: the same tags and the same workflow.
A contribution's status only ever changes through the transition methods
(submit, publish, request_changes, reject, archive, unarchive); each checks that
the move is allowed, records a ModerationEvent and touches nothing if it is not.

workflow.py holds the statuses and moves, items.py the two kinds, events.py the
moderation history and revisions.py proposed changes to published items.
"""

from .events import (
    ModerationEvent,
)
from .items import (
    KINDS,
    Contribution,
    ContributionQuerySet,
    Initiative,
    Resource,
)
from .linkchecks import LinkCheck, LinkReport
from .links import contribution_link, one_contribution
from .revisions import (
    Revision,
    RevisionChanged,
    RevisionQuerySet,
    apply_json,
    changed_fields,
    field_to_json,
    revision_data,
)
from .tags import PLACEMENT_FIELDS, TAG_FIELDS, TAG_KINDS, TagKind
from .translations import (
    TRANSLATION_LANGUAGES,
    ItemTranslation,
    available_in,
    check_translation_of,
    languages_of,
    translation_targets,
)
from .workflow import (
    BLOCKING_REASONS,
    EDITABLE_STATUSES,
    LANGUAGE_CHOICES,
    MAX_MARKDOWN_LENGTH,
    MAX_NOTE_LENGTH,
    PLACED_STATUSES,
    RESERVED_SLUGS,
    SEARCH_CONFIG,
    SEARCHED_FIELDS,
    TRANSITIONS,
    RejectionReason,
    Status,
    TransitionNotAllowed,
)

__all__ = [
    "BLOCKING_REASONS",
    "EDITABLE_STATUSES",
    "KINDS",
    "LANGUAGE_CHOICES",
    "MAX_MARKDOWN_LENGTH",
    "MAX_NOTE_LENGTH",
    "PLACED_STATUSES",
    "PLACEMENT_FIELDS",
    "RESERVED_SLUGS",
    "SEARCHED_FIELDS",
    "SEARCH_CONFIG",
    "TAG_FIELDS",
    "TAG_KINDS",
    "TRANSITIONS",
    "TRANSLATION_LANGUAGES",
    "Contribution",
    "ContributionQuerySet",
    "Initiative",
    "ItemTranslation",
    "LinkCheck",
    "LinkReport",
    "ModerationEvent",
    "RejectionReason",
    "Resource",
    "Revision",
    "RevisionChanged",
    "RevisionQuerySet",
    "Status",
    "TagKind",
    "TransitionNotAllowed",
    "apply_json",
    "available_in",
    "changed_fields",
    "check_translation_of",
    "contribution_link",
    "field_to_json",
    "languages_of",
    "one_contribution",
    "revision_data",
    "translation_targets",
]
