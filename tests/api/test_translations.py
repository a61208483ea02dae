"""An item's languages in the API: `languages`, `translations` and
`translation_of` on every item, the `available` filter, and the two write actions
with their permissions and field errors."""

import pytest
from django.utils import timezone

from contributions.models import ItemTranslation, Resource
from tests.api.conftest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(make_resource):
    item = make_resource("Biomarker guide", "published")
    ItemTranslation.objects.create(
        resource=item,
        language="pl",
        title="Przewodnik",
        summary="Opis.",
        published_at=timezone.now(),
    )
    ItemTranslation.objects.create(resource=item, language="fr", title="Guide", summary="Résumé.")
    return item


def test_items_list_their_languages_and_published_translations(api, guide, partner):
    body = api().get(f"/api/v1/resources/{guide.slug}/").json()
    assert body["languages"] == ["en", "pl"]
    assert [row["language"] for row in body["translations"]] == ["pl"]
    assert body["translations"][0] == {
        "language": "pl",
        "title": "Przewodnik",
        "summary": "Opis.",
        "url": "",
        "status": "published",
        "created_at": body["translations"][0]["created_at"],
    }
    assert body["translation_of"] is None
    # Its organisation sees the one waiting for review too.
    member = api(partner).get(f"/api/v1/resources/{guide.slug}/").json()
    assert {row["language"]: row["status"] for row in member["translations"]} == {
        "fr": "awaiting_review",
        "pl": "published",
    }
    listed = api().get("/api/v1/resources/").json()["results"]
    assert listed[0]["languages"] == ["en", "pl"]


def test_the_available_filter_is_strict_in_the_api(api, guide, make_resource):
    make_resource("Other", "published")
    found = api().get("/api/v1/resources/", {"available": "pl"}).json()["results"]
    assert [row["slug"] for row in found] == [guide.slug]
    response = api().get("/api/v1/resources/", {"available": "xx"})
    assert response.status_code == 400
    assert "available" in error_of(response)["fields"]


def test_the_schema_documents_the_filter_and_the_actions(api):
    schema = api().get("/api/v1/schema/", {"format": "json"}).json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/resources/"]["get"]["parameters"]}
    assert "available" in parameters
    assert "/api/v1/resources/{slug}/translations/" in schema["paths"]
    assert "/api/v1/initiatives/{slug}/translation-of/" in schema["paths"]


def test_a_member_adds_a_translation(api, guide, partner):
    response = api(partner).post(
        f"/api/v1/resources/{guide.slug}/translations/",
        {"language": "de", "title": "Leitfaden", "summary": "Kurz.", "url": ""},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["status"] == "awaiting_review"
    assert guide.translations.get(language="de").created_by == partner


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"language": "en", "title": "T", "summary": "S"}, "language"),
        ({"language": "pl", "title": "T", "summary": "S"}, "language"),
        ({"language": "mul", "title": "T", "summary": "S"}, "language"),
        ({"language": "de", "title": "T" * 201, "summary": "S"}, "title"),
        ({"language": "de", "title": "T", "summary": "S" * 601}, "summary"),
        ({"language": "de", "title": "T", "summary": "S", "url": "nope"}, "url"),
    ],
)
def test_bad_translations_are_400s_naming_the_field(api, guide, partner, body, field):
    response = api(partner).post(
        f"/api/v1/resources/{guide.slug}/translations/", body, format="json"
    )
    assert response.status_code == 400
    assert field in error_of(response)["fields"]
    assert guide.translations.count() == 2


def test_only_members_add_translations(api, guide, other_partner, curator):
    body = {"language": "de", "title": "T", "summary": "S"}
    url = f"/api/v1/resources/{guide.slug}/translations/"
    assert api().post(url, body, format="json").status_code == 401
    assert api(other_partner).post(url, body, format="json").status_code == 403
    assert api(curator).post(url, body, format="json").status_code == 403


def test_translation_of_refuses_an_unpublished_item_of_another_organisation(
    api, partner, make_resource, other_organisation
):
    mine = make_resource("Notre guide", "draft", language="fr")
    hidden = make_resource("Their draft", "draft", organisation=other_organisation)
    url = f"/api/v1/resources/{mine.slug}/translation-of/"
    response = api(partner).post(url, {"translation_of": hidden.slug}, format="json")
    assert response.status_code == 400
    assert "translation_of" in error_of(response)["fields"]
    response = api(partner).post(url, {"translation_of": mine.slug}, format="json")
    assert response.status_code == 400
    assert "translation_of" in error_of(response)["fields"]

    published = make_resource("Their guide", "published", organisation=other_organisation)
    response = api(partner).post(url, {"translation_of": published.slug}, format="json")
    assert response.status_code == 200
    assert response.json()["translation_of"] == published.slug
    assert response.json()["languages"] == ["fr", "en"]
    assert Resource.objects.get(pk=mine.pk).translation_of == published
    response = api(partner).post(url, {"translation_of": None}, format="json")
    assert response.json()["translation_of"] is None
