"""The outgoing-mail module: messages built from template triples, stored before
they are sent, sent once, retried with back-off on failure for three days, swept up
when their task was lost, and only then given up on."""

import logging
import smtplib
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from ft3portal.celery import app as celery_app
from outbox import emails
from outbox.models import GIVE_UP_AFTER, RETRY_DELAYS, OutgoingEmail
from outbox.tasks import send_email, send_pending_emails

pytestmark = pytest.mark.django_db

CONTEXT = {
    "recipient_name": "Ana",
    "item_title": "Know your biomarker",
    "kind": "resource",
    "organisation_name": "Lung Patients Network",
    "note": "Well done & thanks",
    "public_url": "https://ft3.example.org/resources/know-your-biomarker/",
}


class FailingBackend(BaseEmailBackend):
    """A mail server that hangs up on every message."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def failing_mailer(settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.FailingBackend"}}


@pytest.fixture
def eager(monkeypatch):
    # Tasks run in-process even when the suite runs against Redis.
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)


def make_row(**fields) -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        **{
            "template": "contribution_published",
            "to": "ana@example.org",
            "subject": "Hello",
            "text": "Plain text",
            "html": "<p>HTML</p>",
            **fields,
        }
    )


# Building messages.


def test_build_renders_subject_text_and_html_from_the_template_triple():
    message = emails.build("contribution_published", "ana@example.org", CONTEXT)
    assert message.subject == "“Know your biomarker” is now published"
    assert message.to == ["ana@example.org"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "Well done & thanks" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Well done &amp; thanks" in html
    assert settings.SITE_NAME in html  # from emails/base.html
    assert "List-Unsubscribe" not in message.extra_headers


def test_bulk_mail_carries_one_click_unsubscribe_headers():
    message = emails.build(
        "contribution_published", "ana@example.org", CONTEXT, unsubscribe_url="/digest/x/"
    )
    assert message.extra_headers["List-Unsubscribe"] == f"<{settings.SITE_URL}/digest/x/>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_absolute_url_prefixes_the_site_url_once():
    assert emails.absolute_url("/curation/") == f"{settings.SITE_URL}/curation/"
    assert emails.absolute_url("https://other.example/") == "https://other.example/"


# Queueing.


def test_queue_stores_the_rendered_message_and_sends_it_after_commit(
    eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        row = emails.queue("contribution_published", "ana@example.org", CONTEXT)
    assert row.status == OutgoingEmail.Status.PENDING
    assert row.subject == "“Know your biomarker” is now published"
    assert "Well done & thanks" in row.text
    assert "Well done &amp; thanks" in row.html
    assert mail.outbox == []
    assert len(callbacks) == 1

    callbacks[0]()

    (message,) = mail.outbox
    assert message.subject == row.subject
    assert message.body == row.text
    assert message.alternatives[0].content == row.html
    row.refresh_from_db()
    assert row.status == OutgoingEmail.Status.SENT
    assert row.sent_at is not None


def test_a_rolled_back_transaction_leaves_no_email_behind(
    eager, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        emails.queue("contribution_published", "ana@example.org", CONTEXT)
        raise RuntimeError
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


def test_send_many_sends_over_one_connection():
    messages = [
        emails.build("contribution_published", f"{name}@example.org", CONTEXT)
        for name in ("ana", "ben")
    ]
    assert emails.send_many(messages) == 2
    assert [m.to for m in mail.outbox] == [["ana@example.org"], ["ben@example.org"]]
    assert emails.send_many([]) == 0


# Sending.


def test_send_email_sends_once_however_often_it_runs():
    row = make_row()
    send_email.apply(args=[row.pk]).get()
    send_email.apply(args=[row.pk]).get()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.SENT, 1)


def test_send_email_for_an_unknown_row_does_nothing():
    send_email.apply(args=[123456]).get()
    assert mail.outbox == []


def travel(delta: timedelta) -> None:
    """Move every row's clock back by `delta`, as if that much time had passed."""
    for row in OutgoingEmail.objects.all():
        for field in ("created_at", "last_attempt_at", "next_attempt_at"):
            if getattr(row, field) is not None:
                setattr(row, field, getattr(row, field) - delta)
        row.save()


def test_a_failure_schedules_a_retry_that_nothing_sends_early(failing_mailer):
    row = make_row()
    send_email.apply(args=[row.pk]).get()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.PENDING, 1)
    assert row.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert row.next_attempt_at - row.last_attempt_at == RETRY_DELAYS[0]

    # A stray task (a duplicate, the sweep of another beat) does not try it early.
    send_email.apply(args=[row.pk]).get()
    row.refresh_from_db()
    assert row.attempts == 1


def test_a_retry_after_the_mail_server_recovers_sends_it_once(failing_mailer, settings):
    row = make_row()
    send_email.apply(args=[row.pk]).get()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    travel(RETRY_DELAYS[0])
    send_email.apply(args=[row.pk]).get()
    send_email.apply(args=[row.pk]).get()
    row.refresh_from_db()
    assert (row.status, row.attempts, row.next_attempt_at) == (OutgoingEmail.Status.SENT, 2, None)
    assert len(mail.outbox) == 1


