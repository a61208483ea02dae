"""The code's layout, as the README's layout section describes it.

- Every URL's view is in its app's `views.py` (or `views/<feature>.py`), or for the
  REST API in its app's `api.py` (or `api/<feature>.py`).
- Templates live in `templates/<app>/`, and an app's templates never include, extend
  or link to those of an app above it (imports are checked by import-linter, with the
  layers in pyproject.toml; this test reads the same list).
- No module is longer than about 500 lines, migrations and data aside.
"""

import re
import tomllib
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"

# Third-party views mounted by the project: Django's admin and sitemaps, allauth,
# DRF's router root and drf-spectacular's schema and docs.
THIRD_PARTY = ("django.", "allauth.", "rest_framework.", "drf_spectacular.")
# Template folders that belong to no app: allauth's overridden templates, and the
# emails that outbox builds for every app from template triples by name.
SHARED_TEMPLATE_FOLDERS = {"account", "allauth", "emails"}
# Modules over the line limit that are data, not code.
DATA_MODULES = {"contributions/demo.py"}
MAX_MODULE_LINES = 500


def layers() -> list[set[str]]:
    """The import-linter layers, top first; apps on one layer are independent."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return [{app.strip() for app in layer.split("|")} for layer in contract["layers"]]


def layer_of(app: str) -> int:
    """0 for the top layer; higher numbers are lower layers."""
    for index, apps in enumerate(layers()):
        if app in apps:
            return index
    raise AssertionError(f"{app} is in no layer of the import-linter contract")


def url_patterns(resolver: URLResolver | None = None, prefix: str = ""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def view_module(callback) -> str:
    for attribute in ("view_class", "cls"):  # class-based views, DRF viewsets
        if hasattr(callback, attribute):
            return getattr(callback, attribute).__module__
    if not hasattr(callback, "__name__"):  # an instance, such as a Feed
        return type(callback).__module__
    return callback.__module__


def test_every_url_is_answered_by_its_apps_views_or_api_module():
    allowed = re.compile(r"^\w+\.(views|api)(\.\w+)?$")
    wrong = {
        route: module
        for route, callback in url_patterns()
        if not (module := view_module(callback)).startswith(THIRD_PARTY)
        and not allowed.match(module)
    }
    assert wrong == {}


def test_every_template_folder_belongs_to_an_app():
    apps = {app for layer in layers() for app in layer}
    folders = {path.name for path in TEMPLATES.iterdir() if path.is_dir()}
    assert folders - apps - SHARED_TEMPLATE_FOLDERS == set()


TEMPLATE_REFERENCE = re.compile(r"""\{%\s*(?:(include|extends)\s+["'](\w+)/|url\s+["'](\w+):)""")


def test_templates_never_include_or_link_to_a_higher_app():
    # URL namespaces are app labels, except the REST API's, which ft3portal mounts.
    namespace_app = {"api": "ft3portal"}
    upward = []
    for path in TEMPLATES.glob("*/**/*.html"):
        app = path.relative_to(TEMPLATES).parts[0]
        if app in SHARED_TEMPLATE_FOLDERS:
            continue
        for match in TEMPLATE_REFERENCE.finditer(path.read_text()):
            kind, folder, namespace = match.groups()
            other = folder or namespace_app.get(namespace, namespace)
            if other in SHARED_TEMPLATE_FOLDERS:
                continue
            if layer_of(other) < layer_of(app):
                upward.append(f"{path.relative_to(ROOT)}: {kind or 'url'} {other}")
    assert upward == []


def test_no_module_is_longer_than_about_500_lines():
    long = {}
    apps = {app for layer in layers() for app in layer}
    for app in apps:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative in DATA_MODULES:
                continue
            lines = len(path.read_text().splitlines())
            if lines > MAX_MODULE_LINES:
                long[relative] = lines
    assert long == {}
