"""The barriers by category, and a barrier's page: its stages, who can act, the
published work addressing it and the countries where that work happens."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier, BarrierCategory, EvidenceLink

pytestmark = pytest.mark.django_db

NON_PUBLISHED = ["draft", "submitted", "changes_requested", "rejected", "archived"]
BARRIER = "test-not-reimbursed"


@pytest.fixture
def hidden_items(make_resource, make_initiative):
    """Work on the barrier in every non-published state, all of it in Italy."""
    for status in NON_PUBLISHED:
        make_resource(f"Hidden resource {status}", status, barriers=[BARRIER], countries=["IT"])
        make_initiative(f"Hidden initiative {status}", status, barriers=[BARRIER], countries=["IT"])


def published_on_barrier(make_resource, make_initiative, n: int) -> None:
    for i in range(n):
        make_resource(f"Resource {i}", "published", barriers=[BARRIER], countries=["DE", "FR"])
        make_initiative(f"Initiative {i}", "published", barriers=[BARRIER], countries=["DE"])


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_list_shows_every_barrier_under_its_category_in_order(client):
    response = client.get("/barriers/")
    assert response.status_code == 200
    body = response.content.decode()
    positions = []
    for category in BarrierCategory.objects.all():
        heading = body.index(f'id="{category.slug}-heading"')
        positions.append(heading)
        assert category.description.replace("'", "&#x27;") in body
        for barrier in category.barriers.all():
            assert body.index(f'href="/barriers/{barrier.slug}/"') > heading
    assert positions == sorted(positions)
    assert len(positions) == 6


def test_list_links_each_barrier_to_its_stages(client):
    body = client.get("/barriers/").content.decode()
    start = body.index('href="/barriers/weak-referral-routes/"')
    end = body.index("</li>", start)
    assert 'href="/pathway/referral-assessment/"' in body[start:end]
    assert 'href="/pathway/monitoring/"' not in body[start:end]


def test_list_runs_three_queries(client):
    # 1 the categories, 2 their barriers, 3 the barriers' stages
    assert count_queries(client, "/barriers/") == 3


def test_detail_shows_the_barrier_its_stages_actors_and_evidence(client):
    barrier = Barrier.objects.get(slug=BARRIER)
    barrier.description = "Nobody pays for the *test*."
    barrier.save()
    EvidenceLink.objects.create(barrier=barrier, title="A survey", url="https://example.org/s")
    response = client.get(f"/barriers/{BARRIER}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<h1>{barrier.title}</h1>" in body
    assert barrier.summary in body
    assert "Nobody pays for the <em>test</em>." in body
    assert 'href="/barriers/#financing-regulation"' in body
    assert 'href="/pathway/testing-decision/"' in body
    assert 'href="/pathway/sample-analysis/"' in body
    assert 'href="/stakeholders/#payers"' in body
    assert 'href="/stakeholders/#hta-bodies"' in body
    assert '<a href="https://example.org/s" rel="noopener">A survey</a>' in body


def test_detail_shows_only_published_work(client, make_resource, make_initiative, hidden_items):
    published_on_barrier(make_resource, make_initiative, 1)
    response = client.get(f"/barriers/{BARRIER}/")
    body = response.content.decode()
    assert "Resource 0" in body
    assert "Initiative 0" in body
    assert "Hidden" not in body
    assert response.context["resource_count"] == 1
    assert response.context["initiative_count"] == 1


def test_detail_shows_six_of_each_and_links_to_all(client, make_resource, make_initiative):
    published_on_barrier(make_resource, make_initiative, 7)
    response = client.get(f"/barriers/{BARRIER}/")
    assert len(response.context["resources"]) == 6
    assert len(response.context["initiatives"]) == 6
    body = response.content.decode()
    assert 'href="/resources/?barrier=test-not-reimbursed">See all 7 resources' in body
    assert 'href="/initiatives/?barrier=test-not-reimbursed">See all 7 initiatives' in body


def test_detail_counts_published_work_per_country(
    client, make_resource, make_initiative, hidden_items
):
    published_on_barrier(make_resource, make_initiative, 2)
    response = client.get(f"/barriers/{BARRIER}/")
    countries = {work.code: work for work in response.context["countries"]}
    assert set(countries) == {"DE", "FR"}
    assert (countries["DE"].resources, countries["DE"].initiatives) == (2, 2)
    assert (countries["FR"].resources, countries["FR"].initiatives) == (2, 0)
    body = response.content.decode()
    assert 'href="/initiatives/?barrier=test-not-reimbursed&amp;country=DE">2 initiatives' in body
    assert 'href="/resources/?barrier=test-not-reimbursed&amp;country=FR">2 resources' in body
    assert 'href="/countries/DE/">Germany</a>' in body
    assert 'href="/countries/FR/">France</a>' in body
    assert "/initiatives/?barrier=test-not-reimbursed&amp;country=FR" not in body
    assert "Italy" not in body


def test_detail_says_when_no_country_is_known(client):
    body = client.get(f"/barriers/{BARRIER}/").content.decode()
    assert "No work on this barrier is linked to a country yet." in body


def test_unknown_barrier_is_404(client):
    assert client.get("/barriers/no-such-barrier/").status_code == 404


def test_detail_query_count_does_not_grow(client, make_resource, make_initiative):
    published_on_barrier(make_resource, make_initiative, 2)
    few = count_queries(client, f"/barriers/{BARRIER}/")
    published_on_barrier(make_resource, make_initiative, 10)
    many = count_queries(client, f"/barriers/{BARRIER}/")
    # 1 the barrier and its category; 2-4 its stages, actors and evidence (its sources)
    # 5 the glossary terms its text may use
    # 6-7 resources: the cards, then their links to the six kinds of tag in one query
    # 8-9 initiatives: the same
    # once per content version:
    # 10-15 the stages, barriers, audiences, countries, regions and areas the links
    #       point to (contributions/models/tag_lists.py)
    # 16-17 the barriers, and how many published items address each (one pass over
    #       the coverage entries)
    # 18-19 countries with published resources, then with published initiatives
    assert few == many == 19


def test_detail_counts_once_per_content_version(
    client, rendered_pages, make_resource, make_initiative
):
    published_on_barrier(make_resource, make_initiative, 1)
    first = count_queries(client, f"/barriers/{BARRIER}/")

    assert count_queries(client, f"/barriers/{BARRIER}/") == first - 10


def test_detail_shows_a_change_at_once(client, rendered_pages, make_resource, make_initiative):
    published_on_barrier(make_resource, make_initiative, 1)
    before = client.get(f"/barriers/{BARRIER}/")
    assert (before.context["resource_count"], before.context["initiative_count"]) == (1, 1)
    assert [c.code for c in before.context["countries"]] == ["FR", "DE"]

    make_resource("Another resource", "published", barriers=[BARRIER], countries=["IT"])
    make_initiative("A draft", "draft", barriers=[BARRIER], countries=["ES"])

    after = client.get(f"/barriers/{BARRIER}/")
    assert (after.context["resource_count"], after.context["initiative_count"]) == (2, 1)
    assert [c.code for c in after.context["countries"]] == ["FR", "DE", "IT"]


def test_barrier_sitemap_lists_every_barrier(client):
    body = client.get("/sitemap-barriers.xml").content.decode()
    for slug in Barrier.objects.values_list("slug", flat=True):
        assert f"/barriers/{slug}/</loc>" in body