def test_retries_back_off_and_give_up_only_after_three_days():
    row = make_row()
    now = row.created_at
    waits = []
    while row.status == OutgoingEmail.Status.PENDING:
        row.attempts += 1
        row.record_failure("SMTPServerDisconnected", now)
        if row.next_attempt_at:
            waits.append(row.next_attempt_at - now)
            now = row.next_attempt_at

    assert timedelta(days=3) == GIVE_UP_AFTER
    assert waits == sorted(waits)  # never more often than before
    assert waits[0] == timedelta(minutes=5) and waits[-1] == timedelta(hours=6)
    # Tried until the end of the third day, then given up.
    assert GIVE_UP_AFTER - timedelta(hours=6) < now - row.created_at <= GIVE_UP_AFTER
    assert row.attempts > 15
    assert row.next_attempt_at is None


def test_a_message_is_given_up_on_after_three_days_of_failures(failing_mailer, caplog):
    row = make_row(created_at=timezone.now() - GIVE_UP_AFTER + timedelta(minutes=1))
    with caplog.at_level(logging.ERROR, logger="outbox.tasks"):
        send_email.apply(args=[row.pk]).get()
    row.refresh_from_db()
    assert (row.status, row.next_attempt_at) == (OutgoingEmail.Status.FAILED, None)
    assert f"Giving up on email {row.pk}" in caplog.text

    # A failed row is not tried again.
    send_email.apply(args=[row.pk]).get()
    row.refresh_from_db()
    assert row.attempts == 1


def test_every_notification_arrives_once_after_a_30_minute_mail_outage(
    failing_mailer, settings, eager
):
    rows = [make_row(to=f"reader{n}@example.org") for n in range(3)]
    for row in rows:
        send_email.apply(args=[row.pk]).get()
    # The sweep runs every 5 minutes of (simulated) time while the server refuses.
    for _ in range(6):
        travel(timedelta(minutes=5))
        send_pending_emails.apply().get()
    assert mail.outbox == []
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"pending"}

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    for _ in range(12):  # another hour
        travel(timedelta(minutes=5))
        send_pending_emails.apply().get()

    assert sorted(m.to[0] for m in mail.outbox) == [row.to for row in rows]
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_the_sweep_sends_only_pending_rows_nobody_picked_up(eager):
    old = timezone.now() - timedelta(minutes=10)
    stuck = make_row(to="stuck@example.org", created_at=old)
    make_row(to="fresh@example.org")  # its own task is probably still on its way
    make_row(to="done@example.org", created_at=old, status=OutgoingEmail.Status.SENT)
    make_row(to="failed@example.org", created_at=old, status=OutgoingEmail.Status.FAILED)
    make_row(
        to="waiting@example.org",
        created_at=old,
        attempts=1,
        next_attempt_at=timezone.now() + timedelta(minutes=3),
    )

    assert send_pending_emails.apply().get() == 1
    assert [m.to for m in mail.outbox] == [["stuck@example.org"]]
    stuck.refresh_from_db()
    assert stuck.status == OutgoingEmail.Status.SENT
    assert send_pending_emails.apply().get() == 0
    assert len(mail.outbox) == 1


def test_the_sweep_takes_the_oldest_first():
    now = timezone.now()
    retry_due = make_row(created_at=now - timedelta(hours=5), attempts=3, next_attempt_at=now)
    never_tried = make_row(created_at=now - timedelta(hours=1))
    oldest = make_row(created_at=now - timedelta(days=2), attempts=9, next_attempt_at=now)
    assert list(OutgoingEmail.objects.due()) == [oldest, retry_due, never_tried]


def test_the_sweep_is_scheduled():
    entry = settings.CELERY_BEAT_SCHEDULE["send-pending-emails"]
    assert entry["task"] == send_pending_emails.name


@pytest.mark.django_db
def test_list_unsubscribe_stays_on_one_line_however_long_the_url():
    url = "/digest/unsubscribe/" + "a" * 150 + "/"
    expected = f"List-Unsubscribe: <{settings.SITE_URL}{url}>"
    message = emails.build(
        "contribution_published", "ana@example.org", CONTEXT, unsubscribe_url=url
    )
    assert expected in message.message().as_bytes().decode()
    row = emails.queue("contribution_published", "ana@example.org", CONTEXT, unsubscribe_url=url)
    assert expected in emails.message_from_row(row).message().as_bytes().decode()


def test_the_admin_lists_the_emails_given_up_on(admin_user, client):
    make_row(to="given-up@example.org", status=OutgoingEmail.Status.FAILED, attempts=17)
    make_row(to="retrying@example.org", attempts=2, next_attempt_at=timezone.now())
    make_row(to="sent@example.org", status=OutgoingEmail.Status.SENT)
    client.force_login(admin_user)

    for choice, address in (("given_up", "given-up"), ("retrying", "retrying")):
        response = client.get(f"/admin/outbox/outgoingemail/?delivery={choice}")
        assert response.status_code == 200
        listed = {row.to for row in response.context["cl"].result_list}
        assert listed == {f"{address}@example.org"}
