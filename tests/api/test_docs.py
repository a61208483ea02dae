"""The OpenAPI document and its docs page: a valid OpenAPI 3 document in which every
operation is described, with examples and its error responses; and a docs page
served from the portal's own static files under its Content-Security-Policy."""

import io
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def schema(client) -> dict:
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return json.loads(response.content)


def operations(schema: dict):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_the_schema_is_a_valid_openapi_3_document(schema):
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_the_schema_is_generated_without_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=io.StringIO())


def test_the_schema_covers_every_collection(schema):
    paths = set(schema["paths"])
    for collection in (
        "stages",
        "barrier-categories",
        "barriers",
        "stakeholder-groups",
        "organisations",
        "therapeutic-areas",
        "regions",
        "countries",
        "resources",
        "initiatives",
        "revisions",
    ):
        assert f"/api/v1/{collection}/" in paths
        key = "id" if collection == "revisions" else "code" if collection == "countries" else "slug"
        assert f"/api/v1/{collection}/{{{key}}}/" in paths
    assert {"/api/v1/resources.csv", "/api/v1/initiatives.csv"} <= paths


def test_every_operation_is_described_with_examples(schema):
    undocumented = []
    for path, method, operation in operations(schema):
        contents = [
            *operation.get("requestBody", {}).get("content", {}).values(),
            *(
                content
                for code, response in operation["responses"].items()
                if code.startswith("2")
                for content in response.get("content", {}).values()
            ),
        ]
        has_example = any("examples" in content or "example" in content for content in contents)
        if not operation.get("summary") or not operation.get("tags") or not has_example:
            undocumented.append(f"{method.upper()} {path}")
    assert undocumented == []


def test_every_operation_documents_its_errors_in_the_one_shape(schema):
    for path, method, operation in operations(schema):
        responses = operation["responses"]
        assert {"401", "429"} <= set(responses), (method, path)
        if method != "get":
            assert {"400", "403"} <= set(responses), (method, path)
        for code, response in responses.items():
            if code[0] in "45":
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/Error"
    error = schema["components"]["schemas"]["Error"]["properties"]["error"]
    assert error["required"] == ["status", "code", "message"]


def test_write_bodies_take_slugs_and_refuse_unknown_fields(schema):
    body = schema["components"]["schemas"]["ResourceWriteRequest"]
    assert body["additionalProperties"] is False
    assert "status" not in body["properties"]
    assert body["properties"]["stages"]["items"]["type"] == "string"
    read = schema["components"]["schemas"]["Resource"]
    assert read["properties"]["status"]["readOnly"] is True


def test_body_is_documented_as_the_deprecated_write_only_name_of_description(schema):
    components = schema["components"]["schemas"]
    for name in ("ResourceWriteRequest", "PatchedInitiativeWriteRequest"):
        properties = components[name]["properties"]
        assert properties["body"]["deprecated"] is True
        assert properties["body"]["writeOnly"] is True
        assert "deprecated" not in properties["description"]
    for name in ("Resource", "Initiative"):
        assert "description" in components[name]["properties"]
        assert "body" not in components[name]["properties"]


def test_the_duplicate_check_is_documented_with_an_example(schema):
    for path, method in [
        ("/api/v1/resources/", "post"),
        ("/api/v1/resources/{slug}/", "put"),
        ("/api/v1/initiatives/{slug}/", "patch"),
        ("/api/v1/initiatives/{slug}/submit/", "post"),
    ]:
        held = schema["paths"][path][method]["responses"]["409"]["content"]["application/json"]
        codes = [example["value"]["error"]["code"] for example in held["examples"].values()]
        assert "possible_duplicates" in codes, (method, path)
    error = schema["components"]["schemas"]["Error"]["properties"]["error"]["properties"]
    assert {"item", "decisions", "matches"} <= set(error)
    assert {"slug", "score", "strong", "reasons", "holds"} <= set(
        error["matches"]["items"]["properties"]
    )
    similar = schema["components"]["schemas"]["ResourceWriteRequest"]["properties"]["similar"]
    assert similar["items"]["$ref"] == "#/components/schemas/MarkRequest"
    submit = schema["paths"]["/api/v1/resources/{slug}/submit/"]["post"]["requestBody"]
    assert submit["content"]["application/json"]["examples"]


def test_tokens_and_sessions_are_the_documented_credentials(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["tokenAuth"]["description"],
    }
    assert "cookieAuth" in schemes
    listing = schema["paths"]["/api/v1/resources/"]["get"]
    assert {} in listing["security"]
    assert {} not in schema["paths"]["/api/v1/revisions/"]["get"]["security"]


def test_the_docs_page_loads_every_script_from_static_files(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert len(scripts) == 3
    assert all(body.strip() == "" for _attrs, body in scripts), "no inline script"
    sources = [re.search(r'src="([^"]+)"', attrs).group(1) for attrs, _body in scripts]
    assert "<style" not in html and " style=" not in html
    for source in sources[:2]:
        assert source.startswith("/static/drf_spectacular_sidecar/")
        assert finders.find(source.removeprefix("/static/")), source
    init = client.get(sources[2].replace("&amp;", "&"))
    assert init.status_code == 200
    assert init["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in init.content.decode()
    for sheet in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        assert finders.find(sheet.removeprefix("/static/")), sheet


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_docs_page_renders_in_a_browser_without_csp_violations(live_server):
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on(
                "console",
                lambda message: problems.append(message.text) if message.type == "error" else None,
            )
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(f"{live_server.url}/api/v1/docs/", wait_until="networkidle")
            page.wait_for_selector(".opblock", timeout=15_000)
            operation_count = page.locator(".opblock").count()
            title = page.locator(".info .title").inner_text()
        finally:
            browser.close()
    assert problems == []
    assert "FT3 Pathway Portal API" in title
    assert operation_count >= 40
