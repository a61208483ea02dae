"""One term for signing in: the portal says "Log in"/"Log out" on allauth's pages too,
in every language, never allauth's own "Sign In"/"Sign Out"."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.accounts.test_login import log_in
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

SIGN = re.compile(r"sign[ -]?(in|out)|signed (in|out)", re.IGNORECASE)


def page(client, name: str, language: str) -> str:
    with translation.override(language):
        url = reverse(name)
    return client.get(url).content.decode()


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_the_log_in_sign_up_and_log_out_pages_use_the_portals_words(client, member, language):
    with translation.override(language):
        log_in_words, log_out_words = translation.gettext("Log in"), translation.gettext("Log out")

    login = page(client, "account_login", language)
    signup = page(client, "account_signup", language)
    logout = page(logged_in(member), "account_logout", language)

    assert re.search(rf"<title>\s*{re.escape(log_in_words)}\b", login), login[:400]
    assert login.count(log_in_words) >= 3  # title, heading, button (and the site menu)
    assert re.search(rf"<title>\s*{re.escape(log_out_words)}\b", logout), logout[:400]
    assert logout.count(log_out_words) >= 3
    if language == "en":
        for body in (login, signup, logout):
            assert not SIGN.search(body.replace("Sign up", "")), SIGN.search(body)


def test_the_messages_after_logging_in_and_out_say_log(client, member):
    log_in(client, member.email)
    body = client.get(reverse("portal:profile")).content.decode()
    assert f"You are logged in as {member}." in body  # the display name, else the email

    client.post(reverse("account_logout"))
    body = client.get("/").content.decode()
    assert "You have logged out." in body
    assert not SIGN.search(body.replace("Sign up", ""))
