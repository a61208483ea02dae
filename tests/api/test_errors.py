"""Every error answers in one JSON shape with the right status, and no input, however
malformed, makes the API fail with a 500."""

import pytest
from rest_framework.test import APIClient

from contributions.api import ResourceViewSet
from tests.api.conftest import error_of

pytestmark = pytest.mark.django_db

PAYLOAD = (
    '{"title": "T", "summary": "S", "organisation": "lung-patients-network", '
    '"resource_type": "report", "url": "https://example.org/t"}'
)


def test_unknown_urls_under_the_api_are_json_404s(api):
    for path in ("/api/v1/nothing-here/", "/api/v1/resources/a/b/c/", "/api/v1/%00/"):
        response = api().get(path)
        assert response.status_code == 404
        assert error_of(response)["code"] == "not_found"
    response = api().post("/api/v1/resources")
    assert response.status_code == 404
    assert "Did you mean /api/v1/resources/?" in error_of(response)["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/resources/%00/",
        "/api/v1/resources/caf%C3%A9/",
        "/api/v1/resources/%FF%FE/",
        "/api/v1/resources/" + "a" * 5000 + "/",
        "/api/v1/countries/D%00/",
        "/api/v1/revisions/99999999999999999999999999/",
        "/api/v1/revisions/-1/",
    ],
)
def test_odd_item_urls_are_404s(api, partner, path):
    response = api(partner).get(path)
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize(
    "query",
    [
        "q=%FF%FE%FD",
        "q=%00%01%02",
        "q=caf%C3%A9+%F0%9F%A7%AC",
        "q=%ED%A0%80",
        "stage=%00",
        "country=%FF",
        "year=99999999999999999999999999999",
        "page_size=99999999999999999999999999999",
        "page=1e3",
        "sort=%00",
        "q=" + "x" * 10_000,
        "q=a" + "&stage=x" * 1200,
    ],
)
def test_bad_query_strings_are_400s_or_answered(api, make_resource, query):
    make_resource("Biomarker", "published")
    for url in ("/api/v1/resources/", "/api/v1/initiatives/", "/api/v1/resources.csv"):
        response = api().get(f"{url}?{query}")
        assert response.status_code in (200, 400), (url, query, response.status_code)
        if response.status_code == 400:
            error_of(response)


def test_raw_invalid_utf8_in_the_query_string_is_handled(make_resource):
    client = APIClient()
    response = client.get("/api/v1/resources/", QUERY_STRING="q=\xff\xfe&stage=\x00")
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"title": "\xff\xfe"}', "parse_error"),
        (b'{"title": ', "parse_error"),
        (b"[1, 2, 3]", "invalid"),
        (b'"just a string"', "invalid"),
        (b"null", "invalid"),
        (b'{"title": "\\ud800", "summary": "S"}', "invalid"),
        (b'{"title": "a\\u0000b", "summary": "S"}', "invalid"),
        (b'{"title": NaN}', "parse_error"),
        (b'{"year": 1e999}', "invalid"),
        (PAYLOAD.replace('"T"', "1" + "0" * 400).encode(), "invalid"),
        (PAYLOAD.replace('"T"', '"' + "t" * 100_000 + '"').encode(), "invalid"),
        (PAYLOAD.replace('"report"', '["report"]').encode(), "invalid"),
        (PAYLOAD.replace('"https://example.org/t"', "true").encode(), "invalid"),
    ],
)
def test_bad_bodies_are_400s(api, partner, body, code):
    response = api(partner).generic(
        "POST", "/api/v1/resources/", body, content_type="application/json"
    )
    assert response.status_code == 400, response.content[:300]
    assert error_of(response)["code"] == code


def test_bad_bodies_for_actions_are_400s(api, curator, make_resource):
    submitted = make_resource("Submitted", "submitted")
    for body in ('{"reasons": "duplicate"}', '{"reasons": [["duplicate"]]}', "[]", '{"note": []}'):
        response = api(curator).generic(
            "POST",
            f"/api/v1/resources/{submitted.slug}/reject/",
            body,
            content_type="application/json",
        )
        assert response.status_code == 400, body
        error_of(response)


def test_a_body_that_is_not_json_is_a_415(api, partner):
    response = api(partner).generic(
        "POST", "/api/v1/resources/", "title=T", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert error_of(response)["code"] == "unsupported_media_type"


def test_a_validation_error_names_each_field(api, partner):
    response = api(partner).post("/api/v1/resources/", {"title": ""})
    error = error_of(response)
    assert response.status_code == 400
    assert error["code"] == "invalid"
    # No "organisation": a partner of one organisation writes for it unless told otherwise.
    assert set(error["fields"]) == {"title", "summary", "resource_type", "url"}
    assert all(isinstance(messages, list) for messages in error["fields"].values())


def test_a_bug_is_a_json_500_and_is_reported(partner, monkeypatch, caplog):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ResourceViewSet, "list", broken)
    client = APIClient(raise_request_exception=False)
    response = client.get("/api/v1/resources/")
    assert response.status_code == 500
    assert error_of(response)["code"] == "server_error"
    assert "boom" not in response.content.decode()
    assert any(record.exc_info and "boom" in str(record.exc_info[1]) for record in caplog.records)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/barriers/?category=%00",
        "/api/v1/barriers/?stage=a%00b",
        "/api/v1/organisations/?country=%00",
        "/api/v1/countries/?region=%00",
        "/api/v1/therapeutic-areas/?parent=%00",
        "/api/v1/revisions/?status=%00",
        "/api/v1/resources/?organisation=%00x",
        "/api/v1/initiatives.csv?audience=%00",
    ],
)
def test_nul_bytes_in_filters_never_reach_the_database(api, curator, url):
    # PostgreSQL refuses NUL in text: a value that carried one into a query would fail.
    response = api(curator).get(url)
    assert response.status_code in (200, 400)
