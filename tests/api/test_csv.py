"""CSV downloads: every item the filters select (not one page), flattened to one
row per item, safe to open in a spreadsheet."""

import csv
import io

import pytest

from tests.api.conftest import error_of

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[dict]:
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_download_has_every_matching_item_not_one_page(api, make_resource):
    for n in range(23):
        make_resource(f"Resource {n:02d}", "published", stages=["testing-decision"])
    make_resource("Elsewhere", "published", stages=["monitoring"])
    make_resource("Not yet", "draft", stages=["testing-decision"])

    response = api().get("/api/v1/resources.csv?stage=testing-decision")
    assert response["Content-Disposition"] == 'attachment; filename="resources.csv"'
    rows = rows_of(response)
    assert len(rows) == 23
    listing = api().get("/api/v1/resources/?stage=testing-decision&page_size=100").json()
    assert [row["slug"] for row in rows] == [item["slug"] for item in listing["results"]]


def test_related_objects_are_flattened_to_slugs(api, make_resource, make_initiative):
    resource = make_resource(
        "Tagged",
        "published",
        stages=["testing-decision", "sample-analysis"],
        barriers=["test-not-reimbursed"],
        countries=["DE", "FR"],
        regions=["europe"],
        therapeutic_areas=["lung-cancer"],
        year=2024,
    )
    initiative = make_initiative("Pilot", "published", countries=["JP"], phase="planned")
    initiative.related_resources.set([resource])

    [row] = rows_of(api().get("/api/v1/resources.csv"))
    assert row["stages"] == "testing-decision;sample-analysis" or row["stages"] == (
        "sample-analysis;testing-decision"
    )
    assert set(row["countries"].split(";")) == {"DE", "FR"}
    assert row["organisation"] == "lung-patients-network"
    assert row["organisation_name"] == "Lung Patients Network"
    assert row["year"] == "2024"
    assert row["web_url"] == f"http://testserver/resources/{resource.slug}/"

    [row] = rows_of(api().get("/api/v1/initiatives.csv?phase=planned"))
    assert row["related_resources"] == resource.slug
    assert row["phase"] == "planned"
    assert row["countries"] == "JP"


def test_cells_a_spreadsheet_would_run_as_formulas_are_defused(api, make_resource):
    make_resource(
        '=HYPERLINK("http://evil.example","Click")',
        "published",
        summary="+cmd|' /C calc'!A0",
        description="@SUM(1+1)",
    )
    make_resource("-2+3", "published", summary="\tTabbed")
    rows = rows_of(api().get("/api/v1/resources.csv?sort=title"))
    cells = [value for row in rows for value in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t")]
    titles = {row["title"] for row in rows}
    assert '\'=HYPERLINK("http://evil.example","Click")' in titles
    assert "'-2+3" in titles


def test_anonymous_downloads_hold_published_items_members_see_their_drafts(
    api, partner, make_resource
):
    make_resource("Published", "published")
    make_resource("Draft", "draft")
    assert [row["title"] for row in rows_of(api().get("/api/v1/resources.csv"))] == ["Published"]
    titles = {row["title"] for row in rows_of(api(partner).get("/api/v1/resources.csv"))}
    assert titles == {"Published", "Draft"}


def test_a_bad_filter_is_a_json_400_even_when_csv_was_asked_for(api):
    response = api().get("/api/v1/resources.csv?stage=nope", HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert error_of(response)["fields"] == {"stage": ["Unknown value: nope."]}
    assert api().get("/api/v1/resources.csv?page=2").status_code == 400
    assert rows_of(api().get("/api/v1/initiatives.csv", HTTP_ACCEPT="text/csv")) == []


def test_asking_the_list_for_csv_points_to_the_download(api):
    response = api().get("/api/v1/resources/?format=csv")
    assert response.status_code == 404
    assert "/api/v1/resources.csv" in error_of(response)["message"]
    assert api().get("/api/v1/resources/?format=json").status_code == 200


def csv_built_from_instances(model, user, request_host="http://testserver") -> list[list[str]]:
    """The download as it was built before it streamed values(): from model
    instances with their tags prefetched, one cell at a time. The reference the
    streamed download must match, row for row and cell for cell."""
    from contributions.api.downloads import csv_safe
    from contributions.api.views import contribution_queryset
    from contributions.models import Initiative, Status

    def slugs(rows, key="slug"):
        return ";".join(str(getattr(row, key)) for row in rows)

    common = [
        lambda i: i.slug,
        lambda i: i.title,
        lambda i: i.summary,
        lambda i: i.description,
        lambda i: i.organisation.slug,
        lambda i: i.organisation.name,
        lambda i: slugs(i.stages.all()),
        lambda i: slugs(i.barriers.all()),
        lambda i: slugs(i.audiences.all()),
        lambda i: slugs(i.countries.all(), "code"),
        lambda i: slugs(i.regions.all()),
        lambda i: slugs(i.therapeutic_areas.all()),
        lambda i: i.language,
        lambda i: i.status,
        lambda i: i.published_at,
        lambda i: i.updated_at,
    ]
    if model is Initiative:
        extra = [
            lambda i: i.phase,
            lambda i: i.start_date,
            lambda i: i.end_date,
            lambda i: i.website,
            lambda i: i.outcomes,
            lambda i: slugs(i.partner_organisations.all()),
            lambda i: slugs(i.related_resources.all()),
        ]
    else:
        extra = [
            lambda i: i.resource_type,
            lambda i: i.url,
            lambda i: i.publisher,
            lambda i: i.year,
        ]
    rows = []
    for item in contribution_queryset(model, user):
        url = request_host + item.get_absolute_url() if item.status == Status.PUBLISHED else ""
        rows.append([csv_safe(value(item)) for value in (*common, *extra)] + [url])
    return rows


@pytest.mark.parametrize("kind", ["resources", "initiatives"])
@pytest.mark.parametrize("persona", ["anonymous", "partner", "curator"])
def test_the_streamed_download_of_the_demo_content_is_what_instances_gave(
    api, kind, persona, partner, curator
):
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command

    from contributions.models import Initiative, Resource

    call_command("loaddemo", stdout=io.StringIO())
    user = {"anonymous": None, "partner": partner, "curator": curator}[persona]
    model = {"resources": Resource, "initiatives": Initiative}[kind]
    response = api(user).get(f"/api/v1/{kind}.csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    _header, *rows = list(csv.reader(io.StringIO(text)))
    expected = csv_built_from_instances(model, user or AnonymousUser())
    assert len(rows) == len(expected) > 5
    assert rows == expected
    assert any(";" in cell for row in rows for cell in row)


def test_queries_grow_with_chunks_not_rows(api, make_resource, monkeypatch):
    """The main query, then one grouped query per related column per chunk: 12 rows
    in chunks of 5 cost three rounds of tag queries, not twelve."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from contributions.api.downloads import ContributionCSVView

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as context:
            rows = rows_of(api().get("/api/v1/resources.csv"))
        return len(rows), len(context.captured_queries)

    for n in range(5):
        make_resource(f"Resource {n:02d}", "published", stages=["monitoring"], countries=["DE"])
    monkeypatch.setattr(ContributionCSVView, "chunk_size", 5)
    rows, one_chunk = count()
    assert rows == 5
    for n in range(5, 12):
        make_resource(f"Resource {n:02d}", "published", stages=["monitoring"], countries=["FR"])
    rows, three_chunks = count()
    assert rows == 12
    # Six tag columns are queried per chunk (the main query streams on).
    assert three_chunks - one_chunk == 2 * 6
