"""The check for duplicates and synergies before an item goes to review.

The submission flow in contributions runs it through contributions.extensions (the
project names this class in settings.CONTRIBUTION_SUBMISSION_CHECK), because
contributions sits below this app and may not import it.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from contributions.models import Contribution
from stakeholders.models import Organisation

from .models import SimilarityDecision
from .profile import TAG_FIELDS, Profile
from .similarity import Match, find_similar, record_decisions

MATCH_FIELD = re.compile(r"^match-(resource|initiative)-([0-9]{1,12})$")
# Marks beyond this many in one post are ignored: no form shows that many matches.
MAX_MARKS = 50
MATCHES_SHOWN = 5


def posted_marks(data) -> dict[tuple[str, int], str]:
    """{(kind, pk): choice} from the `match-<kind>-<pk>` radio buttons of a post."""
    marks = {}
    for key in data:
        found = MATCH_FIELD.match(key)
        if found and data.get(key) in SimilarityDecision.Choice.values:
            marks[(found[1], int(found[2]))] = data.get(key)
            if len(marks) == MAX_MARKS:
                break
    return marks


def draft_profile(form: forms.ModelForm, item: Contribution | None = None) -> Profile:
    """The profile of what the form holds, valid fields only."""
    data = getattr(form, "cleaned_data", {})
    organisation = data.get("organisation")
    return Profile.from_tags(
        title=data.get("title", ""),
        summary=data.get("summary", ""),
        kind=form._meta.model._meta.model_name,
        pk=item.pk if item is not None else None,
        language=data.get("language") or "en",
        organisation_id=organisation.pk if organisation is not None else None,
        tags={name: data.get(name) or [] for name in TAG_FIELDS},
    )


@dataclass
class MatchRow:
    """One match as the form shows it, with what the partner marked."""

    match: Match
    mark: str
    edit_url: str
    missing: bool

    @property
    def is_same(self) -> bool:
        return self.mark == SimilarityDecision.Choice.SAME


class SimilarityCheck:
    """Published items like the one being submitted, and what the partner said of each.

    Every strong match must be marked "the same thing", "related" or "distinct"
    before the item goes to review. One marked "the same thing" holds the
    submission too: the partner is offered to propose an update to that item instead
    (if they may edit it), or to mark it related or distinct. Marks are kept with the
    item (SimilarityDecision), so a later edit does not ask again.
    """

    choices = SimilarityDecision.Choice.choices

    def __init__(
        self,
        profile: Profile,
        user,
        marks: dict[tuple[str, int], str] | None = None,
        item: Contribution | None = None,
    ) -> None:
        self.profile = profile
        self.user = user
        self.marks = marks or {}
        self.item = item
        self.held = False

    @classmethod
    def for_item(
        cls, item: Contribution, user, marks: dict[tuple[str, int], str]
    ) -> "SimilarityCheck":
        """The check of a saved item, as it goes to review."""
        return cls(Profile.of(item), user, marks, item)

    @classmethod
    def for_form(cls, form: forms.ModelForm, data, user, item=None) -> "SimilarityCheck":
        """The check of what a form holds, while it is typed or shown again."""
        return cls(draft_profile(form, item), user, posted_marks(data), item)

    @staticmethod
    def posted_marks(data) -> dict[tuple[str, int], str]:
        return posted_marks(data)

    @staticmethod
    def has_marks(data) -> bool:
        """Whether a post carries marks: then a form shown again keeps them on screen."""
        return bool(posted_marks(data))

    @staticmethod
    def live_url() -> str:
        """Where static/js/similar.js asks for matches while the partner types."""
        return reverse("synergies:similar")

    def render(self, request: HttpRequest, live: bool = False) -> str:
        """The matches with their radio buttons, for the form or the live panel."""
        return render_to_string(
            "synergies/_similar_matches.html", {"check": self, "live": live}, request=request
        )

    @cached_property
    def stored(self) -> dict[tuple[str, int], str]:
        """What was marked for the item before, when it is being edited."""
        if self.item is None or self.item.pk is None:
            return {}
        found = {}
        for decision in SimilarityDecision.objects.of(self.item):
            match = decision.match_resource_id, decision.match_initiative_id
            key = ("resource", match[0]) if match[0] else ("initiative", match[1])
            found[key] = decision.choice
        return found

    @cached_property
    def matches(self) -> list[Match]:
        marked = set(self.marks) | set(self.stored)
        return find_similar(self.profile, limit=MATCHES_SHOWN, include=marked)

    def mark_of(self, match: Match) -> str:
        key = (match.kind, match.item.pk)
        return self.marks.get(key) or self.stored.get(key, "")

    @property
    def unmarked(self) -> list[Match]:
        return [m for m in self.matches if m.strong and not self.mark_of(m)]

    @property
    def same(self) -> list[Match]:
        return [m for m in self.matches if self.mark_of(m) == SimilarityDecision.Choice.SAME]

    def holds_back(self, match: Match) -> bool:
        """Whether this match alone would hold the submission back."""
        mark = self.mark_of(match)
        return (match.strong and not mark) or mark == SimilarityDecision.Choice.SAME

    def holds(self) -> bool:
        """Whether the submission must wait for the partner (and say why)."""
        self.held = any(self.holds_back(m) for m in self.matches)
        return self.held

    @cached_property
    def rows(self) -> list[MatchRow]:
        mine = set(Organisation.objects.acted_for_by(self.user).values_list("pk", flat=True))
        rows = []
        for match in self.matches:
            mark = self.mark_of(match)
            edit_url = ""
            if match.item.organisation_id in mine:
                edit_url = reverse(f"contributions:{match.kind}-edit", args=[match.item.slug])
            rows.append(MatchRow(match, mark, edit_url, self.held and match.strong and not mark))
        return rows

    def record(self, item: Contribution) -> list[SimilarityDecision]:
        if not self.marks:
            return []
        return record_decisions(item, self.marks, self.matches, by=self.user)
