"""Personal data expires as the privacy notice says: the daily task deletes sign-ups
never verified, subscriptions never confirmed and old contact messages, after the
periods in settings.PERSONAL_DATA_RETENTION_DAYS (which the notice quotes)."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from accounts.models import User
from digests.models import Subscription
from portal.tasks import expire_personal_data
from sitepages.models import ContactMessage
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

DAYS = settings.PERSONAL_DATA_RETENTION_DAYS


def ago(days: float):
    return timezone.now() - timedelta(days=days)


def sign_up(name: str, *, joined_days_ago: float, verified: bool = False) -> User:
    user = make_user(name)
    User.objects.filter(pk=user.pk).update(date_joined=ago(joined_days_ago))
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    return user


def test_the_beat_schedule_runs_the_expiry_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["expire-personal-data"]
    assert entry["task"] == "portal.tasks.expire_personal_data"


def test_sign_ups_never_verified_are_deleted_after_their_period():
    expired = sign_up("expired", joined_days_ago=DAYS["unconfirmed_account"] + 1)
    recent = sign_up("recent", joined_days_ago=DAYS["unconfirmed_account"] - 1)
    verified = sign_up("verified", joined_days_ago=400, verified=True)
    made_by_an_admin = make_user("made-by-admin")  # no address to verify
    User.objects.filter(pk=made_by_an_admin.pk).update(date_joined=ago(400))

    assert expire_personal_data()["unconfirmed_accounts"] == 1

    left = set(User.objects.values_list("pk", flat=True))
    assert expired.pk not in left
    assert {recent.pk, verified.pk, made_by_an_admin.pk} <= left
    assert expire_personal_data()["unconfirmed_accounts"] == 0


def test_subscriptions_never_confirmed_are_deleted_after_their_period():
    period = DAYS["unconfirmed_subscription"]
    Subscription.objects.create(email="old@example.org", confirmation_sent_at=ago(period + 1))
    Subscription.objects.create(email="new@example.org", confirmation_sent_at=ago(period - 1))
    Subscription.objects.create(
        email="confirmed@example.org", confirmation_sent_at=ago(400), confirmed_at=ago(399)
    )

    assert expire_personal_data()["unconfirmed_subscriptions"] == 1

    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "new@example.org",
        "confirmed@example.org",
    }


def test_contact_messages_are_deleted_after_their_period():
    period = DAYS["contact_message"]
    for email, days in [("old@example.org", period + 1), ("new@example.org", period - 1)]:
        ContactMessage.objects.create(
            name="A", email=email, topic="other", message="Hi", created_at=ago(days)
        )

    assert expire_personal_data()["contact_messages"] == 1

    assert list(ContactMessage.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_the_periods_follow_the_setting(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = {**DAYS, "contact_message": 10}
    ContactMessage.objects.create(
        name="A", email="a@example.org", topic="other", message="Hi", created_at=ago(11)
    )

    assert expire_personal_data()["contact_messages"] == 1
