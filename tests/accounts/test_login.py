"""Logging in and out: email and password, rate limited, sessions rotate and end."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from outbox.models import OutgoingEmail
from tests.conftest import PASSWORD, make_user


def log_in(client: Client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.django_db
def test_login_with_email_and_password_goes_to_your_account(client, member):
    response = log_in(client, member.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:profile")
    assert client.session["_auth_user_id"] == str(member.pk)


@pytest.mark.django_db
def test_login_follows_next_within_the_site(client, member):
    response = client.post(
        reverse("account_login") + "?next=/stakeholders/",
        {"login": member.email, "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/stakeholders/"


@pytest.mark.django_db
def test_login_ignores_next_to_another_site(client, member):
    response = client.post(
        reverse("account_login") + "?next=https://evil.example/",
        {"login": member.email, "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:profile")


@pytest.mark.django_db
def test_login_rotates_the_session_key(client, member):
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key

    log_in(client, member.email)

    assert client.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


@pytest.mark.django_db
def test_wrong_password_is_a_form_error(client, member):
    response = log_in(client, member.email, "not-the-password")

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_with_an_unverified_address_sends_a_new_link_instead(client):
    user = make_user("unverified")

    response = log_in(client, user.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    email = OutgoingEmail.objects.get(to=user.email)
    assert email.template == "account_email_confirmation"
    assert "/accounts/confirm-email/" in email.text
    assert "/accounts/confirm-email/" in email.html


@pytest.mark.django_db
def test_failed_logins_for_one_account_are_limited(client, member):
    for _attempt in range(5):
        response = log_in(client, member.email, "guess")
        assert response.status_code == 200

    # Even the right password is refused until the limit has passed.
    response = log_in(client, member.email)

    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_attempts_from_one_address_are_limited(client, member, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    for number in range(3):
        assert log_in(client, f"nobody{number}@example.org").status_code == 200

    response = log_in(client, member.email)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_logout_on_get_only_asks_to_confirm(client, member):
    client.force_login(member)

    response = client.get(reverse("account_logout"))

    assert response.status_code == 200
    assert b'method="post"' in response.content
    assert client.session["_auth_user_id"] == str(member.pk)


@pytest.mark.django_db
def test_logout_by_post_ends_the_session(client, member):
    log_in(client, member.email)
    session_key = client.session.session_key

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get(reverse("portal:profile")).status_code == 302


@pytest.mark.django_db
def test_login_page_is_csp_safe_and_labelled(client):
    response = client.get(reverse("account_login"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers
    assert "style=" not in html
    assert "<script" not in html
    assert '<label for="id_login"' in html
    assert '<label for="id_password"' in html
    assert 'aria-describedby="id_password_helptext"' in html
