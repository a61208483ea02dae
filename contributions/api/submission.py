"""Submitting through the API: the partner's marks on similar work, as clients send
them, and the 409 that lists the possible duplicates holding a submission back.

The rules themselves are contributions.submission's, the same as the web form's.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from core.api_errors import Conflict

from ..extensions import submission_check
from ..models import KINDS, Contribution
from ..submission import SubmissionHeld

# More marks than this in one request are refused: no check shows that many matches.
MAX_MARKS = 50


class MarkSerializer(serializers.Serializer):
    """What the partner says of one published item the check showed."""

    kind = serializers.ChoiceField(choices=list(KINDS))
    slug = serializers.SlugField(max_length=220)
    decision = serializers.ChoiceField(
        choices=[],
        help_text=gettext_lazy(
            "same: the same thing (the submission stays held: propose an update to that "
            "item instead); related: related work, linked on both pages once published; "
            "distinct: not alike."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The marks are the check's own vocabulary (synergies', plugged in by settings).
        self.fields["decision"].choices = submission_check().choices


class MarksField(serializers.ListField):
    """The partner's marks by kind and slug; validated into the check's
    {(kind, pk): decision}. Each must name a published item."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("child", MarkSerializer())
        kwargs.setdefault("max_length", MAX_MARKS)
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            gettext_lazy(
                "Your decision on each possible duplicate that held the submission back "
                "(409): kind, slug and decision. Kept with the item, so a later submission "
                "does not ask again."
            ),
        )
        super().__init__(**kwargs)

    def to_internal_value(self, data) -> dict[tuple[str, int], str]:
        marks = super().to_internal_value(data)
        # A partial update (PATCH) validates nested fields partially, so a mark may
        # lack one of them: it is incomplete, whatever the request's method.
        if any(not {"kind", "slug", "decision"} <= mark.keys() for mark in marks):
            raise ValidationError(_("Each mark needs a kind, a slug and a decision."))
        wanted: dict[str, set[str]] = {kind: set() for kind in KINDS}
        for mark in marks:
            wanted[mark["kind"]].add(mark["slug"])
        found = {
            (kind, slug): pk
            for kind, slugs in wanted.items()
            if slugs
            for slug, pk in KINDS[kind]
            .objects.published()
            .filter(slug__in=slugs)
            .values_list("slug", "pk")
        }
        unknown = [f"{m['kind']} {m['slug']}" for m in marks if (m["kind"], m["slug"]) not in found]
        if unknown:
            raise ValidationError(
                _("No published item: %(items)s.") % {"items": ", ".join(unknown[:10])}
            )
        return {(m["kind"], found[(m["kind"], m["slug"])]): m["decision"] for m in marks}


class SubmitSerializer(serializers.Serializer):
    similar = MarksField()


def duplicates_conflict(held: SubmissionHeld, request: Request, member_of: frozenset) -> Conflict:
    """The 409 for a submission held back: the item (saved as a draft), the decisions
    a client may send, and each match with what holds it."""
    check, item = held.check, held.item
    return Conflict(
        _(
            "Not sent for review: it resembles published work. Mark each match that "
            "holds it back (related or distinct) in “similar” and submit again. What "
            "you sent was saved as a draft."
        ),
        code="possible_duplicates",
        extra={
            "item": {
                "kind": item.kind,
                "slug": item.slug,
                "title": item.title,
                "status": item.status,
                "api_url": api_url(request, item),
                "submit_url": request.build_absolute_uri(
                    reverse(f"api:{item.kind}-submit", args=[item.slug])
                ),
            },
            "decisions": [{"value": value, "label": str(label)} for value, label in check.choices],
            "matches": [match_body(check, match, request, member_of) for match in check.matches],
        },
    )


def match_body(check, match, request: Request, member_of: frozenset) -> dict:
    published: Contribution = match.item
    return {
        "kind": match.kind,
        "slug": published.slug,
        "title": published.title,
        "organisation": published.organisation.name,
        "api_url": api_url(request, published),
        "web_url": request.build_absolute_uri(published.get_absolute_url()),
        "score": match.score,
        "strong": match.strong,
        "reasons": list(match.reasons),
        "explanation": match.explanation,
        "decision": check.mark_of(match) or None,
        "holds": check.holds_back(match),
        # Proposing a change to the match itself, if it is the same thing, is for its members.
        "can_update": published.organisation_id in member_of,
    }


def api_url(request: Request, item: Contribution) -> str:
    return request.build_absolute_uri(reverse(f"api:{item.kind}-detail", args=[item.slug]))
