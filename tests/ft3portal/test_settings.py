"""Settings come from the environment; production mode refuses unsafe values.

Each case runs Django in a fresh process, since settings are read once at start-up.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAFE_KEY = "k" * 20 + "-production-secret-key-for-tests-0123456789"

PRINT_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], "
    "'cache': s.CACHES['default']['BACKEND'], 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'mail': s.MAILERS['default'], 'debug': s.DEBUG}))"
)


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "REDIS_URL",
            "EMAIL_URL",
            "SITE_URL",
            "HOST",
            "PORT",
        }
        and not k.startswith("CELERY_")
    }
    clean |= {"DJANGO_SETTINGS_MODULE": "ft3portal.settings", **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_nothing_set_runs_on_embedded_defaults():
    result = run_django(PRINT_SETTINGS)
    assert result.returncode == 0, result.stderr
    assert '"engine": "django.db.backends.sqlite3"' in result.stdout
    assert "LocMemCache" in result.stdout
    assert '"eager": true' in result.stdout
    assert "outbox.backends.ConsoleBackend" in result.stdout
    assert '"debug": true' in result.stdout


def test_service_urls_switch_to_postgres_redis_and_smtp():
    result = run_django(
        PRINT_SETTINGS,
        DATABASE_URL="postgres://u:p@db.internal:5432/ft3",
        REDIS_URL="redis://cache.internal:6379/0",
        EMAIL_URL="smtp://mailer:s%40cret@smtp.internal:587?tls=true",
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout
    assert "RedisCache" in result.stdout
    assert '"eager": false' in result.stdout
    assert '"host": "smtp.internal"' in result.stdout
    assert '"password": "s@cret"' in result.stdout
    assert '"use_tls": true' in result.stdout


@pytest.mark.parametrize(
    "env, site_url",
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8099"}, "http://127.0.0.1:8099"),
        ({"HOST": "localhost", "PORT": "8099"}, "http://localhost:8099"),
        ({"SITE_URL": "https://ft3.example.org/", "PORT": "8099"}, "https://ft3.example.org"),
    ],
)
def test_emailed_links_follow_the_served_address_unless_site_url_is_set(env, site_url):
    result = run_django(
        "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == site_url


@pytest.mark.parametrize(
    "env, message",
    [
        ({"DEBUG": "false", "ALLOWED_HOSTS": "ft3.example.org"}, "SECRET_KEY"),
        (
            {"DEBUG": "false", "ALLOWED_HOSTS": "ft3.example.org", "SECRET_KEY": "short"},
            "SECRET_KEY",
        ),
        ({"DEBUG": "false", "SECRET_KEY": SAFE_KEY}, "ALLOWED_HOSTS"),
        ({"DEBUG": "maybe"}, "DEBUG must be true or false"),
        ({"EMAIL_URL": "http://mail.example.org"}, "EMAIL_URL must start with smtp://"),
    ],
)
def test_it_refuses_an_unsafe_or_malformed_configuration(env, message):
    result = run_django("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_settings_pass_check_deploy():
    result = run_django(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        DEBUG="false",
        SECRET_KEY=SAFE_KEY,
        ALLOWED_HOSTS="ft3.example.org",
        EMAIL_URL="smtp://smtp.example.org:587?tls=true",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_is_clean_with_only_the_documented_variables():
    # README, Configuration: DEBUG, SECRET_KEY, ALLOWED_HOSTS and SITE_URL; no EMAIL_URL.
    result = run_django(
        "from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        DEBUG="false",
        SECRET_KEY=SAFE_KEY,
        ALLOWED_HOSTS="ft3.example.org",
        SITE_URL="https://ft3.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


PRINT_PROXY_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'ssl_header': getattr(s, 'SECURE_PROXY_SSL_HEADER', None), "
    "'preload': s.SECURE_HSTS_PRELOAD, 'proxies': s.TRUSTED_PROXY_COUNT, "
    "'drf': s.REST_FRAMEWORK['NUM_PROXIES'], 'allauth': s.ALLAUTH_TRUSTED_PROXY_COUNT}))"
)


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, {"ssl_header": None, "preload": False, "proxies": 0, "drf": 0, "allauth": 0}),
        (
            {"TRUSTED_PROXY_COUNT": "1", "SECURE_HSTS_PRELOAD": "true"},
            {
                "ssl_header": ["HTTP_X_FORWARDED_PROTO", "https"],
                "preload": True,
                "proxies": 1,
                "drf": 1,
                "allauth": 1,
            },
        ),
    ],
)
def test_forwarded_headers_are_trusted_only_behind_configured_proxies(env, expected):
    result = run_django(
        PRINT_PROXY_SETTINGS, DEBUG="false", SECRET_KEY=SAFE_KEY, ALLOWED_HOSTS="a.example", **env
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected
