"""A person's rights over their data: a copy of everything the portal holds about
them (JSON), and deleting their account.

Here, in the top app, because it reads every app. The export lists each kind of
record the portal keeps about a person, so that a new kind is added here too
(tests/portal/test_data_rights.py names them).
"""

from datetime import datetime

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from contributions.models import (
    Initiative,
    ItemTranslation,
    ModerationEvent,
    Resource,
    Revision,
)
from digests.models import Subscription
from sitepages.models import ContactMessage
from stakeholders.models import Membership
from synergies.models import SimilarityDecision


def when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def item_of(record) -> dict | None:
    item = record.resource or record.initiative
    if item is None:
        return None
    return {"kind": item._meta.model_name, "slug": item.slug, "title": item.title}


def subscriptions_of(user: User):
    """The person's digest subscriptions: those of their account, and any made
    from their address without signing in."""
    return Subscription.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def personal_data(user: User) -> dict:
    """Everything the portal holds about `user`, as plain JSON values. Secrets are
    never included: API keys appear by name and prefix, passwords not at all."""
    events = ModerationEvent.objects.filter(actor=user).select_related("resource", "initiative")
    revisions = Revision.objects.filter(proposed_by=user).select_related("resource", "initiative")
    translations = ItemTranslation.objects.filter(created_by=user).select_related(
        "resource", "initiative"
    )
    decisions = SimilarityDecision.objects.filter(decided_by=user).select_related(
        "resource", "initiative"
    )
    submitted = [
        *Resource.objects.filter(submitted_by=user).select_related("organisation"),
        *Initiative.objects.filter(submitted_by=user).select_related("organisation"),
    ]
    return {
        "exported_at": when(timezone.now()),
        "account": {
            "username": user.username,
            "display_name": user.display_name,
            "email": user.email,
            "language": user.language,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
        },
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "role": membership.role,
                "status": membership.status,
                "asked_at": when(membership.created_at),
                "decided_at": when(membership.decided_at),
                "note": membership.note,
            }
            for membership in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "membership_decisions_made": [
            {
                "organisation": membership.organisation.name,
                "status": membership.status,
                "decided_at": when(membership.decided_at),
            }
            for membership in Membership.objects.filter(decided_by=user).select_related(
                "organisation"
            )
        ],
        "subscriptions": [
            {
                "email": subscription.email,
                "query": subscription.query,
                "kinds": list(subscription.kinds),
                "frequency": subscription.frequency,
                "language": subscription.language,
                "paused": subscription.paused,
                "created_at": when(subscription.created_at),
                "confirmed_at": when(subscription.confirmed_at),
                "unsubscribed_at": when(subscription.unsubscribed_at),
                "deliveries": [
                    {
                        "period_start": delivery.period_start.isoformat(),
                        "status": delivery.status,
                        "attempts": delivery.attempts,
                        "sent_at": when(delivery.sent_at),
                    }
                    for delivery in subscription.deliveries.order_by("period_start")
                ],
            }
            for subscription in subscriptions_of(user)
        ],
        "api_tokens": [
            {
                "name": token.name,
                "prefix": token.prefix,
                "created_at": when(token.created_at),
                "last_used_at": when(token.last_used_at),
            }
            for token in user.api_tokens.all()
        ],
        "submitted_items": [
            {
                "kind": item._meta.model_name,
                "slug": item.slug,
                "title": item.title,
                "organisation": item.organisation.name,
                "status": item.status,
                "submitted_at": when(item.submitted_at),
            }
            for item in submitted
        ],
        "moderation_events": [
            {
                "item": item_of(event),
                "action": event.action,
                "from": event.from_status,
                "to": event.to_status,
                "note": event.note,
                "at": when(event.created_at),
            }
            for event in events
        ],
        "revisions_proposed": [
            {"item": item_of(revision), "status": revision.status, "at": when(revision.created_at)}
            for revision in revisions
        ],
        "translations_added": [
            {
                "item": item_of(translation),
                "language": translation.language,
                "title": translation.title,
            }
            for translation in translations
        ],
        "similarity_decisions": [
            {
                "item": item_of(decision),
                "decision": decision.choice,
                "at": when(decision.decided_at),
            }
            for decision in decisions
        ],
        "contact_messages": [
            {
                "topic": message.topic,
                "message": message.message,
                "name": message.name,
                "email": message.email,
                "sent_at": when(message.created_at),
            }
            for message in ContactMessage.objects.of(user)
        ],
    }


def delete_account(user: User) -> None:
    """Delete the account and the personal data that hangs on it.

    Their organisation's work stays, attributed to the organisation: items,
    revisions, translations and decisions keep their content with nobody named
    (the links are SET_NULL), and the moderation history keeps each event with an
    anonymous actor. Memberships, API tokens, email addresses and contact
    messages go with the account; subscriptions made from the address go too.
    """
    with transaction.atomic():
        subscriptions_of(user).delete()
        ContactMessage.objects.of(user).delete()
        user.delete()
