"""The API answers with the reference content in the language asked for: ?lang wins
over Accept-Language, an unknown code is English (never an error), and the answer
says its language in Content-Language."""

import pytest

from barriers.models import Barrier, BarrierCategory
from core.api_language import requested_language
from pathway.models import Region, Stage, TherapeuticArea
from stakeholders.models import StakeholderGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated():
    """One row of each kind with a Polish and a German name, one without either."""
    Stage.objects.filter(slug="monitoring").update(name_pl="Monitorowanie", name_de="Überwachung")
    Stage.objects.filter(slug="testing-decision").update(name_pl=None, name_de=None)
    Barrier.objects.filter(slug="test-not-reimbursed").update(title_pl="Test nierefundowany")
    BarrierCategory.objects.filter(slug="equity").update(name_pl="Równość")
    StakeholderGroup.objects.filter(slug="payers").update(name_pl="Płatnicy")
    TherapeuticArea.objects.filter(slug="lung-cancer").update(name_pl="Rak płuca")
    Region.objects.filter(slug="europe").update(name_pl="Europa")


def names(response, key: str = "name") -> dict[str, str]:
    assert response.status_code == 200
    rows = response.json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    return {row.get("slug") or row.get("code"): row[key] for row in rows}


def test_lang_selects_the_translation_with_english_for_what_is_not_translated(client, translated):
    response = client.get("/api/v1/stages/", {"lang": "pl"})
    assert response["Content-Language"] == "pl"
    stages = names(response)
    assert stages["monitoring"] == "Monitorowanie"
    assert stages["testing-decision"] == "Testing decision & consent"


def test_accept_language_selects_it_when_lang_is_absent(client, translated):
    response = client.get(
        "/api/v1/stages/monitoring/", headers={"accept-language": "de-AT, en;q=0.5"}
    )
    assert response["Content-Language"] == "de"
    assert response.json()["name"] == "Überwachung"
    assert "Accept-Language" in response["Vary"]


def test_lang_wins_over_the_header(client, translated):
    response = client.get("/api/v1/stages/monitoring/?lang=pl", headers={"accept-language": "de"})
    assert (response["Content-Language"], response.json()["name"]) == ("pl", "Monitorowanie")


@pytest.mark.parametrize("code", ["xx", "", "klingon-" * 20, "pl\x00", "../pl", "*"])
def test_an_unknown_lang_is_english_never_an_error(client, translated, code):
    response = client.get(
        "/api/v1/stages/monitoring/", {"lang": code}, headers={"accept-language": "pl"}
    )
    assert response.status_code == 200
    assert (response["Content-Language"], response.json()["name"]) == (
        "en",
        "Monitoring & living with the disease",
    )


def test_an_unknown_header_is_english(client, translated):
    response = client.get("/api/v1/stages/monitoring/", headers={"accept-language": "xx, *;q=0.1"})
    assert response["Content-Language"] == "en"
    assert response.json()["name"] == "Monitoring & living with the disease"


def test_a_regional_variant_gets_its_language(rf):
    assert requested_language(rf.get("/api/v1/stages/", {"lang": "PT-br"})) == "pt"
    assert requested_language(rf.get("/", headers={"accept-language": "fr-CA;q=0.9"})) == "fr"


@pytest.mark.parametrize(
    ("path", "key", "slug", "polish"),
    [
        ("/api/v1/barriers/", "title", "test-not-reimbursed", "Test nierefundowany"),
        ("/api/v1/barrier-categories/", "name", "equity", "Równość"),
        ("/api/v1/stakeholder-groups/", "name", "payers", "Płatnicy"),
        ("/api/v1/therapeutic-areas/", "name", "lung-cancer", "Rak płuca"),
        ("/api/v1/regions/", "name", "europe", "Europa"),
        ("/api/v1/countries/", "name", "DE", "Niemcy"),
    ],
)
def test_every_reference_collection_is_translated(client, translated, path, key, slug, polish):
    rows, page = {}, 1
    while page:
        response = client.get(path, {"lang": "pl", "page_size": 100, "page": page})
        rows |= names(response, key)
        page = page + 1 if response.json()["next"] else None
    assert rows[slug] == polish


def test_nested_reference_content_follows_the_language(client, translated, make_resource):
    make_resource(
        "Biomarker testing questions", "published", stages=["monitoring"], countries=["PL"]
    )
    item = client.get("/api/v1/resources/", {"lang": "pl"}).json()["results"][0]
    assert [stage["name"] for stage in item["stages"]] == ["Monitorowanie"]
    assert [country["name"] for country in item["countries"]] == ["Polska"]


@pytest.mark.parametrize("path", ["/api/v1/coverage/", "/api/v1/search/?q=test"])
def test_endpoints_with_their_own_parameters_accept_lang(client, path):
    response = client.get(path, {"lang": "de"})
    assert response.status_code == 200
    assert response["Content-Language"] == "de"


def test_the_schema_documents_lang_and_content_language(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/stages/"]["get"]
    parameters = {(p["name"], p["in"]) for p in operation["parameters"]}
    assert {("lang", "query"), ("Accept-Language", "header")} <= parameters
    assert "Content-Language" in operation["responses"]["200"]["headers"]
    for path, operations in schema["paths"].items():
        if "get" in operations:
            assert ("lang", "query") in {
                (p["name"], p["in"]) for p in operations["get"]["parameters"]
            }, path
