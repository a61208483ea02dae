"""One rule for "assessed as best or promising practice" (assessments.practice),
through the library's `practice` filter: web library, API, CSV, feeds, digests,
and the gap map's layer."""

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.test import Client
from django.utils import timezone

from assessments import workflow
from contributions.filters import LibraryQuery
from digests.digest import Window, matching
from digests.forms import InterestsForm

from .conftest import entries, make_reviewer

pytestmark = pytest.mark.django_db


def assess(initiative, owner, curator, outcome: str) -> None:
    framework = workflow.Framework.objects.current()
    assessment = workflow.open_round(initiative, owner)
    workflow.save_self_assessment(assessment, owner, entries(framework), submit=True)
    reviewer = make_reviewer(f"reviewer-{initiative.slug}")
    assignment = workflow.assign(assessment, reviewer, curator)
    workflow.declare(assignment, reviewer, conflict=False)
    workflow.review(assignment, reviewer, entries(framework))
    workflow.decide(assessment, curator, outcome=outcome, summary=f"{outcome} for now.")


@pytest.fixture
def assessed(make_initiative, owner, curator):
    """Published initiatives: one best, one promising, one not yet, one never assessed."""
    found = {}
    for outcome, country in [("best", "DE"), ("promising", "PL"), ("not_yet", "FR"), ("", "IT")]:
        item = make_initiative(
            f"Practice {outcome or 'unassessed'}",
            status="published",
            stages=["testing-decision"],
            barriers=["test-not-reimbursed"],
            countries=[country],
        )
        if outcome:
            assess(item, owner, curator, outcome)
        found[outcome or "unassessed"] = item
    return found


def titles(text: str, assessed: dict) -> set[str]:
    return {key for key, item in assessed.items() if item.title in text}


def test_the_library_filters_by_assessment(assessed):
    page = Client().get("/initiatives/?practice=best&practice=promising").text
    assert titles(page, assessed) == {"best", "promising"}
    assert titles(Client().get("/initiatives/?practice=best").text, assessed) == {"best"}
    assert 'name="practice" value="best"' in page


def test_the_api_csv_and_feed_use_the_same_rule(assessed):
    api = Client().get("/api/v1/initiatives/?practice=promising").json()
    assert [row["slug"] for row in api["results"]] == [assessed["promising"].slug]
    assert Client().get("/api/v1/initiatives/?practice=excellent").status_code == 400
    csv = Client().get("/api/v1/initiatives.csv?practice=best&practice=promising")
    assert titles(
        b"".join(csv.streaming_content).decode() if csv.streaming else csv.text, assessed
    ) == {"best", "promising"}
    feed = Client().get("/feeds/initiatives/?practice=best").content.decode()
    assert titles(feed, assessed) == {"best"}


def test_a_digest_can_follow_proven_practice_only(assessed):
    posted = QueryDict(mutable=True)
    posted.update({"frequency": "weekly", "kinds": "initiatives", "proven_only": "on"})
    form = InterestsForm(posted)
    assert form.is_valid(), form.errors
    query = form.library_query()
    assert QueryDict(query).getlist("practice") == ["best", "promising"]
    today = timezone.now().date()
    window = Window("weekly", today + timedelta(days=1), today - timedelta(days=7))
    found = matching(window, "initiative", query)
    assert found == {assessed["best"].pk, assessed["promising"].pk}
    again = InterestsForm(library=LibraryQuery.parse(query))
    assert again.initial["proven_only"] is True


def test_the_gap_map_shows_where_proven_practice_exists(assessed, curator):
    page = Client().get("/gaps/?proven=on").text
    assert "Where proven practice exists" in page
    assert "Germany: 1 initiative" in page and "Poland: 1 initiative" in page
    assert "France" not in page.split("Where proven practice exists")[1].split("</section>")[0]
    assert "2 proven practices" in page
    plain = Client().get("/gaps/").text
    assert "Where proven practice exists" not in plain
