"""Emails about curators' decisions, the curators' daily summary, and what happens
to them while the broker is down."""

import logging
from datetime import timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from contributions.models import (
    Initiative,
    RejectionReason,
    Resource,
    Revision,
    TransitionNotAllowed,
)
from curation.tasks import send_curator_summary
from ft3portal.celery import app as celery_app
from outbox.models import OutgoingEmail
from outbox.tasks import send_pending_emails
from stakeholders.models import Membership
from tests.conftest import make_user


@pytest.fixture
def deliver(django_capture_on_commit_callbacks, monkeypatch):
    """Run a workflow action and send its emails the way a worker would after commit.

    Tasks run in-process here even when the suite runs against Redis, where no
    worker consumes the test's queue."""
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)

    def _deliver(action):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return _deliver


def parts(message) -> tuple[str, str]:
    """The text and HTML parts of a sent message."""
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return message.body, html


@pytest.fixture
def submitted(make_resource, partner):
    item = make_resource("Know your biomarker", "submitted")
    Resource.objects.filter(pk=item.pk).update(submitted_by=partner)
    item.refresh_from_db()
    return item


# One email per decision, to the submitter.


def test_publishing_emails_the_submitter_with_the_public_link(deliver, submitted, curator):
    deliver(lambda: submitted.publish(by=curator, note="Thanks & welcome!"))

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["partner@example.org"]
    assert message.subject == "“Know your biomarker” is now published"
    link = f"{settings.SITE_URL}/resources/{submitted.slug}/"
    text, html = parts(message)
    assert link in text and f'href="{link}"' in html
    assert "Thanks & welcome!" in text
    assert "Thanks &amp; welcome!" in html
    row = OutgoingEmail.objects.get(template="contribution_published")
    assert row.status == OutgoingEmail.Status.SENT


def test_requesting_changes_emails_the_note_and_the_edit_link(deliver, submitted, curator):
    deliver(lambda: submitted.request_changes(by=curator, note="Please add\nyour sources."))

    (message,) = mail.outbox
    assert message.to == ["partner@example.org"]
    assert message.subject == "Changes requested for “Know your biomarker”"
    edit = f"{settings.SITE_URL}/resources/{submitted.slug}/edit/"
    text, html = parts(message)
    assert "Please add\nyour sources." in text
    assert "Please add<br>your sources." in html
    assert edit in text and f'href="{edit}"' in html


def test_rejection_emails_the_note_and_the_reason_labels(deliver, submitted, curator):
    deliver(
        lambda: submitted.reject(
            by=curator,
            reasons=[RejectionReason.PROMOTIONAL, RejectionReason.MISSING_SOURCES],
            note="It reads like an advert.",
        )
    )

    (message,) = mail.outbox
    assert message.to == ["partner@example.org"]
    assert message.subject == "“Know your biomarker” was not accepted"
    text, html = parts(message)
    for part in (text, html):
        assert "Promotional rather than informative" in part
        assert "Sources or evidence missing" in part
        assert "It reads like an advert." in part
        assert f"{settings.SITE_URL}/contributions/" in part
    # Blocking reasons come under "why", advisory ones under "also".
    assert text.index("Why it cannot be published") < text.index("Promotional")
    assert text.index("What would also need attention") < text.index("Sources or evidence")


def test_the_html_part_escapes_what_curators_and_partners_typed(
    deliver, make_resource, partner, curator
):
    item = make_resource("<img src=x onerror=alert(1)>", "submitted")
    Resource.objects.filter(pk=item.pk).update(submitted_by=partner)
    item.refresh_from_db()
    deliver(lambda: item.request_changes(by=curator, note="<script>alert(2)</script>"))

    text, html = parts(mail.outbox[0])
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    # The plain-text part is not HTML: it keeps the characters as typed.
    assert "<script>alert(2)</script>" in text
    assert mail.outbox[0].subject == "Changes requested for “<img src=x onerror=alert(1)>”"


def test_an_initiatives_edit_link_points_to_the_initiative(
    deliver, make_initiative, partner, curator
):
    item = make_initiative("Test all pilot", "submitted")
    Initiative.objects.filter(pk=item.pk).update(submitted_by=partner)
    item.refresh_from_db()
    deliver(lambda: item.request_changes(by=curator, note="Add dates."))
    text, _html = parts(mail.outbox[0])
    assert f"{settings.SITE_URL}/initiatives/{item.slug}/edit/" in text


def test_without_a_submitter_the_organisations_approved_members_are_told(
    deliver, make_resource, partner, pending_member, other_partner, organisation, curator
):
    colleague = make_user("colleague")
    Membership.objects.create(
        user=colleague, organisation=organisation, status=Membership.Status.APPROVED
    )
    gone = make_user("gone", is_active=False)
    Membership.objects.create(
        user=gone, organisation=organisation, status=Membership.Status.APPROVED
    )
    item = make_resource("Imported by an admin", "submitted")
    assert item.submitted_by is None

    deliver(lambda: item.publish(by=curator))

    assert sorted(m.to[0] for m in mail.outbox) == [
        "colleague@example.org",
        "partner@example.org",
    ]


