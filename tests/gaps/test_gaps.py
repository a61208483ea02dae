"""The gap map (/gaps/), its CSV and API twins, and the country pages: what is
counted where, what is marked as a gap, and what it costs."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier, BarrierCategory
from contributions.models import Initiative, Resource
from gaps.coverage import Scope, compare, level_of
from gaps.entries import rebuild_entries
from gaps.models import CoverageEntry
from pathway.models import Country, Stage

pytestmark = pytest.mark.django_db

TESTING = "testing-decision"
ACCESS = "treatment-access"
REIMBURSEMENT = "test-not-reimbursed"  # financing & regulation
LAG = "drug-test-reimbursement-lag"  # financing & regulation
UNAWARE = "patients-unaware-of-testing"  # education & awareness


def cell(matrix, category: str, stage: str):
    row = next(r for r in matrix.rows if r.slug == category)
    return next(c for c in row.cells if c.stage.slug == stage)


def barrier_cell(matrix, barrier: str, stage: str):
    row = next(b for r in matrix.rows for b in r.barriers if b.slug == barrier)
    return next(c for c in row.cells if c.stage.slug == stage)


def matrix_for(**scope):
    [matrix], _legend = compare([Scope(**scope)], expand={"financing-regulation"})
    return matrix


@pytest.fixture
def german_work(make_resource, make_initiative):
    """Two resources and an initiative in Germany, one resource in France, and
    unpublished work that must not count."""
    make_resource(
        "Reimbursement guide",
        "published",
        stages=[TESTING, ACCESS],
        barriers=[REIMBURSEMENT, LAG],
        countries=["DE"],
        therapeutic_areas=["lung-cancer"],
    )
    make_resource(
        "Awareness leaflet", "published", stages=[TESTING], barriers=[UNAWARE], countries=["DE"]
    )
    make_initiative(
        "Reimbursement campaign",
        "published",
        stages=[TESTING],
        barriers=[REIMBURSEMENT],
        countries=["DE", "FR"],
    )
    make_resource(
        "French guide", "published", stages=[TESTING], barriers=[REIMBURSEMENT], countries=["FR"]
    )
    for status in ["draft", "submitted", "changes_requested", "rejected", "archived"]:
        make_resource(
            f"Hidden {status}", status, stages=[TESTING], barriers=[REIMBURSEMENT], countries=["DE"]
        )


# Counting


def test_an_item_counts_once_in_each_stage_and_category_it_is_tagged_with(german_work):
    matrix = matrix_for(country=Country.objects.get(code="DE"))

    money = cell(matrix, "financing-regulation", TESTING)
    assert (money.resources, money.initiatives) == (1, 1)
    # Two barriers of one category still count the guide once.
    assert cell(matrix, "financing-regulation", ACCESS).total == 1
    assert cell(matrix, "education-awareness", TESTING).resources == 1
    assert cell(matrix, "education-awareness", ACCESS).is_gap
    assert (matrix.resources, matrix.initiatives) == (2, 1)


def test_single_barriers_are_counted_one_level_down(german_work):
    matrix = matrix_for(country=Country.objects.get(code="DE"))

    assert barrier_cell(matrix, REIMBURSEMENT, TESTING).total == 2
    assert barrier_cell(matrix, LAG, TESTING).total == 1
    assert barrier_cell(matrix, LAG, "monitoring").is_gap


def test_without_filters_everything_published_counts(german_work):
    matrix = matrix_for()

    assert cell(matrix, "financing-regulation", TESTING).total == 3
    assert (matrix.resources, matrix.initiatives) == (3, 1)
    assert matrix.scope.label == "Everywhere"


def test_regions_and_areas_select_items_as_the_library_does(german_work, client):
    from pathway.models import Region, TherapeuticArea

    europe = matrix_for(region=Region.objects.get(slug="europe"))
    oncology = matrix_for(area=TherapeuticArea.objects.get(slug="oncology"))

    assert cell(europe, "financing-regulation", TESTING).total == 3
    # Lung cancer is part of oncology, as in the library's filter.
    assert cell(oncology, "financing-regulation", TESTING).total == 1
    library = client.get(
        "/resources/?area=oncology&stage=testing-decision&category=financing-regulation"
    )
    assert len(library.context["page"].object_list) == 1


def test_the_library_link_of_a_cell_lists_what_the_cell_counts(german_work, client):
    matrix = matrix_for(country=Country.objects.get(code="DE"))
    money = cell(matrix, "financing-regulation", TESTING)

    assert money.resources_url == (
        "/resources/?stage=testing-decision&category=financing-regulation&country=DE"
    )
    resources = client.get(money.resources_url).context["page"].object_list
    initiatives = client.get(money.initiatives_url).context["page"].object_list
    assert len(resources) == money.resources
    assert len(initiatives) == money.initiatives
    lag = barrier_cell(matrix, LAG, TESTING)
    assert "barrier=drug-test-reimbursement-lag" in lag.resources_url


def test_the_colour_scale_is_shared_by_compared_matrices_and_has_a_legend(german_work):
    matrices, legend = compare(
        [
            Scope(country=Country.objects.get(code="DE")),
            Scope(country=Country.objects.get(code="FR")),
        ]
    )

    germany, france = matrices
    # The highest count anywhere (2, in Germany) sets the darkest level for both.
    assert cell(germany, "financing-regulation", TESTING).level == 4
    assert cell(france, "financing-regulation", TESTING).level == 4
    assert cell(france, "education-awareness", TESTING).level == 0
    assert [(e.level, e.label) for e in legend] == [(0, "0: a gap"), (2, "1"), (4, "2")]
    assert [level_of(n, 8) for n in (0, 1, 2, 3, 4, 7, 8)] == [0, 1, 1, 2, 2, 4, 4]


# Keeping the entries in step


def entry_of(item):
    return CoverageEntry.objects.filter(**{item.kind: item}).first()


def test_entries_follow_publishing_archiving_and_tag_changes(make_resource, curator):
    item = make_resource("Guide", "submitted", stages=[TESTING], barriers=[REIMBURSEMENT])
    assert entry_of(item) is None

    item.publish(by=curator)
    assert entry_of(item).stage_bits == 1 << Stage.objects.get(slug=TESTING).pk

    item.stages.add(Stage.objects.get(slug=ACCESS))
    item.barriers.set([Barrier.objects.get(slug=UNAWARE)])
    entry = entry_of(item)
    assert entry.stage_bits == sum(
        1 << s.pk for s in Stage.objects.filter(slug__in=[TESTING, ACCESS])
    )
    assert entry.category_bits == 1 << BarrierCategory.objects.get(slug="education-awareness").pk

    item.archive(by=curator)
    assert entry_of(item) is None


def test_entries_follow_changes_made_from_the_other_side_of_a_link(make_resource):
    item = make_resource("Guide", "published", stages=[TESTING], barriers=[REIMBURSEMENT])
    access = Stage.objects.get(slug=ACCESS)

    access.resources.add(item)
    assert entry_of(item).stage_bits & 1 << access.pk

    access.resources.clear()
    assert not entry_of(item).stage_bits & 1 << access.pk


def test_moving_a_barrier_to_another_category_moves_its_items(make_resource):
    item = make_resource("Guide", "published", stages=[TESTING], barriers=[REIMBURSEMENT])
    barrier = Barrier.objects.get(slug=REIMBURSEMENT)
    equity = BarrierCategory.objects.get(slug="equity")

    barrier.category = equity
    barrier.save()

    assert entry_of(item).category_bits == 1 << equity.pk


def test_rebuilding_the_entries_changes_nothing_when_they_are_in_step(german_work):
    def entries():
        return {
            (e.resource_id, e.initiative_id, e.stage_bits, e.category_bits, e.barrier_bits)
            for e in CoverageEntry.objects.all()
        }

    before = entries()

    rebuild_entries()

    assert entries() == before
    assert len(before) == 4


def test_a_taxonomy_too_large_for_the_bits_is_counted_from_the_links(german_work):
    category = BarrierCategory.objects.get(slug="equity")
    Barrier.objects.create(pk=100, slug="far", title="Far", summary="x", category=category)

    matrix = matrix_for(country=Country.objects.get(code="DE"))

    assert cell(matrix, "financing-regulation", TESTING).total == 2
    assert barrier_cell(matrix, LAG, TESTING).total == 1


# Cost


def page_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # The categories with their barriers (2), the stages, one aggregate of the
        # coverage entries per kind (2), the options of the four filters (4).
        ("/gaps/", 9),
        # + the country looked up, + one aggregate per kind of the work for the
        # country itself (the rest being its region's and global work)
        ("/gaps/?country=DE", 12),
        # + one aggregate per kind for the barrier level, for both
        ("/gaps/?country=DE&expand=financing-regulation", 16),
        # + the second country and the area looked up, + the second matrix's aggregates
        ("/gaps/?country=DE&compare=FR&area=oncology", 18),
    ],
)
def test_the_map_costs_a_fixed_number_of_queries_whatever_the_content(
    client, make_resource, make_initiative, url, expected
):
    few = page_queries(client, url)
    for n in range(12):
        make_resource(
            f"Guide {n}",
            "published",
            stages=[TESTING, ACCESS, "monitoring"],
            barriers=[REIMBURSEMENT, UNAWARE, LAG],
            countries=["DE", "FR"],
            therapeutic_areas=["lung-cancer"],
        )
        make_initiative(f"Campaign {n}", "published", stages=[TESTING], barriers=[UNAWARE])
    many = page_queries(client, url)

    assert few == many == expected


@pytest.mark.parametrize("code", ["DE", "FR"])
def test_a_country_page_costs_the_same_whatever_the_content(
    client, make_resource, make_initiative, code
):
    def build(n):
        for i in range(n):
            make_resource(
                f"Guide {code}{n}{i}",
                "published",
                stages=[TESTING],
                barriers=[UNAWARE],
                countries=[code],
            )
            make_initiative(
                f"Campaign {code}{n}{i}",
                "published",
                stages=[TESTING],
                barriers=[UNAWARE],
                countries=[code],
            )
            make_initiative(
                f"Neighbour {code}{n}{i}", "published", barriers=[UNAWARE], countries=["NL"]
            )

    build(1)
    few = page_queries(client, f"/countries/{code}/")
    build(5)
    many = page_queries(client, f"/countries/{code}/")

    assert few == many


# The page


def test_the_map_marks_gaps_in_words_and_links_cells_to_the_library(german_work, client):
    response = client.get("/gaps/?country=de")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Where the gaps are" in body
    assert '<h2 id="coverage-heading-1">Germany</h2>' in body
    assert body.count(">Gap<") >= 40
    assert "no published work yet" in body
    assert (
        'href="/resources/?stage=testing-decision&amp;category=financing-regulation&amp;country=DE"'
        in body
    )
    assert "1 initiative<" in body
    assert "coverage__cell--4" in body
    assert "How to read the map" in body
    assert 'href="/countries/DE/"' in body


def test_categories_expand_to_their_barriers_without_javascript(german_work, client):
    closed = client.get("/gaps/?country=DE").content.decode()
    opened = client.get("/gaps/?country=DE&expand=financing-regulation").content.decode()

    assert "Drug approved, test not reimbursed yet" not in closed
    assert Barrier.objects.get(slug=LAG).title in opened
    toggle = re.search(r'<a class="coverage__toggle" href="([^"]+)">hide barriers', opened)[1]
    assert "expand" not in toggle.replace("&amp;", "&").split("country=DE")[1]
    show = re.search(r'<a class="coverage__toggle" href="([^"]+)">show barriers', closed)[1]
    assert "expand=" in show
    every = client.get("/gaps/?expand=all").content.decode()
    assert every.count('class="coverage__barrier"') == Barrier.objects.count()


def test_two_countries_are_compared_side_by_side(german_work, client):
    body = client.get("/gaps/?country=DE&compare=fr").content.decode()

    assert 'class="coverage-set coverage-set--compare"' in body
    assert body.index(">Germany</h2>") < body.index(">France</h2>")


def test_unknown_or_contradictory_filters_are_ignored_with_a_notice(german_work, client):
    response = client.get("/gaps/?country=ZZ&area=nope&compare=DE&expand=nothing")

    assert response.status_code == 200
    body = response.content.decode()
    assert "We ignored it." in body
    assert response.context["matrices"][0].scope.label == "Everywhere"
    assert len(response.context["matrices"]) == 1
    same = client.get("/gaps/?country=DE&compare=DE")
    assert "Choose a different country to compare with." in same.content.decode()


def test_the_numbers_download_as_csv(german_work, client):
    response = client.get("/gaps/?country=DE&compare=FR&format=csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="coverage-DE-FR.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["country", "region", "therapeutic area", "stage position"]
    categories, barriers = 6, Barrier.objects.count()
    assert len(rows) == 1 + 2 * 8 * (categories + barriers)
    money = next(
        r
        for r in rows
        if r[0] == "DE"
        and r[4] == "Testing decision & consent"
        and r[5] == "Financing & regulation"
        and not r[6]
    )
    assert money[7:] == ["1", "1", "2", "no"]


def test_the_map_is_printable_and_needs_no_inline_styles(client):
    body = client.get("/gaps/").content.decode()

    assert 'href="/static/css/gaps.css"' in body
    assert "style=" not in body
    with open("static/css/gaps.css") as css:
        assert "@media print" in css.read()


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


# Country pages


def test_a_country_page_shows_coverage_work_people_gaps_and_neighbours(
    german_work, client, make_initiative, other_organisation
):
    near = make_initiative(
        "Dutch reimbursement pilot",
        "published",
        organisation=other_organisation,
        barriers=[REIMBURSEMENT, LAG],
        countries=["NL"],
    )
    make_initiative(
        "Dutch other pilot", "published", barriers=["no-real-world-data"], countries=["NL"]
    )
    make_initiative("Brazilian pilot", "published", barriers=[REIMBURSEMENT], countries=["BR"])

    response = client.get("/countries/de/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Germany</h1>" in body
    assert "1 published initiatives and 2 resources are tagged with Germany" in body
    assert "Reimbursement guide" in body and "Reimbursement campaign" in body
    assert "French guide" not in body
    assert "Lung Patients Network" in body
    assert "The gaps" in body and "Monitoring &amp; living with the disease" in body
    neighbours = body[body.index('id="neighbours-heading"') :]
    assert neighbours.index(near.title) < neighbours.index("Dutch other pilot")
    assert "Brazilian pilot" not in neighbours
    assert "Shares 2 barriers with work in this country:" in neighbours


def test_country_codes_are_case_insensitive_and_unknown_ones_are_404(client):
    assert client.get("/countries/fr/").status_code == 200
    assert client.get("/countries/FR/").status_code == 200
    assert client.get("/countries/ZZ/").status_code == 404
    assert client.get("/countries/FRA/").status_code == 404
    assert client.get("/countries/1/").status_code == 404


def test_detail_pages_link_their_countries_to_country_pages(german_work, client):
    item = Resource.objects.get(title="Reimbursement guide")

    body = client.get(item.get_absolute_url()).content.decode()

    assert 'href="/countries/DE/"' in body
    assert 'href="/resources/?country=DE"' in body


def test_initiative_pages_suggest_potential_partners(
    german_work, client, other_organisation, make_resource
):
    make_resource(
        "Partner guide",
        "published",
        organisation=other_organisation,
        barriers=[REIMBURSEMENT],
        countries=["DE"],
    )
    item = Initiative.objects.get(title="Reimbursement campaign")

    body = client.get(item.get_absolute_url()).content.decode()

    partners = body[body.index('id="partners-heading"') :]
    assert "Colorectal Alliance" in partners
    assert "Works on Biomarker test not reimbursed in Germany." in partners


def test_the_map_and_every_country_page_are_in_the_sitemap_and_the_main_menu(client):
    body = client.get("/sitemap-gaps.xml").content.decode()
    assert "/gaps/</loc>" in body
    for code in Country.objects.values_list("code", flat=True):
        assert f"/countries/{code}/</loc>" in body
    menu = client.get("/countries/DE/").content.decode().split('aria-label="Main"')[1]
    assert '<a href="/gaps/" aria-current="page">Gaps</a>' in menu.split("</nav>")[0]
