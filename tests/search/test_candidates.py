"""The site search's candidates and counts at scale (issues #12 and #14): counts
that stop at the candidates ("400+" on the page, `count_capped` in the API) and
candidates taken in tiers, rows holding every word first. Run on SQLite and on
PostgreSQL (where only the candidates are ranked exactly)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.search import site_search
from search import matching

SEARCH = "/search/"
API = "/api/v1/search/"


@pytest.fixture
def few_candidates(monkeypatch):
    monkeypatch.setattr(matching, "CANDIDATES", 3)


@pytest.fixture
def many(make_resource):
    """Five published resources holding "quokka", more than three candidates."""
    return [
        make_resource(f"Quokka survey {n}", status="published", summary="Field notes.")
        for n in range(5)
    ]


def test_a_count_beyond_the_candidates_stops_there_in_one_limited_query(few_candidates, many):
    with CaptureQueriesContext(connection) as captured:
        results = site_search("quokka", per_kind=2)

    [section] = results.sections
    assert (section.count, section.capped, results.capped) == (3, True, True)
    assert section.count_label == "3+"
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1 and "LIMIT 4" in counts[0]


def test_a_count_within_the_candidates_is_exact(few_candidates, make_resource):
    for n in range(3):
        make_resource(f"Quokka survey {n}", status="published")

    [section] = site_search("quokka", per_kind=2).sections

    assert (section.count, section.capped) == (3, False)
    assert section.count_label == "3"


def test_the_page_and_the_api_say_the_count_stopped(client, monkeypatch, make_resource):
    # A full page of ten (PER_KIND) and more than the eleven candidates.
    monkeypatch.setattr(matching, "CANDIDATES", 11)
    for n in range(12):
        make_resource(f"Quokka survey {n}", status="published")

    body = client.get(SEARCH, {"q": "quokka"}).content.decode()
    answer = client.get(API, {"q": "quokka"}).json()

    assert "11+ results for “quokka”" in body
    assert 'Resources <span class="count">(11+)</span>' in body
    assert "See them all in the library, with filters" in body
    assert answer["count"] == 11 and answer["count_capped"] is True
    [resources] = answer["results"]
    assert (resources["count"], resources["count_capped"]) == (11, True)


def test_the_page_and_the_api_give_an_exact_count_as_it_is(client, make_resource):
    make_resource("Quokka survey", status="published")

    body = client.get(SEARCH, {"q": "quokka"}).content.decode()
    answer = client.get(API, {"q": "quokka"}).json()

    assert "1 result for “quokka”" in body and "+" not in body.split("<h1")[1][:80]
    assert answer["count_capped"] is False and answer["results"][0]["count_capped"] is False


def test_rows_holding_every_word_come_first_however_many_newer_rows_hold_one(
    few_candidates, make_resource
):
    """Older rows holding all three words (in their description only) are
    candidates and ranked first, ahead of many newer rows naming one word in
    their title, although the candidates are fewer than those."""
    every = [
        make_resource(
            f"Field report {n}",
            status="published",
            description="Wombat and quokka counts on the numbat reserve.",
        )
        for n in range(2)
    ]
    for n in range(6):
        make_resource(f"Wombat survey {n}", status="published")

    results = site_search("wombat quokka numbat", per_kind=5)

    [section] = results.sections
    assert {hit.item.pk for hit in section.hits[:2]} == {item.pk for item in every}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the tiers are PostgreSQL's")
def test_the_tiers_follow_the_rank_title_then_summary_then_the_rest(few_candidates, make_resource):
    from contributions.models import Resource
    from search.query import parse

    body = make_resource("Report one", status="published", description="About the quokka.")
    summary = make_resource("Report two", status="published", summary="A quokka census.")
    title = make_resource("Quokka report", status="published", summary="A census.")
    make_resource("Report three", status="published", description="Quokka again.")
    query = parse("quokka", correct=False)
    pool = [phrase for group in query.groups for phrase in group.alternatives]

    chosen = Resource.objects.filter(
        pk__in=matching.candidates(Resource.objects.published(), "resource", query, pool)
    ).values_list("pk", flat=True)

    # Three candidates: the title, then the summary, then the newest of the rest.
    assert body.pk not in set(chosen)
    assert {title.pk, summary.pk} <= set(chosen)


def _candidates(query_text: str, *, few: bool) -> list[int]:
    from contributions.models import Resource
    from search.query import parse

    query = parse(query_text, correct=False)
    pool = matching.rarest(query, {})
    found = matching.candidates(Resource.objects.published(), "resource", query, pool, few=few)
    return sorted(Resource.objects.filter(pk__in=found).values_list("pk", flat=True))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the tiers are PostgreSQL's")
@pytest.mark.parametrize("every_words", [2, 3, 5])
def test_rows_holding_every_word_read_once_give_the_same_candidates(
    few_candidates, make_resource, every_words
):
    """Read once when few (as many as the candidates or fewer) or through the
    three tiers when more, the rows holding every word give the same candidates
    as the tiers alone, and a row holding one word fills what they leave."""
    every = [
        make_resource(f"Wombat quokka report {n}", status="published") for n in range(every_words)
    ]
    one = [make_resource(f"Wombat survey {n}", status="published") for n in range(4)]
    make_resource("Numbat notes", status="published")

    tiers, once = _candidates("wombat quokka", few=False), _candidates("wombat quokka", few=True)

    assert once == tiers
    assert len(once) == 3
    held = {item.pk for item in every} & set(once)
    assert len(held) == min(every_words, 3)
    assert set(once) - held <= {item.pk for item in one}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_the_rows_holding_every_word_are_read_once_when_the_statistics_say_few(db, monkeypatch):
    from contributions.models import Resource
    from search.query import parse

    shares = {"cancer": 0.9, "patient": 0.8, "lung": 0.2, "cost": 0.3, "reimburs": 0.18}
    monkeypatch.setattr(matching, "statistics", lambda model, using: (shares, 100_000.0))
    rows = Resource.objects.published()

    def few(text: str) -> bool:
        return matching.few_hold_every(rows, parse(text, correct=False))

    # 90 % x 80 % of 100,000 rows: the tiers, newest first; one word: no such rows.
    assert not few("cancer patients")
    assert not few("cancer")
    # Five words together in about 780 rows: more than a quarter of 400.
    assert not few("cancer patients lung cost reimbursement")
    # Seven words, two too rare to be counted (each taken as common as the
    # rarest counted, 18 %): about 25 rows expected.
    assert few("cancer patients lung cost reimbursement wombat quokka")
