"""The pathway map and the stage pages: the stages in order, their counts, and
only published resources and initiatives, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier
from pathway.models import Stage
from stakeholders.models import StakeholderGroup

pytestmark = pytest.mark.django_db

NON_PUBLISHED = ["draft", "submitted", "changes_requested", "rejected", "archived"]
STAGE = "testing-decision"


@pytest.fixture
def hidden_items(make_resource, make_initiative):
    """One resource and one initiative at the stage in every non-published state."""
    for status in NON_PUBLISHED:
        make_resource(f"Hidden resource {status}", status, stages=[STAGE], countries=["IT"])
        make_initiative(f"Hidden initiative {status}", status, stages=[STAGE], countries=["IT"])


def published_at_stage(make_resource, make_initiative, n: int, slug: str = STAGE) -> None:
    for i in range(n):
        make_resource(f"Resource {i}", "published", stages=[slug], countries=["DE"])
        make_initiative(f"Initiative {i}", "published", stages=[slug], countries=["DE"])


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_map_shows_the_eight_stages_in_order_linking_to_their_pages(client):
    response = client.get("/pathway/")
    assert response.status_code == 200
    body = response.content.decode()
    positions = [body.index(f'href="/pathway/{stage.slug}/"') for stage in Stage.objects.all()]
    assert len(positions) == 8
    assert positions == sorted(positions)
    assert "Sample &amp; laboratory analysis" in body


def test_map_counts_barriers_and_published_items_only(
    client, make_resource, make_initiative, hidden_items
):
    published_at_stage(make_resource, make_initiative, 2)
    response = client.get("/pathway/")
    stages = {stage.slug: stage for stage in response.context["stages"]}
    testing = stages[STAGE]
    assert testing.barrier_count == Barrier.objects.filter(stages__slug=STAGE).count()
    assert testing.resource_count == 2
    assert testing.initiative_count == 2
    assert stages["monitoring"].resource_count == 0
    body = response.content.decode()
    assert "2 resources" in body
    assert "Hidden" not in body


def test_map_runs_two_queries_whatever_the_number_of_items(client, make_resource, make_initiative):
    published_at_stage(make_resource, make_initiative, 2)
    few = count_queries(client, "/pathway/")
    published_at_stage(make_resource, make_initiative, 10)
    # The stages with their barrier counts; the items of every stage from the
    # coverage entries, grouped by their stage bit sets.
    assert few == count_queries(client, "/pathway/") == 2


def test_stage_counts_are_worked_out_once_per_change(
    client, rendered_pages, make_resource, make_initiative, curator
):
    published_at_stage(make_resource, make_initiative, 1)
    assert count_queries(client, "/pathway/") == 2
    # The same content: only the stages with their barrier counts are read again.
    assert count_queries(client, "/pathway/") == 1
    assert client.get(f"/pathway/{STAGE}/").context["stage"].resource_count == 1

    item = make_resource("Another", "submitted", stages=[STAGE])
    item.publish(by=curator)

    response = client.get("/pathway/")
    assert {s.slug: s.resource_count for s in response.context["stages"]}[STAGE] == 2
    archived = Stage.objects.get(slug=STAGE).resources.get(title="Another")
    archived.archive(by=curator)
    assert client.get(f"/pathway/{STAGE}/").context["stage"].resource_count == 1


def test_stage_page_shows_what_a_patient_needs(client):
    stage = Stage.objects.get(slug=STAGE)
    stage.description = "Tests can look at **one gene** or many."
    stage.save()
    response = client.get(f"/pathway/{STAGE}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Testing decision &amp; consent</h1>" in body
    assert "Stage 3 of 8" in body
    assert "Questions you can ask" in body
    for question in stage.questions:
        assert f"<li>{question}</li>" in body.replace("&#x27;", "'")
    assert "<strong>one gene</strong>" in body


def test_stage_page_groups_its_barriers_by_category(client):
    response = client.get(f"/pathway/{STAGE}/")
    body = response.content.decode()
    barriers = Barrier.objects.filter(stages__slug=STAGE).select_related("category")
    for barrier in barriers:
        assert f'href="/barriers/{barrier.slug}/"' in body
    assert "weak-referral-routes" not in body  # a stage 2 barrier
    # Categories in their order, each heading once.
    categories = []
    for barrier in barriers:
        if barrier.category.name not in categories:
            categories.append(barrier.category.name)
    headings = [body.index(f"<h3>{name.replace('&', '&amp;')}</h3>") for name in categories]
    assert headings == sorted(headings)


def test_stage_page_names_the_groups_who_act_on_its_barriers_once_each(client):
    response = client.get("/pathway/referral-assessment/")
    expected = list(
        StakeholderGroup.objects.filter(barriers__stages__slug="referral-assessment")
        .distinct()
        .order_by("position")
        .values_list("slug", flat=True)
    )
    assert [group.slug for group in response.context["groups"]] == expected
    body = response.content.decode()
    for slug in expected:
        assert body.count(f'href="/stakeholders/#{slug}"') == 1
    assert 'href="/stakeholders/#pathologists-labs"' not in body


def test_stage_page_shows_only_published_items(
    client, make_resource, make_initiative, hidden_items
):
    published_at_stage(make_resource, make_initiative, 1)
    response = client.get(f"/pathway/{STAGE}/")
    body = response.content.decode()
    assert "Resource 0" in body
    assert "Initiative 0" in body
    assert "Hidden" not in body
    assert 'href="/resources/?stage=testing-decision"' in body
    assert 'href="/initiatives/?stage=testing-decision"' in body


def test_stage_page_shows_the_six_newest_and_links_to_all(client, make_resource, make_initiative):
    published_at_stage(make_resource, make_initiative, 8)
    response = client.get(f"/pathway/{STAGE}/")
    assert [r.title for r in response.context["resources"]] == [
        f"Resource {i}" for i in range(7, 1, -1)
    ]
    assert len(response.context["initiatives"]) == 6
    body = response.content.decode()
    assert "See all 8 resources" in body
    assert "See all 8 initiatives" in body


def test_stage_page_has_no_see_all_link_when_nothing_is_published(client, hidden_items):
    body = client.get(f"/pathway/{STAGE}/").content.decode()
    assert "See all" not in body
    assert "No resources have been published for this stage yet." in body


def test_stage_page_links_the_previous_and_next_stages(client):
    body = client.get(f"/pathway/{STAGE}/").content.decode()
    assert 'href="/pathway/referral-assessment/" rel="prev"' in body
    assert 'href="/pathway/sample-analysis/" rel="next"' in body


def test_first_and_last_stages_have_one_neighbour(client):
    first = client.get("/pathway/awareness-diagnosis/")
    assert first.context["previous_stage"] is None
    assert first.context["next_stage"].slug == "referral-assessment"
    last = client.get("/pathway/monitoring/")
    assert last.context["previous_stage"].slug == "treatment-access"
    assert last.context["next_stage"] is None


@pytest.mark.parametrize("slug", ["no-such-stage", "TESTING-DECISION", "1"])
def test_unknown_stage_is_404(client, slug):
    assert client.get(f"/pathway/{slug}/").status_code == 404


def test_stage_page_query_count_does_not_grow(client, make_resource, make_initiative):
    published_at_stage(make_resource, make_initiative, 2)
    few = count_queries(client, f"/pathway/{STAGE}/")
    published_at_stage(make_resource, make_initiative, 10)
    many = count_queries(client, f"/pathway/{STAGE}/")
    # 1 all stages with their barrier counts (this one, its neighbours, "See all N"),
    # 2 the items of every stage from the coverage entries
    # 3 barriers at the stage with their categories, 4 the groups who act on them
    # 5-6 resources: the cards, then their links to the six kinds of tag in one query
    # 7-8 initiatives: the same
    # 9-14 the stages, barriers, audiences, countries, regions and areas the links
    #      point to, once per content version (contributions/models/tag_lists.py)
    # 15 the glossary terms its text may use, 16 its sources
    assert few == many == 16


def test_stage_sitemap_lists_every_stage(client):
    body = client.get("/sitemap-stages.xml").content.decode()
    for stage in Stage.objects.all():
        assert f"/pathway/{stage.slug}/</loc>" in body
    assert "/pathway/</loc>" not in body
