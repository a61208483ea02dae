"""The emails of an assessment, each in its recipient's language, through the outbox."""

from django.urls import reverse

from accounts.models import User
from outbox.emails import absolute_url, in_language, language_of, queue
from stakeholders.models import Membership

from .models import Assessment, Assignment


def send(template: str, people, context) -> None:
    """`context(user)` builds the links and labels under the user's language."""
    seen = set()
    for user in people:
        if not (user.is_active and user.email) or user.email.lower() in seen:
            continue
        seen.add(user.email.lower())
        language = language_of(user)
        with in_language(language):
            values = {"recipient_name": user.get_full_name() or user.username, **context()}
            queue(template, user.email, values, language=language)


def base_context(assessment: Assessment) -> dict:
    initiative = assessment.initiative
    return {
        "item_title": initiative.title,
        "organisation_name": initiative.organisation.name,
        "round": assessment.round,
        "public_url": absolute_url(initiative.get_absolute_url()),
        "assessment_url": absolute_url(reverse("assessments:initiative", args=[initiative.slug])),
    }


def assigned(assignment: Assignment) -> None:
    """To the reviewer: what to review, and where."""
    send(
        "assessment_assigned",
        [assignment.reviewer],
        lambda: {
            **base_context(assignment.assessment),
            "review_url": absolute_url(reverse("assessments:review", args=[assignment.pk])),
        },
    )


def reviewed(assignment: Assignment) -> None:
    """To the curators: a review is in."""
    send(
        "assessment_reviewed",
        User.objects.curators().order_by("pk"),
        lambda: {**base_context(assignment.assessment), "reviewer_name": str(assignment.reviewer)},
    )


def decided(assessment: Assessment) -> None:
    """To the owner organisation's members: the decision and its summary."""
    members = User.objects.filter(
        memberships__organisation_id=assessment.initiative.organisation_id,
        memberships__status=Membership.Status.APPROVED,
    ).order_by("pk")
    send(
        "assessment_decided",
        members,
        lambda: {
            **base_context(assessment),
            "outcome": str(assessment.get_outcome_display()),
            "summary": assessment.summary,
        },
    )
