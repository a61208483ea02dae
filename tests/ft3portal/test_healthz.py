"""/healthz (liveness: the process and the database) and /readyz (each service,
Redis down only "degraded")."""

import copy
import os

import pytest
from django.db import connections

from ft3portal import views
from ft3portal.celery import app as celery_app


@pytest.mark.django_db
def test_it_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"] == {"database": "ok"}
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_it_answers_503_when_the_database_is_unreachable(client, database_unreachable):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"] == "unavailable"


UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_unreachable(settings):
    settings.REDIS_URL = UNREACHABLE_REDIS
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": UNREACHABLE_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    previous = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = UNREACHABLE_REDIS, False
    yield
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = previous


@pytest.fixture
def database_unreachable(monkeypatch):
    real = connections["default"]
    broken_settings = copy.deepcopy(real.settings_dict)
    if real.vendor == "sqlite":
        broken_settings["NAME"] = "/nonexistent-directory/ft3/db.sqlite3"
    else:
        broken_settings["HOST"], broken_settings["PORT"] = "127.0.0.1", "1"
    broken = real.__class__(broken_settings, alias="unreachable")
    monkeypatch.setattr(views, "connection", broken)


@pytest.mark.django_db
def test_liveness_does_not_depend_on_redis(client, redis_unreachable):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok"}


@pytest.mark.django_db
def test_readiness_reports_every_service(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    expected = "ok" if os.environ.get("REDIS_URL") else "not configured"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": expected, "broker": expected},
    }


@pytest.mark.django_db
def test_readiness_is_degraded_but_200_when_redis_is_unreachable(client, redis_unreachable):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "unavailable", "broker": "unavailable"},
    }


@pytest.mark.django_db
def test_readiness_answers_503_when_the_database_is_unreachable(client, database_unreachable):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"] == "unavailable"


@pytest.mark.django_db
def test_it_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
