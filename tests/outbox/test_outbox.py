"""The outgoing-mail module: messages built from template triples, stored before
they are sent, sent once, retried on failure and given up on after a while."""

import smtplib
from datetime import timedelta

import pytest
from celery.exceptions import Retry
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from ft3portal.celery import app as celery_app
from outbox import emails
from outbox.models import OutgoingEmail
from outbox.tasks import MAX_ATTEMPTS, send_email, send_pending_emails

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


def test_a_failure_is_recorded_and_retried_then_given_up(failing_mailer):
    row = make_row()
    for attempt in range(1, MAX_ATTEMPTS):
        with pytest.raises(Retry):
            send_email.apply(args=[row.pk])
        row.refresh_from_db()
        assert row.status == OutgoingEmail.Status.PENDING
        assert row.attempts == attempt
        assert row.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"

    # The last attempt gives up instead of retrying.
    send_email.apply(args=[row.pk]).get()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.FAILED, MAX_ATTEMPTS)
    assert row.sent_at is None

    # A failed row is not tried again.
    send_email.apply(args=[row.pk]).get()
    row.refresh_from_db()
    assert row.attempts == MAX_ATTEMPTS


def test_a_retry_after_the_mail_server_recovers_sends_it(failing_mailer, settings):
    row = make_row()
    with pytest.raises(Retry):
        send_email.apply(args=[row.pk])
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    send_email.apply(args=[row.pk]).get()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.SENT, 2)
    assert len(mail.outbox) == 1


def test_the_sweep_sends_only_pending_rows_nobody_picked_up(eager):
    old = timezone.now() - timedelta(minutes=10)
    stuck = make_row(to="stuck@example.org", created_at=old)
    make_row(to="fresh@example.org")  # its own task is probably still on its way
    make_row(to="done@example.org", created_at=old, status=OutgoingEmail.Status.SENT)
    make_row(to="failed@example.org", created_at=old, status=OutgoingEmail.Status.FAILED)

    assert send_pending_emails.apply().get() == 1
    assert [m.to for m in mail.outbox] == [["stuck@example.org"]]
    stuck.refresh_from_db()
    assert stuck.status == OutgoingEmail.Status.SENT
    assert send_pending_emails.apply().get() == 0
    assert len(mail.outbox) == 1


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
