"""Emails to the people behind a contribution when a curator decides on it.

The workflow methods in models.py call `notify(event)` right after they record a
ModerationEvent, inside the same transaction: the OutgoingEmail rows commit or
roll back together with the status change, and outbox sends them after commit.
"""

from django.urls import reverse

from accounts.models import User
from outbox.emails import absolute_url, in_language, language_of, queue
from stakeholders.models import Membership

from .models import BLOCKING_REASONS, Contribution, ModerationEvent, RejectionReason, Revision

# ModerationEvent.action -> email template (templates/emails/<name>.*).
# Submitting, archiving and unarchiving send nothing: curators learn about
# submissions from their daily summary, and the other two are curators' housekeeping.
TEMPLATES = {
    "publish": "contribution_published",
    "request_changes": "contribution_changes_requested",
    "reject": "contribution_rejected",
    "accept_revision": "contribution_revision_accepted",
    "decline_revision": "contribution_revision_declined",
}
REVISION_ACTIONS = frozenset({"accept_revision", "decline_revision"})


def notify(event: ModerationEvent) -> None:
    """Queue the email that tells the item's people about `event`, if it warrants one."""
    template = TEMPLATES.get(event.action)
    if template is None:
        return
    item = event.contribution
    for user in recipients(event, item):
        # Each person in their own language, links included.
        language = language_of(user)
        with in_language(language):
            context = {**message_context(event, item), "recipient_name": display_name(user)}
            queue(template, user.email, context, language=language)


def recipients(event: ModerationEvent, item: Contribution) -> list[User]:
    """Who hears about a decision: the submitter, and for a revision also whoever
    proposed it. An item without a reachable person (submitted through the admin,
    or the person's account is gone) goes to its organisation's approved members."""
    people = [item.submitted_by]
    if event.action in REVISION_ACTIONS:
        revision = (
            item.revisions.exclude(status=Revision.Status.PENDING)
            .select_related("proposed_by")
            .order_by("-decided_at", "-pk")
            .first()
        )
        if revision is not None:
            people.insert(0, revision.proposed_by)
    reachable = [user for user in people if user is not None and user.is_active and user.email]
    if not reachable:
        reachable = list(
            User.objects.filter(
                memberships__organisation_id=item.organisation_id,
                memberships__status=Membership.Status.APPROVED,
                is_active=True,
            )
            .exclude(email="")
            .order_by("pk")
        )
    unique: dict[str, User] = {}
    for user in reachable:
        unique.setdefault(user.email.lower(), user)
    return list(unique.values())


def message_context(event: ModerationEvent, item: Contribution) -> dict:
    labels = dict(RejectionReason.choices)
    return {
        "item_title": item.title,
        "kind": str(item._meta.verbose_name),
        "organisation_name": item.organisation.name,
        "note": event.note,
        "blocking_reasons": [str(labels[r]) for r in event.reasons if r in BLOCKING_REASONS],
        "advisory_reasons": [
            str(labels[r]) for r in event.reasons if r in labels and r not in BLOCKING_REASONS
        ],
        "public_url": absolute_url(item.get_absolute_url()),
        "edit_url": absolute_url(reverse(f"contributions:{item.kind}-edit", args=[item.slug])),
        "contributions_url": absolute_url(reverse("contributions:mine")),
    }


def display_name(user: User) -> str:
    return user.get_full_name() or user.username
