"""Stakeholder groups with their verified organisations, and an organisation's
page with its published resources and initiatives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathway.models import Country
from stakeholders.models import Organisation, StakeholderGroup

pytestmark = pytest.mark.django_db

NON_PUBLISHED = ["draft", "submitted", "changes_requested", "rejected", "archived"]


@pytest.fixture
def unverified_organisation(patients_group) -> Organisation:
    return Organisation.objects.create(
        name="Proposed Patients Group", slug="proposed-patients-group", group=patients_group
    )


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_list_shows_every_group_with_an_anchor_and_its_description(client):
    response = client.get("/stakeholders/")
    assert response.status_code == 200
    body = response.content.decode()
    positions = []
    for group in StakeholderGroup.objects.all():
        positions.append(body.index(f'id="{group.slug}"'))
        assert group.description.replace("'", "&#x27;") in body
    assert len(positions) == 13
    assert positions == sorted(positions)


def test_list_shows_verified_organisations_only(
    client, organisation, other_organisation, unverified_organisation
):
    body = client.get("/stakeholders/").content.decode()
    assert 'href="/organisations/lung-patients-network/"' in body
    assert "Germany" in body
    assert 'href="/organisations/colorectal-alliance/"' in body
    assert "Proposed Patients Group" not in body


def test_list_query_count_does_not_grow(client, patients_group):
    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            Organisation.objects.create(
                name=f"Org {i}",
                slug=f"org-{i}",
                group=patients_group,
                country=Country.objects.get(code="DE"),
                verified=True,
            )

    add(2, 0)
    few = count_queries(client, "/stakeholders/")
    add(10, 2)
    # 1 the groups, 2 their verified organisations with countries
    assert few == count_queries(client, "/stakeholders/") == 2


def test_organisation_page_shows_its_details(client, organisation):
    organisation.website = "https://lungpatients.example.org"
    organisation.description = "Patients helping patients."
    organisation.save()
    response = client.get("/organisations/lung-patients-network/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Lung Patients Network</h1>" in body
    assert "Patients helping patients." in body
    assert "Germany" in body
    assert 'href="/stakeholders/#patients-advocacy"' in body
    assert 'href="https://lungpatients.example.org" rel="noopener"' in body


def test_unverified_organisation_is_404(client, unverified_organisation):
    assert client.get("/organisations/proposed-patients-group/").status_code == 404


def test_unknown_organisation_is_404(client):
    assert client.get("/organisations/nobody/").status_code == 404


def test_organisation_page_shows_its_published_work_only(
    client, organisation, other_organisation, make_resource, make_initiative
):
    make_resource("Our booklet", "published")
    make_initiative("Our campaign", "published")
    partnered = make_initiative("Their network", "published", organisation=other_organisation)
    partnered.partner_organisations.add(organisation)
    make_initiative("Someone else's work", "published", organisation=other_organisation)
    for status in NON_PUBLISHED:
        make_resource(f"Hidden resource {status}", status)
        hidden = make_initiative(f"Hidden initiative {status}", status)
        hidden.partner_organisations.add(organisation)
    response = client.get("/organisations/lung-patients-network/")
    body = response.content.decode()
    assert "Our booklet" in body
    assert "Our campaign" in body
    assert "Their network" in body
    assert "Someone else" not in body
    assert "Hidden" not in body
    assert response.context["resource_count"] == 1
    assert response.context["initiative_count"] == 2
    assert 'href="/resources/?organisation=lung-patients-network"' in body


def test_organisation_page_query_count_does_not_grow(
    client, organisation, other_organisation, make_resource, make_initiative
):
    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            make_resource(f"Resource {i}", "published", countries=["DE"])
            make_initiative(f"Initiative {i}", "published", countries=["DE"])
            partnered = make_initiative(
                f"Partnered {i}", "published", organisation=other_organisation
            )
            partnered.partner_organisations.add(organisation)

    add(2, 0)
    few = count_queries(client, "/organisations/lung-patients-network/")
    add(10, 2)
    many = count_queries(client, "/organisations/lung-patients-network/")
    # 1 the organisation with its group and country
    # 2-8 resources: the cards and their six prefetched tag lists; 9 how many
    # 10-16 initiatives it leads or partners in: the same; 17 how many
    assert few == many == 17


def test_organisation_sitemap_lists_verified_organisations_only(
    client, organisation, unverified_organisation
):
    body = client.get("/sitemap-organisations.xml").content.decode()
    assert "/organisations/lung-patients-network/</loc>" in body
    assert "proposed-patients-group" not in body
