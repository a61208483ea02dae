"""The permission matrix of every adoption page and endpoint, for the initiative's
organisation (owner), the declaring organisation, a partner of a third
organisation, a curator and an anonymous visitor. Each request runs in a rolled
back savepoint, so every persona meets the same pending declaration."""

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from adoptions.models import Adoption
from tests.api.conftest import token_client
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

PERSONAS = ["owner", "declarer", "third", "curator", "anonymous"]


def expect(owner, declarer, third, curator, anonymous) -> dict:
    return dict(zip(PERSONAS, (owner, declarer, third, curator, anonymous), strict=True))


# (method, path, body, expected status per persona); {slug} and {pk} are filled in.
PAGES = [
    ("get", "/transfers/", None, expect(200, 200, 200, 200, 200)),
    ("get", "/transfers/?country=FR", None, expect(200, 200, 200, 200, 200)),
    ("get", "/adoptions/", None, expect(200, 200, 200, 200, 302)),
    ("get", "/adoptions/declare/{slug}/", None, expect(403, 200, 200, 403, 302)),
    ("post", "/adoptions/declare/{slug}/", {}, expect(403, 200, 200, 403, 302)),
    ("get", "/adoptions/{pk}/", None, expect(200, 200, 404, 200, 302)),
    ("post", "/adoptions/{pk}/", None, expect(405, 405, 405, 405, 302)),
    ("get", "/adoptions/{pk}/accept/", None, expect(405, 405, 405, 405, 302)),
    ("post", "/adoptions/{pk}/accept/", None, expect(302, 403, 404, 403, 302)),
    ("post", "/adoptions/{pk}/decline/", None, expect(302, 403, 404, 403, 302)),
    ("post", "/adoptions/{pk}/withdraw/", None, expect(403, 302, 404, 403, 302)),
    ("get", "/initiatives/{slug}/", None, expect(200, 200, 200, 200, 200)),
    ("get", "/countries/FR/", None, expect(200, 200, 200, 200, 200)),
]

DECLARATION = {"initiative": "{slug}", "country": "PT", "note": "From the matrix."}
ENDPOINTS = [
    ("get", "/api/v1/adoptions/", None, expect(200, 200, 200, 200, 200)),
    ("get", "/api/v1/adoptions/?country=DE", None, expect(200, 200, 200, 200, 200)),
    ("get", "/api/v1/adoptions/{pk}/", None, expect(200, 200, 404, 200, 404)),
    # The owner declares for its own organisation; the declarer has declared already.
    ("post", "/api/v1/adoptions/", DECLARATION, expect(400, 400, 201, 403, 401)),
    ("put", "/api/v1/adoptions/{pk}/", {}, expect(405, 405, 405, 405, 405)),
    ("delete", "/api/v1/adoptions/{pk}/", None, expect(405, 405, 405, 405, 405)),
    ("post", "/api/v1/adoptions/{pk}/accept/", None, expect(200, 403, 404, 403, 401)),
    ("post", "/api/v1/adoptions/{pk}/decline/", None, expect(200, 403, 404, 403, 401)),
    ("post", "/api/v1/adoptions/{pk}/withdraw/", None, expect(403, 200, 404, 403, 401)),
    ("get", "/api/v1/adoptions/{pk}/accept/", None, expect(405, 405, 405, 405, 405)),
]


@pytest.fixture
def people(partner, other_partner, third_partner, curator) -> dict:
    return {
        "owner": partner,
        "declarer": other_partner,
        "third": third_partner,
        "curator": curator,
        "anonymous": None,
    }


def run(client, method: str, path: str, body) -> int:
    with transaction.atomic():
        if body is None:
            response = getattr(client, method)(path)
        else:
            response = (
                getattr(client, method)(path, body, format="json")
                if hasattr(client, "credentials")
                else getattr(client, method)(path, body)
            )
        transaction.set_rollback(True)
    return response.status_code


def fill(text, adoption: Adoption):
    if isinstance(text, dict):
        return {key: fill(value, adoption) for key, value in text.items()}
    return text.format(slug=adoption.initiative.slug, pk=adoption.pk)


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages(declare, people, client, persona):
    adoption = declare()
    user = people[persona]
    web = client if user is None else logged_in(user)
    got = {}
    wanted = {}
    for method, path, body, expected in PAGES:
        key = f"{method.upper()} {path}"
        got[key] = run(web, method, fill(path, adoption), fill(body, adoption) if body else body)
        wanted[key] = expected[persona]
    assert got == wanted


@pytest.mark.parametrize("persona", PERSONAS)
def test_endpoints(declare, people, persona):
    adoption = declare()
    user = people[persona]
    client = APIClient() if user is None else token_client(user)
    got = {}
    wanted = {}
    for method, path, body, expected in ENDPOINTS:
        key = f"{method.upper()} {path}"
        got[key] = run(client, method, fill(path, adoption), fill(body, adoption) if body else body)
        wanted[key] = expected[persona]
    assert got == wanted
