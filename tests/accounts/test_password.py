"""Password reset and change: the reset never tells whether an address has an account."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from outbox.models import OutgoingEmail
from tests.conftest import PASSWORD

NEW_PASSWORD = "a-brand-new-passphrase-77"


@pytest.mark.django_db
def test_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, member):
    known = client.post(reverse("account_reset_password"), {"email": member.email})
    OutgoingEmail.objects.all().delete()

    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"] == reverse("account_reset_password_done")
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db
def test_reset_for_a_known_address_sends_a_link_in_both_parts(client, member):
    client.post(reverse("account_reset_password"), {"email": member.email.upper()})

    email = OutgoingEmail.objects.get(to=member.email)
    assert email.template == "account_password_reset_key"
    assert email.subject == "Choose a new password for FT3 Pathway Portal"
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", email.text).group(0)
    assert link in email.html
    assert "Choose a new password" in email.html


@pytest.mark.django_db
def test_reset_link_sets_a_new_password_and_notifies(client, member):
    client.post(reverse("account_reset_password"), {"email": member.email})
    text = OutgoingEmail.objects.get(template="account_password_reset_key").text
    path = urlsplit(re.search(r"https?://\S+/accounts/password/reset/key/\S+/", text)[0]).path

    # The key moves from the URL into the session, as with Django's own reset view.
    redirect = client.get(path)
    assert redirect.status_code == 302
    form_url = redirect["Location"]
    assert client.get(form_url).status_code == 200
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    notice = OutgoingEmail.objects.get(template="account_password_reset")
    assert "was reset just now" in notice.text
    assert "was reset just now" in notice.html


@pytest.mark.django_db
def test_change_password_needs_the_old_one_and_notifies(client, member):
    client.force_login(member)

    wrong = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200
    member.refresh_from_db()
    assert member.check_password(PASSWORD)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    # Still logged in: the session hash was updated with the new password.
    assert client.get(reverse("portal:profile")).status_code == 200
    notice = OutgoingEmail.objects.get(template="account_password_changed", to=member.email)
    assert "was changed just now" in notice.text
    assert "was changed just now" in notice.html
    assert "/accounts/password/reset/" in notice.html


@pytest.mark.django_db
def test_change_password_is_for_logged_in_people_only(client):
    response = client.get(reverse("account_change_password"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_changing_the_email_verifies_the_new_one_before_switching(client, member):
    client.force_login(member)

    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "moved@example.org"}
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "member@example.org"
    email = OutgoingEmail.objects.get(to="moved@example.org")
    assert email.template == "account_email_confirmation"
    path = urlsplit(re.search(r"https?://\S+/accounts/confirm-email/\S+/", email.text)[0]).path

    client.post(path)

    member.refresh_from_db()
    assert member.email == "moved@example.org"
    notice = OutgoingEmail.objects.get(template="account_email_changed")
    assert notice.to == "member@example.org"
    assert "from member@example.org to moved@example.org" in notice.text
    assert "from member@example.org to moved@example.org" in notice.html


@pytest.mark.django_db
def test_email_page_is_csp_safe_while_a_change_is_pending(client, member):
    client.force_login(member)
    client.post(reverse("account_email"), {"action_add": "", "email": "moved@example.org"})

    response = client.get(reverse("account_email"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="pending-email"' in html
    assert "style=" not in html
    assert "<script" not in html
