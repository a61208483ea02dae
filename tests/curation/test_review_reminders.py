"""Curators are reminded once a year of the stages and barriers due for review
(curation.tasks.send_review_reminders), each curator in their own language."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape

from accounts.models import User
from barriers.models import Barrier
from curation.tasks import send_review_reminders
from outbox.models import OutgoingEmail
from pathway.models import Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(curator):
    """Everything reviewed recently except one stage and one barrier, 13 months ago."""
    today = timezone.localdate()
    Stage.objects.update(reviewed_on=today - timedelta(days=30))
    Barrier.objects.update(reviewed_on=today - timedelta(days=30))
    long_ago = today - timedelta(days=400)
    Stage.objects.filter(slug="monitoring").update(reviewed_on=long_ago)
    Barrier.objects.filter(slug="test-not-reimbursed").update(reviewed_on=long_ago)
    return long_ago


def test_curators_get_the_stages_and_barriers_due_for_review(due, curator):
    assert send_review_reminders() == 1
    email = OutgoingEmail.objects.get(template="review_reminder")
    assert email.to == curator.email
    assert email.subject == "2 pages are due for their yearly review"
    stage = Stage.objects.get(slug="monitoring")
    barrier = Barrier.objects.get(slug="test-not-reimbursed")
    assert stage.name in email.text and escape(stage.name) in email.html
    assert barrier.title in email.text and escape(barrier.title) in email.html
    for part in (email.text, email.html):
        assert f"/admin/pathway/stage/{stage.pk}/change/" in part
        assert f"/admin/barriers/barrier/{barrier.pk}/change/" in part
        assert Stage.objects.get(slug="testing-decision").name not in part
    assert f"last reviewed {due.day} " in email.text


def test_a_due_item_is_in_one_reminder_a_year(due, curator):
    assert send_review_reminders() == 1
    assert send_review_reminders() == 0
    assert OutgoingEmail.objects.filter(template="review_reminder").count() == 1
    # Still not reviewed a year after the reminder: reminded again.
    Stage.objects.filter(slug="monitoring").update(
        review_reminded_on=timezone.localdate() - timedelta(days=366)
    )
    assert send_review_reminders() == 1
    latest = OutgoingEmail.objects.filter(template="review_reminder").latest("pk")
    assert latest.subject == "1 page is due for its yearly review"


def test_nothing_is_sent_when_nothing_is_due(curator):
    Stage.objects.update(reviewed_on=timezone.localdate())
    Barrier.objects.update(reviewed_on=timezone.localdate())
    assert send_review_reminders() == 0
    assert not OutgoingEmail.objects.exists()


def test_items_stay_due_while_no_curator_can_be_told(due, curator):
    User.objects.filter(pk=curator.pk).update(email="")
    assert send_review_reminders() == 0
    assert Stage.objects.get(slug="monitoring").review_reminded_on is None


def test_each_curator_is_reminded_in_their_language(due, curator):
    User.objects.filter(pk=curator.pk).update(language="pl")
    send_review_reminders()
    email = OutgoingEmail.objects.get(template="review_reminder")
    stage = Stage.objects.get(slug="monitoring")
    assert stage.name_pl in email.text
    assert email.headers["Content-Language"] == "pl"
    assert "Stages:" not in email.text
