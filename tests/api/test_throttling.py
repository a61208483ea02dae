"""Throttling: anonymous clients per address, signed-in clients per user, and CSV
downloads on top; answered with 429 and Retry-After. DRF reads the rates when it
defines its throttle classes, so the tests lower them on the classes."""

import pytest
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from tests.api.conftest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(monkeypatch):
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "3/minute", "user": "5/minute"}
    rates["downloads"] = "2/hour"
    for throttle in (AnonRateThrottle, UserRateThrottle, ScopedRateThrottle):
        monkeypatch.setattr(throttle, "THROTTLE_RATES", rates)


def assert_throttled(response, at_most: int) -> None:
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 0 < wait <= at_most
    error = error_of(response)
    assert error["code"] == "throttled"
    assert error["retry_after"] == wait


def test_anonymous_clients_are_throttled_per_address(api, low_rates):
    client = api()
    for _ in range(3):
        assert client.get("/api/v1/stages/").status_code == 200
    assert_throttled(client.get("/api/v1/stages/"), 60)
    assert_throttled(client.get("/api/v1/resources/"), 60)
    # Another address has its own allowance.
    assert api().get("/api/v1/stages/", REMOTE_ADDR="203.0.113.9").status_code == 200


def test_signed_in_clients_are_throttled_per_user(api, low_rates, partner, other_partner):
    client = api(partner)
    for _ in range(5):
        assert client.get("/api/v1/stages/").status_code == 200
    assert_throttled(client.get("/api/v1/stages/"), 60)
    assert_throttled(client.post("/api/v1/resources/", {}), 60)
    assert api(other_partner).get("/api/v1/stages/").status_code == 200


def test_csv_downloads_have_their_own_lower_limit(api, low_rates, partner):
    client = api(partner)
    for _ in range(2):
        assert client.get("/api/v1/resources.csv").status_code == 200
    assert_throttled(client.get("/api/v1/initiatives.csv"), 3600)
    assert client.get("/api/v1/resources/").status_code == 200


def test_the_production_rates_are_set(low_rates):
    rates = api_settings.DEFAULT_THROTTLE_RATES
    assert {"anon", "user", "downloads"} <= set(rates)
    assert [throttle.__name__ for throttle in api_settings.DEFAULT_THROTTLE_CLASSES] == [
        "AnonRateThrottle",
        "UserRateThrottle",
    ]
