"""allauth's emails go through the portal's email module, as template triples."""

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.adapter import ACCOUNT_EMAILS, AccountAdapter, template_name
from outbox import emails
from outbox.models import OutgoingEmail

CONTEXT = {
    "email": "someone@example.org",
    "activate_url": "https://portal.example/accounts/confirm-email/KEY/",
    "password_reset_url": "https://portal.example/accounts/password/reset/key/1-KEY/",
    "signup_url": "https://portal.example/accounts/signup/",
    "from_email": "old@example.org",
    "to_email": "new@example.org",
    "deleted_email": "gone@example.org",
    "ip": "192.0.2.10",
    "user_agent": "Firefox <script>",
    "timestamp": timezone.now(),
}


def test_template_name_maps_allauths_prefix_to_ours():
    assert template_name("account/email/password_reset_key") == "account_password_reset_key"


@pytest.mark.parametrize("name", ACCOUNT_EMAILS)
def test_every_account_email_has_a_subject_a_text_and_an_html_part(name):
    message = emails.build(f"account_{name}", "someone@example.org", CONTEXT)

    assert message.subject
    assert "\n" not in message.subject
    assert "FT3 Pathway Portal" in message.body
    html = message.alternatives[0].content
    assert html.startswith("<!doctype html>")
    # Text parts are not HTML-escaped; HTML parts are.
    assert "&lt;" not in message.body
    assert "<script>" not in html


@pytest.mark.django_db
def test_send_mail_queues_through_the_outbox(rf):
    AccountAdapter(rf.get("/")).send_mail(
        "account/email/password_reset_key", "someone@example.org", dict(CONTEXT)
    )

    email = OutgoingEmail.objects.get()
    assert email.template == "account_password_reset_key"
    assert email.to == "someone@example.org"
    assert email.status == OutgoingEmail.Status.PENDING
    # The link allauth built from the request's host, moved onto SITE_URL.
    link = f"{settings.SITE_URL}/accounts/password/reset/key/1-KEY/"
    assert link in email.text
    assert link in email.html
    assert "portal.example" not in email.text
