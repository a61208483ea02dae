"""The floor of `make bench`: a bare Django page, a template and one query, served by
the same gunicorn with the same configuration as the portal. What the portal's
pages are compared with (scripts/bench.py).

    DATABASE_URL=... gunicorn -c gunicorn.conf.py --chdir scripts bench_floor:application

No middleware, no apps: the least Django does for a page from the database. It
reads the portal's stages, so it needs a migrated portal database (or the SQLite file).
"""

import os
from pathlib import Path

import dj_database_url
import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.http import HttpResponse
from django.template import Context, Engine
from django.urls import path

ROOT = Path(__file__).resolve().parent.parent

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stages</title></head>
<body><main><h1>Stages</h1><ol>
{% for id, name in stages %}<li id="s{{ id }}">{{ name }}</li>{% endfor %}
</ol></main></body></html>
"""

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-floor-not-a-secret",  # noqa: S106 (serves one read-only page)
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={
        "default": dj_database_url.parse(
            os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'db.sqlite3'}"),
            conn_max_age=60,
            conn_health_checks=True,
        )
    },
)
django.setup()
TEMPLATE = Engine().from_string(PAGE)


def floor(request) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, name FROM pathway_stage ORDER BY position")
        stages = cursor.fetchall()
    return HttpResponse(TEMPLATE.render(Context({"stages": stages})))


urlpatterns = [path("", floor)]
application = get_wsgi_application()
