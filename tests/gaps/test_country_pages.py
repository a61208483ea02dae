"""Country pages (/countries/<code>/): coverage, work, people, gaps and neighbours,
linked from detail pages, the sitemap and the menu."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.models import Initiative, Resource
from pathway.models import Country
from tests.gaps.support import LAG, REIMBURSEMENT

pytestmark = pytest.mark.django_db

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
    assert "1 published initiative and 2 resources are tagged with Germany" in body
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
    assert "/gaps/</loc>" in body and "/countries/</loc>" in body
    for code in Country.objects.values_list("code", flat=True):
        assert f"/countries/{code}/</loc>" in body
    menu = client.get("/countries/DE/").content.decode().split('aria-label="Main"')[1]
    assert '<a href="/countries/" aria-current="page">Countries</a>' in menu.split("</nav>")[0]


def test_a_country_pages_counts_people_and_neighbours_are_kept_until_a_change(
    german_work, client, make_initiative
):
    make_initiative("Dutch pilot", "published", barriers=[REIMBURSEMENT], countries=["NL"])
    client.get("/countries/de/")
    # Another address of the same page, so that the page cache does not answer.
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/countries/de/?again=1").content.decode()
    read = " ".join(query["sql"] for query in queries)
    # Neither the coverage entries (counts, organisations) nor the neighbours' barriers.
    assert "contributions_coverageentry" not in read
    assert 'COUNT("contributions_initiative_barriers"' not in read
    assert "Dutch pilot" in body
    assert "1 published initiative and 2 resources are tagged with Germany" in body
    # A change is a new content version: shown at once.
    make_initiative("Austrian pilot", "published", barriers=[REIMBURSEMENT], countries=["AT"])
    make_initiative("German pilot", "published", barriers=[REIMBURSEMENT], countries=["DE"])
    body = client.get("/countries/de/?third=1").content.decode()
    assert "Austrian pilot" in body[body.index('id="neighbours-heading"') :]
    assert "2 published initiatives and 2 resources are tagged with Germany" in body
