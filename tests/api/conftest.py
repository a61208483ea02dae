"""Fixtures for the REST API tests: API clients for each persona, by session or
by personal token, and throttling buckets that start empty in every test."""

import uuid

import pytest
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from accounts.models import APIToken

PERSONAS = ["anonymous", "partner", "other_partner", "pending_member", "curator", "admin_user"]


@pytest.fixture(autouse=True)
def fresh_throttle_buckets(monkeypatch):
    # Throttles count requests in the cache, per client address or user id; a
    # private cache per test keeps one test's requests from throttling another's.
    monkeypatch.setattr(SimpleRateThrottle, "cache", LocMemCache(f"throttle-{uuid.uuid4()}", {}))


def token_client(user) -> APIClient:
    """A client that authenticates like a script: with a personal API token."""
    _token, key = APIToken.issue(user, "tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api():
    """api(user) -> a client authenticated with the user's token (anonymous for None)."""

    def _client(user=None) -> APIClient:
        return APIClient() if user is None else token_client(user)

    return _client


@pytest.fixture
def personas(request) -> dict:
    """Every persona by name; anonymous is None."""
    found = {"anonymous": None}
    for name in PERSONAS[1:]:
        found[name] = request.getfixturevalue(name)
    return found


def error_of(response) -> dict:
    """The error object of an API error response, checked against the one shape."""
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["status"] == response.status_code
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    allowed = {"status", "code", "message", "fields", "retry_after"}
    if error["code"] == "possible_duplicates":
        allowed |= {"item", "decisions", "matches"}
    assert set(error) <= allowed
    return error
