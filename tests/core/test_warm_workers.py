"""Gunicorn loads the application once in its master (preload_app) and forks the
workers, again each time one is recycled after max_requests: whatever the master
has not built, each new worker builds on its first request, while that worker's
other requests wait, whether or not the page is in the page cache. This is what
made some pages of `make bench` fall to a tenth of the others' rate."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import ft3portal.wsgi
from django.db import connections
from django.urls import get_resolver
from django.utils.translation import trans_real
print(json.dumps({
    "views": sorted(m for m in ("gaps.views", "contributions.views.library",
                                "pathway.views", "ft3portal.urls") if m in sys.modules),
    "catalogues": sorted(trans_real._translations),
    "patterns": sorted(get_resolver()._reverse_dict),
    "connected": [c.alias for c in connections.all() if c.connection is not None],
}))
"""


def test_the_loaded_application_is_warm_for_every_worker_it_forks():
    # This checkout's code first, as gunicorn's --chdir puts it.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "ft3portal.settings"}
    found = json.loads(
        subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    languages = sorted(code for code, _name in settings.LANGUAGES)
    # Every URLconf and view imported, each language's catalogue and URL patterns built.
    assert found["views"] == [
        "contributions.views.library",
        "ft3portal.urls",
        "gaps.views",
        "pathway.views",
    ]
    assert set(languages) <= set(found["catalogues"])
    assert set(languages) <= set(found["patterns"])
    # No connection that the forked workers would share.
    assert found["connected"] == []
