"""The permission matrix: every endpoint and method, for every persona.

Each request runs in a savepoint that is rolled back, so every persona meets the
same items in the same states (a curator publishing the submitted item does not
change what the next persona sees)."""

import pytest
from django.db import transaction

from contributions.models import Revision
from tests.api.conftest import PERSONAS

pytestmark = pytest.mark.django_db

RESOURCE = {
    "title": "Matrix resource",
    "summary": "Created by the permission matrix.",
    "organisation": "lung-patients-network",
    "resource_type": "report",
    "url": "https://example.org/matrix",
}
TAGS = {"stages": ["testing-decision"], "barriers": ["test-not-reimbursed"], "regions": ["global"]}

ALL_OK = dict.fromkeys(PERSONAS, 200)
ONLY_CURATORS = {
    "anonymous": 401,
    "partner": 403,
    "other_partner": 403,
    "pending_member": 403,
    "curator": 200,
    "admin_user": 200,
}
NOT_ALLOWED = dict.fromkeys(PERSONAS, 405)
ORGANISATION_ONLY = {
    "anonymous": 404,
    "partner": 200,
    "other_partner": 404,
    "pending_member": 404,
    "curator": 200,
    "admin_user": 200,
}


def members(ok: int, other: int = 404) -> dict:
    """Writes by the item's organisation: others see 404 (or 403 if they can read it);
    people who act for no organisation are refused before the item is looked up."""
    return {
        "anonymous": 401,
        "partner": ok,
        "other_partner": other,
        "pending_member": 403,
        "curator": 403,
        "admin_user": 403,
    }


# (method, path, body, expected status per persona); {draft} etc. are item slugs.
MATRIX = [
    *[
        ("get", f"/api/v1/{collection}", None, ALL_OK)
        for collection in (
            "",
            "stages/",
            "barrier-categories/",
            "barriers/",
            "stakeholder-groups/",
            "organisations/",
            "therapeutic-areas/",
            "regions/",
            "countries/",
            "resources/",
            "initiatives/",
        )
    ],
    ("get", "/api/v1/stages/testing-decision/", None, ALL_OK),
    ("get", "/api/v1/barrier-categories/equity/", None, ALL_OK),
    ("get", "/api/v1/barriers/test-not-reimbursed/", None, ALL_OK),
    ("get", "/api/v1/stakeholder-groups/payers/", None, ALL_OK),
    ("get", "/api/v1/organisations/lung-patients-network/", None, ALL_OK),
    ("get", "/api/v1/therapeutic-areas/oncology/", None, ALL_OK),
    ("get", "/api/v1/regions/global/", None, ALL_OK),
    ("get", "/api/v1/countries/FR/", None, ALL_OK),
    ("get", "/api/v1/resources/{published}/", None, ALL_OK),
    ("get", "/api/v1/resources/{draft}/", None, ORGANISATION_ONLY),
    ("get", "/api/v1/initiatives/{initiative}/", None, ORGANISATION_ONLY),
    ("get", "/api/v1/resources.csv", None, ALL_OK),
    ("get", "/api/v1/initiatives.csv", None, ALL_OK),
    ("get", "/api/v1/schema/", None, ALL_OK),
    ("get", "/api/v1/docs/", None, ALL_OK),
    (
        "get",
        "/api/v1/revisions/",
        None,
        {**ALL_OK, "anonymous": 401},
    ),
    ("get", "/api/v1/revisions/{revision}/", None, {**ORGANISATION_ONLY, "anonymous": 401}),
    (
        "post",
        "/api/v1/resources/",
        RESOURCE,
        {**members(201), "other_partner": 400},
    ),
    (
        "post",
        "/api/v1/initiatives/",
        {"title": "Matrix initiative", "summary": "S.", "organisation": "lung-patients-network"},
        {**members(201), "other_partner": 400},
    ),
    ("patch", "/api/v1/resources/{draft}/", {"title": "Changed"}, members(200)),
    ("put", "/api/v1/resources/{draft}/", RESOURCE, members(200)),
    ("patch", "/api/v1/initiatives/{initiative}/", {"title": "Changed"}, members(200)),
    ("patch", "/api/v1/resources/{published}/", {"title": "Changed"}, members(202, other=403)),
    ("patch", "/api/v1/resources/{submitted}/", {"title": "Changed"}, members(409)),
    ("post", "/api/v1/resources/{draft}/submit/", None, members(200)),
    ("post", "/api/v1/initiatives/{initiative}/submit/", None, members(200)),
    ("post", "/api/v1/resources/{submitted}/publish/", None, ONLY_CURATORS),
    ("post", "/api/v1/resources/{submitted}/request-changes/", {"note": "Fix."}, ONLY_CURATORS),
    (
        "post",
        "/api/v1/resources/{submitted}/reject/",
        {"reasons": ["duplicate"]},
        ONLY_CURATORS,
    ),
    ("post", "/api/v1/resources/{published}/archive/", None, ONLY_CURATORS),
    ("post", "/api/v1/resources/{archived}/unarchive/", None, ONLY_CURATORS),
    ("post", "/api/v1/revisions/{revision}/accept/", None, ONLY_CURATORS),
    ("post", "/api/v1/revisions/{revision}/decline/", {"note": "No."}, ONLY_CURATORS),
    # Methods no endpoint has: 405 for everyone, before anyone is asked who they are.
    ("post", "/api/v1/stages/", {}, NOT_ALLOWED),
    ("put", "/api/v1/barriers/test-not-reimbursed/", {}, NOT_ALLOWED),
    ("delete", "/api/v1/organisations/lung-patients-network/", None, NOT_ALLOWED),
    ("delete", "/api/v1/resources/{published}/", None, NOT_ALLOWED),
    ("delete", "/api/v1/revisions/{revision}/", None, NOT_ALLOWED),
    ("get", "/api/v1/resources/{published}/publish/", None, NOT_ALLOWED),
    ("post", "/api/v1/resources.csv", {}, NOT_ALLOWED),
]


@pytest.fixture
def items(make_resource, make_initiative, partner) -> dict:
    # Tagged apart from the drafts, so that submitting them is not held as a duplicate.
    published = make_resource(
        "Matrix published",
        "published",
        stages=["monitoring"],
        barriers=["patients-unaware-of-testing"],
        regions=["europe"],
    )
    return {
        "draft": make_resource("Matrix draft", "draft", **TAGS).slug,
        "submitted": make_resource("Matrix submitted", "submitted", **TAGS).slug,
        "published": published.slug,
        "archived": make_resource("Matrix archived", "archived", **TAGS).slug,
        "initiative": make_initiative("Matrix initiative", "draft", **TAGS).slug,
        "revision": Revision.propose(published, {"title": "Proposed"}, by=partner).pk,
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(api, personas, items, persona):
    # One test per persona over every endpoint: the items are built once per persona.
    client = api(personas[persona])
    wrong = {}
    for method, path, body, expected in MATRIX:
        url = path.format(**items)
        with transaction.atomic():
            send = getattr(client, method)
            response = send(url, body) if body is not None else send(url)
            transaction.set_rollback(True)
        if response.status_code != expected[persona]:
            wrong[f"{method.upper()} {url}"] = (response.status_code, expected[persona])
    assert wrong == {}


def test_405_answers_name_the_allowed_methods(api):
    response = api().delete("/api/v1/stages/testing-decision/")
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) >= {"GET", "HEAD", "OPTIONS"}
    assert response.json()["error"]["code"] == "method_not_allowed"
