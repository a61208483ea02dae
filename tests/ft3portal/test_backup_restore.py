"""The backup procedure of the README, for real: a database with the demo content
and a digest already sent is dumped with `pg_dump --format=custom`, restored with
`pg_restore --no-owner` into a fresh database, migrated, and the digests due now
marked sent (`mark_digests_sent`). The restored portal then serves the same pages,
finds the same things, holds the same number of rows in every table, and has no
digest left to send again."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import pytest
from django.conf import settings
from psycopg2 import sql

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="needs PostgreSQL (DATABASE_URL)",
    ),
    pytest.mark.skipif(
        not (shutil.which("pg_dump") and shutil.which("pg_restore")),
        reason="needs pg_dump and pg_restore",
    ),
]

ROOT = Path(settings.BASE_DIR)

# Run in each database by a fresh process: what a visitor, the API and the
# digest catch-up would see there.
PROBE = r"""
import json
import django
django.setup()
from django.apps import apps
from django.test import Client
from django.test.utils import setup_test_environment
from contributions.models import Resource
from digests.digest import current_period
from digests.fanout import due_subscription_ids

setup_test_environment()
client = Client()
item = Resource.objects.published().order_by("pk").first()
word = max(item.title.split(), key=len)
pages = ["/", "/pathway/", "/resources/", item.get_absolute_url(), "/gaps/",
         "/initiatives/", "/api/v1/resources/", f"/resources/?q={word}"]
found = client.get("/api/v1/resources/", {"q": word}).json()["results"]
print(json.dumps({
    "counts": {m._meta.label: m._default_manager.count() for m in apps.get_models()},
    "pages": {path: client.get(path).status_code for path in pages},
    "search": [word, sorted(result["title"] for result in found)],
    "title": item.title,
    "due": {f: len(due_subscription_ids(f, current_period(f))) for f in ("weekly", "monthly")},
}))
"""

# A subscriber whose digest of the current week went out before the backup was
# taken, and one whose digest went out after it (the backup does not know).
SUBSCRIBERS = r"""
import django
django.setup()
from datetime import timedelta
from django.utils import timezone
from digests.digest import current_period
from digests.models import DigestDelivery, Subscription

long_ago = timezone.now() - timedelta(days=60)
for email in ("before@example.org", "after@example.org"):
    Subscription.objects.create(email=email, confirmed_at=long_ago)
DigestDelivery.objects.create(
    subscription=Subscription.objects.get(email="before@example.org"),
    period_start=current_period("weekly"),
    status="sent",
    sent_at=timezone.now(),
)
"""


class Scratch:
    """A database of its own on the server of DATABASE_URL."""

    def __init__(self, label: str) -> None:
        parts = urlsplit(os.environ["DATABASE_URL"])
        self.name = f"{parts.path.lstrip('/')}_{label}_{uuid.uuid4().hex[:6]}"
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self.server = urlunsplit(parts._replace(path="/postgres"))

    def _run(self, statement: sql.Composable) -> None:
        connection = psycopg2.connect(self.server)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def create(self) -> "Scratch":
        self._run(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))
        return self

    def drop(self) -> None:
        self._run(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
        )

    def environment(self) -> dict:
        env = {**os.environ, "DATABASE_URL": self.url, "LOG_LEVEL": "WARNING"}
        env.pop("REDIS_URL", None)  # in-process tasks, local cache: only the database counts
        env.pop("CELERY_BROKER_URL", None)
        return env

    def manage(self, *args: str) -> str:
        return self.python("manage.py", *args)

    def python(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def probe(self) -> dict:
        return json.loads(self.python("-c", PROBE).strip().splitlines()[-1])


def test_a_restored_dump_serves_the_same_portal_and_sends_no_digest_twice(tmp_path):
    source, restored = Scratch("backup"), Scratch("restored")
    dump = tmp_path / "ft3portal.dump"
    try:
        source.create()
        source.manage("migrate", "--noinput")
        source.manage("loaddemo")
        source.python("-c", SUBSCRIBERS)
        subprocess.run(
            ["pg_dump", "--format=custom", f"--file={dump}", source.url], check=True, timeout=300
        )
        before = source.probe()

        restored.create()
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={restored.url}", str(dump)],
            check=True,
            timeout=300,
        )
        restored.manage("migrate", "--noinput")
        restored.manage("mark_digests_sent")
        after = restored.probe()
    finally:
        source.drop()
        restored.drop()

    assert before["counts"]["contributions.Resource"] > 0
    assert before["due"]["weekly"] == 1  # the subscriber the backup thinks is due
    assert set(before["pages"].values()) == {200}
    assert after["pages"] == before["pages"]
    word, titles = before["search"]
    assert before["title"] in titles
    assert after["search"] == [word, titles]
    # Every table as it was, but the one delivery row mark_digests_sent added.
    delivery = "digests.DigestDelivery"
    assert after["counts"][delivery] == before["counts"][delivery] + 1
    assert {k: v for k, v in after["counts"].items() if k != delivery} == {
        k: v for k, v in before["counts"].items() if k != delivery
    }
    assert after["due"] == {"weekly": 0, "monthly": 0}