def test_an_inactive_submitter_is_replaced_by_the_members(deliver, submitted, partner, curator):
    User.objects.filter(pk=partner.pk).update(email="")
    colleague = make_user("colleague")
    Membership.objects.create(
        user=colleague, organisation=submitted.organisation, status=Membership.Status.APPROVED
    )
    deliver(lambda: submitted.publish(by=curator))
    assert [m.to for m in mail.outbox] == [["colleague@example.org"]]


@pytest.mark.parametrize("status, action", [("draft", "submit"), ("published", "archive")])
def test_submitting_and_archiving_send_no_email(
    deliver, make_resource, partner, curator, status, action
):
    item = make_resource(
        "Quiet",
        status,
        stages=["testing-decision"],
        barriers=["patients-unaware-of-testing"],
        regions=["europe"],
    )
    Resource.objects.filter(pk=item.pk).update(submitted_by=partner)
    item.refresh_from_db()
    before = OutgoingEmail.objects.count()
    deliver(lambda: getattr(item, action)(by=curator))
    assert mail.outbox == []
    assert OutgoingEmail.objects.count() == before


def test_a_refused_transition_sends_nothing(deliver, make_resource, curator):
    draft = make_resource("Draft", "draft")
    with pytest.raises(TransitionNotAllowed):
        deliver(lambda: draft.publish(by=curator))
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_the_email_is_written_in_the_same_transaction_as_the_decision(submitted, curator):
    with pytest.raises(RuntimeError), transaction.atomic():
        submitted.publish(by=curator)
        assert OutgoingEmail.objects.filter(to="partner@example.org").count() == 1
        raise RuntimeError("something later in the request failed")
    assert not OutgoingEmail.objects.filter(to="partner@example.org").exists()
    assert Resource.objects.get(pk=submitted.pk).status == "submitted"


# Revisions.


@pytest.fixture
def revision(make_resource, partner):
    item = make_resource("Testing leaflet", "published")
    Resource.objects.filter(pk=item.pk).update(submitted_by=partner)
    item.refresh_from_db()
    proposer = make_user("proposer")
    Membership.objects.create(
        user=proposer, organisation=item.organisation, status=Membership.Status.APPROVED
    )
    return Revision.propose(item, {"title": "Testing leaflet, 2nd edition"}, by=proposer)


def test_accepting_a_revision_tells_the_proposer_and_the_submitter(deliver, revision, curator):
    deliver(lambda: revision.accept(by=curator, note="Nice update."))

    assert sorted(m.to[0] for m in mail.outbox) == [
        "partner@example.org",
        "proposer@example.org",
    ]
    message = next(m for m in mail.outbox if m.to == ["proposer@example.org"])
    assert message.subject == "Your change to “Testing leaflet, 2nd edition” is now live"
    text, html = parts(message)
    link = f"{settings.SITE_URL}/resources/{revision.contribution.slug}/"
    assert link in text and f'href="{link}"' in html
    assert "Nice update." in text and "Nice update." in html
    assert "Hello proposer," in text


def test_declining_a_revision_tells_why(deliver, revision, curator):
    deliver(lambda: revision.decline(by=curator, note="Keep the first edition's title."))

    message = next(m for m in mail.outbox if m.to == ["proposer@example.org"])
    assert message.subject == "Your change to “Testing leaflet” was not accepted"
    text, html = parts(message)
    assert "Keep the first edition's title." in text
    assert "Keep the first edition&#x27;s title." in html
    edit = f"{settings.SITE_URL}/resources/{revision.contribution.slug}/edit/"
    assert edit in text and f'href="{edit}"' in html


# The curators' daily summary.


def backdate(item, days: float) -> None:
    type(item).objects.filter(pk=item.pk).update(submitted_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def waiting(admin_user, make_resource, make_initiative, partner):
    """A queue of 2 resources, an initiative and a revision; admin_user walks them there."""
    backdate(make_resource("Old resource", "submitted"), 4)
    make_resource("New resource", "submitted")
    make_initiative("Initiative", "submitted")
    live = make_resource("Live", "published")
    Revision.propose(live, {"title": "Live, revised"}, by=partner)
    make_resource("A draft", "draft")
    make_resource("Published", "published")


def summaries() -> list:
    return [m for m in mail.outbox if "waiting for review" in m.subject]


def test_every_curator_gets_the_summary_of_the_queue(
    deliver, waiting, curator, admin_user, partner
):
    make_user("retired-curator", is_superuser=True, is_active=False)
    User.objects.create_user(username="no-address", email="", is_superuser=True)

    told = deliver(send_curator_summary)

    assert told == 2
    assert sorted(m.to[0] for m in summaries()) == ["admin@example.org", "curator@example.org"]
    message = next(m for m in summaries() if m.to == ["curator@example.org"])
    assert message.subject == "4 items waiting for review"
    text, html = parts(message)
    for part in (text, html):
        assert "2 submitted resources" in part
        assert "1 submitted initiative" in part
        assert "1 proposed change to a published item" in part
        assert "The oldest has been waiting 4\xa0days." in part
    queue_url = f"{settings.SITE_URL}/curation/"
    assert queue_url in text and f'href="{queue_url}"' in html


def test_an_empty_queue_sends_no_summary(deliver, make_resource, curator, admin_user):
    make_resource("Published", "published")
    make_resource("A draft", "draft")
    assert deliver(send_curator_summary) == 0
    assert summaries() == []
    assert not OutgoingEmail.objects.filter(template="curation_summary").exists()


def test_the_summary_goes_out_once_a_day(deliver, waiting, curator, admin_user):
    assert deliver(send_curator_summary) == 2
    assert len(summaries()) == 2

    assert deliver(send_curator_summary) == 0
    assert summaries() == []

    # The next day the summary goes out again.
    yesterday = timezone.now() - timedelta(days=1)
    OutgoingEmail.objects.filter(template="curation_summary").update(created_at=yesterday)
    assert deliver(send_curator_summary) == 2


def test_a_curator_who_joins_later_in_the_day_still_gets_it(deliver, waiting, curator):
    assert deliver(send_curator_summary) == 2
    make_user("second-curator", is_superuser=True)
    assert deliver(send_curator_summary) == 1
    assert [m.to for m in summaries()] == [["second-curator@example.org"]]


def given_up(to: str, subject: str, hours_ago: float) -> OutgoingEmail:
    moment = timezone.now() - timedelta(hours=hours_ago)
    return OutgoingEmail.objects.create(
        template="account_password_reset_key",
        to=to,
        subject=subject,
        text="Reset",
        html="<p>Reset</p>",
        status=OutgoingEmail.Status.FAILED,
        attempts=17,
        created_at=moment - timedelta(days=3),
        last_attempt_at=moment,
    )


def test_the_summary_names_the_emails_given_up_on_since_yesterday(deliver, waiting, curator):
    given_up("ana@example.org", "Password reset", hours_ago=2)
    given_up("old@example.org", "Reported yesterday", hours_ago=30)

    deliver(send_curator_summary)

    message = next(m for m in summaries() if m.to == ["curator@example.org"])
    text, html = parts(message)
    admin_url = f"{settings.SITE_URL}/admin/outbox/outgoingemail/?delivery=given_up"
    for part in (text, html):
        assert "1 email could not be delivered, even after 3 days of retries:" in part
        assert "Password reset → ana@example.org" in part
        assert "Reported yesterday" not in part
    assert admin_url in text and f'href="{admin_url}"' in html


def test_undelivered_emails_are_reported_even_when_the_queue_is_empty(deliver, curator):
    given_up("ana@example.org", "Password reset", hours_ago=2)
    given_up("ben@example.org", "Confirm your address", hours_ago=3)

    assert deliver(send_curator_summary) == 1

    (message,) = [m for m in mail.outbox if m.to == ["curator@example.org"]]
    assert message.subject == "2 emails could not be delivered"
    text, html = parts(message)
    for part in (text, html):
        assert "waiting for review" not in part
        assert "Confirm your address → ben@example.org" in part


def test_the_summary_is_scheduled_every_morning():
    entry = settings.CELERY_BEAT_SCHEDULE["send-curator-summary"]
    assert entry["task"] == send_curator_summary.name == "curation.tasks.send_curator_summary"
    assert entry["schedule"] == crontab(hour=7, minute=0)
    assert settings.CELERY_TIMEZONE == "UTC"


# The broker is down.


def test_a_decision_made_while_the_broker_is_down_is_emailed_once_it_is_back(
    submitted, curator, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    # Connection pools remember the broker they were made for; start without them
    # so that this test really talks to the unreachable one (restored afterwards).
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    mail.outbox.clear()

    with (
        caplog.at_level(logging.WARNING, logger="outbox.emails"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        submitted.publish(by=curator)

    assert Resource.objects.get(pk=submitted.pk).status == "published"
    row = OutgoingEmail.objects.get(template="contribution_published")
    assert row.status == OutgoingEmail.Status.PENDING
    assert row.attempts == 0
    assert "Could not enqueue" in caplog.text
    assert mail.outbox == []

    # The broker is back; the periodic sweep picks up what waited long enough.
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)
    OutgoingEmail.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert send_pending_emails.apply().get() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["partner@example.org"]
    row.refresh_from_db()
    assert row.status == OutgoingEmail.Status.SENT
    assert row.attempts == 1

    assert send_pending_emails.apply().get() == 0
    assert len(mail.outbox) == 1
