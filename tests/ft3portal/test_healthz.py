import copy
import os

import pytest
from django.db import connections

from ft3portal import views


@pytest.mark.django_db
def test_it_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"]["database"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_it_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    real = connections["default"]
    broken_settings = copy.deepcopy(real.settings_dict)
    if real.vendor == "sqlite":
        broken_settings["NAME"] = "/nonexistent-directory/ft3/db.sqlite3"
    else:
        broken_settings["HOST"], broken_settings["PORT"] = "127.0.0.1", "1"
    broken = real.__class__(broken_settings, alias="unreachable")
    monkeypatch.setattr(views, "connection", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"] == "unavailable"


@pytest.mark.django_db
def test_it_answers_503_when_redis_is_configured_but_unreachable(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "redis": "unavailable"}


@pytest.mark.redis
@pytest.mark.django_db
def test_it_checks_redis_when_configured(client):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "ok"}


@pytest.mark.django_db
def test_it_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
