"""The adoption flow in the REST API, with the API's error shape."""

import pytest

from adoptions.models import Adoption
from tests.api.conftest import error_of, token_client

pytestmark = pytest.mark.django_db


def test_the_whole_flow_in_the_api(practice, partner, other_partner):
    declarer = token_client(other_partner)
    created = declarer.post(
        "/api/v1/adoptions/",
        {"initiative": practice.slug, "country": "FR", "kind": "adopted", "note": "Since 2024."},
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["status"] == "declared" and body["contacts"] is None
    assert body["organisation"]["slug"] == "colorectal-alliance"
    assert body["from_country"]["code"] == "DE" and body["country"]["code"] == "FR"
    pk = body["id"]
    # Not public until agreed.
    assert token_client(partner).get("/api/v1/adoptions/").json()["count"] == 1
    from rest_framework.test import APIClient

    assert APIClient().get("/api/v1/adoptions/").json()["count"] == 0

    accepted = token_client(partner).post(f"/api/v1/adoptions/{pk}/accept/")
    assert accepted.status_code == 200
    assert [p["email"] for p in accepted.json()["contacts"]["people"]] == [other_partner.email]
    seen = declarer.get(f"/api/v1/adoptions/{pk}/").json()
    assert [p["email"] for p in seen["contacts"]["people"]] == [partner.email]
    assert [e["status"] for e in seen["history"]] == ["declared", "agreed"]

    public = APIClient().get("/api/v1/adoptions/?country=FR").json()
    assert public["count"] == 1
    row = public["results"][0]
    assert row["contacts"] is None and row["note"] is None and row["history"] is None
    assert APIClient().get("/api/v1/adoptions/?country=PL").json()["count"] == 0

    again = token_client(partner).post(f"/api/v1/adoptions/{pk}/accept/")
    assert again.status_code == 409 and error_of(again)["code"] == "conflict"


def test_bad_declarations_are_400s_naming_the_fields(practice, other_partner):
    client = token_client(other_partner)
    response = client.post(
        "/api/v1/adoptions/",
        {"initiative": practice.slug, "country": "DE", "note": "n" * 1001},
        format="json",
    )
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"note"}
    response = client.post(
        "/api/v1/adoptions/",
        {"initiative": practice.slug, "country": "DE", "note": "Here too."},
        format="json",
    )
    assert "is based in Germany" in error_of(response)["fields"]["country"][0]
    response = client.post(
        "/api/v1/adoptions/", {"initiative": "nope", "country": "XX"}, format="json"
    )
    assert set(error_of(response)["fields"]) == {"initiative", "country", "note"}
    assert not Adoption.objects.exists()


def test_a_duplicate_declaration_is_a_clear_400(declare, other_partner, practice):
    declare()
    response = token_client(other_partner).post(
        "/api/v1/adoptions/",
        {"initiative": practice.slug, "country": "FR", "note": "Again."},
        format="json",
    )
    assert response.status_code == 400
    assert "already declared" in error_of(response)["fields"]["initiative"][0]
