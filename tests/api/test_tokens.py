"""Personal API tokens: created and revoked on the account pages, shown once,
stored only as a digest, and accepted as "Token" or "Bearer" credentials."""

import hashlib
import re

import pytest
from django.utils import timezone

from accounts.forms import MAX_TOKENS_PER_USER
from accounts.models import APIToken
from tests.api.conftest import error_of
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def create_token(client, name: str = "My script") -> str:
    response = client.post("/accounts/tokens/", {"name": name})
    assert response.status_code == 200
    match = re.search(r'value="(ft3_[A-Za-z0-9_-]+)"', response.content.decode())
    assert match, "the new key is shown on the page"
    return match.group(1)


def test_the_token_pages_need_a_login(client):
    response = client.get("/accounts/tokens/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.post("/accounts/tokens/", {"name": "x"}).status_code == 302
    assert client.post("/accounts/tokens/1/revoke/").status_code == 302
    assert not APIToken.objects.exists()


def test_a_new_token_is_shown_once_and_stored_as_a_digest(partner):
    client = logged_in(partner)
    response = client.post("/accounts/tokens/", {"name": "Nightly sync"})
    assert "no-store" in response["Cache-Control"]
    key = re.search(r'value="(ft3_[A-Za-z0-9_-]+)"', response.content.decode()).group(1)
    assert len(key) > 40
    token = APIToken.objects.get()
    assert token.user == partner
    assert token.name == "Nightly sync"
    assert token.digest == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:12]
    assert key not in str(APIToken.objects.values_list())

    listing = client.get("/accounts/tokens/").content.decode()
    assert "Nightly sync" in listing
    assert token.prefix in listing
    assert key not in listing


def test_a_token_authenticates_as_its_user_with_either_keyword(client, partner, make_resource):
    key = create_token(logged_in(partner))
    make_resource("Own draft", "draft")
    for keyword in ("Token", "Bearer", "token", "bearer"):
        response = client.get("/api/v1/resources/", HTTP_AUTHORIZATION=f"{keyword} {key}")
        assert response.status_code == 200
        assert response.json()["count"] == 1, keyword
    token = APIToken.objects.get()
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < timezone.timedelta(minutes=1)


@pytest.mark.parametrize(
    "header",
    [
        "Token ft3_not-a-real-key",
        "Bearer ",
        "Token two parts",
        "Token " + "x" * 5000,
        "Token caf\xe9",
    ],
)
def test_bad_credentials_are_a_401_never_a_500(client, header):
    response = client.get("/api/v1/resources/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert error_of(response)["code"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_stops_working(client, partner):
    browser = logged_in(partner)
    key = create_token(browser)
    token = APIToken.objects.get()
    response = browser.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert not APIToken.objects.exists()
    assert client.get("/api/v1/resources/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401


def test_nobody_revokes_someone_elses_token(partner, other_partner):
    create_token(logged_in(partner))
    token = APIToken.objects.get()
    assert logged_in(other_partner).post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert (
        logged_in(other_partner).get("/accounts/tokens/").content.decode().count(token.prefix) == 0
    )
    assert logged_in(partner).get(f"/accounts/tokens/{token.pk}/revoke/").status_code == 405
    assert APIToken.objects.filter(pk=token.pk).exists()
    assert (
        logged_in(partner).post("/accounts/tokens/99999999999999999999/revoke/").status_code == 404
    )


@pytest.mark.parametrize("name", ["", "   ", "\x00\x01", "n" * 101])
def test_a_token_needs_a_sensible_name(partner, name):
    response = logged_in(partner).post("/accounts/tokens/", {"name": name})
    assert response.status_code == 400
    assert not APIToken.objects.exists()


def test_control_characters_are_removed_from_token_names(partner):
    create_token(logged_in(partner), "Sync\t script\u200b\n")
    assert APIToken.objects.get().name == "Sync script"


def test_a_user_has_a_limited_number_of_tokens(partner):
    for n in range(MAX_TOKENS_PER_USER):
        APIToken.issue(partner, f"Token {n}")
    response = logged_in(partner).post("/accounts/tokens/", {"name": "One too many"})
    assert response.status_code == 400
    assert "Revoke one" in response.content.decode()
    assert APIToken.objects.count() == MAX_TOKENS_PER_USER


def test_sessions_need_a_csrf_token_to_write(partner):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(partner)
    assert browser.get("/api/v1/resources/").status_code == 200
    response = browser.post(
        "/api/v1/resources/",
        {"title": "t", "summary": "s", "organisation": "lung-patients-network"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in error_of(response)["message"]
