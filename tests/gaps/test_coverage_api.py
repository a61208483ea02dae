"""/api/v1/coverage/: the map's numbers, and 400s for what it does not know."""

import pytest

from tests.gaps.support import ACCESS, LAG, TESTING

pytestmark = pytest.mark.django_db

# The API


def test_the_api_returns_the_same_numbers(german_work, client):
    response = client.get("/api/v1/coverage/?country=DE&compare=FR")

    assert response.status_code == 200
    data = response.json()
    germany, france = data["matrices"]
    assert germany["scope"] == {"country": "DE", "region": None, "area": None}
    assert germany["totals"] == {"initiatives": 1, "resources": 2}
    money = next(c for c in germany["categories"] if c["slug"] == "financing-regulation")
    testing = next(x for x in money["cells"] if x["stage"] == TESTING)
    assert testing == {
        "stage": TESTING,
        "initiatives": 1,
        "resources": 1,
        "total": 2,
        "here": 2,
        "gap": False,
    }
    lag = next(b for b in money["barriers"] if b["slug"] == LAG)
    assert next(x for x in lag["cells"] if x["stage"] == ACCESS)["total"] == 1
    assert france["scope"]["country"] == "FR"
    assert data["legend"][0] == {"level": 0, "from": 0, "to": 0}


def test_the_api_refuses_unknown_filters_with_a_400(client):
    response = client.get("/api/v1/coverage/?country=ZZ")

    assert response.status_code == 400
    assert "country" in response.json()["error"]["fields"]


def test_the_api_refuses_parameters_it_does_not_know_with_a_400(client):
    response = client.get("/api/v1/coverage/?country=DE&stage=testing-decision")

    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"stage": ["Unknown parameter."]}
