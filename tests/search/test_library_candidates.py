"""The library's search (`/resources/?q=`) pages its candidates first and then the
other matches newest first, without sorting every match; past CANDIDATES matches
its count and facets are those of the best matches, shown "3+" (PostgreSQL).
On SQLite the library stays exact and in one ordering."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import Client

from contributions import facet_index
from contributions.filters import ResourceFilterSet
from contributions.models import Resource
from contributions.search import library_rows
from search import matching

pytestmark = pytest.mark.django_db
postgresql = connection.vendor == "postgresql"


@pytest.fixture
def wombats(make_resource, monkeypatch):
    monkeypatch.setattr(matching, "CANDIDATES", 3)
    titles = ["Wombat care", "A guide", "Wombat wombat", "Notes", "Burrows", "Wombats", "Soil"]
    for n, title in enumerate(titles):
        make_resource(
            title,
            "published",
            summary="About wombats." if n % 2 else "Plain.",
            description="Wombats dig.",
            countries=["PL"] if n < 4 else ["DE"],
            language="pl" if n in (2, 5) else "en",
        )
    make_resource("Wombat draft", "draft", description="Wombats.")
    facet_index.forget()


def filterset(data: str) -> ResourceFilterSet:
    found = ResourceFilterSet(QueryDict(data), queryset=Resource.objects.published())
    found.facets()
    return found


def test_pages_follow_the_whole_ranking(wombats, django_assert_max_num_queries):
    found = filterset("q=wombats")
    rows = library_rows(found)
    whole = list(found.qs.values_list("pk", flat=True))
    assert len(whole) == 7
    with django_assert_max_num_queries(3):  # candidates, the rest's page, the rows
        second = [row.pk for row in rows[2:4]]
    paged = [row.pk for start in range(0, 8, 2) for row in rows[start : start + 2]]
    assert paged == whole
    assert second == whole[2:4]


def test_the_words_apply_after_the_other_filters(wombats):
    # The candidates are the best matches in the country, not the best anywhere.
    found = filterset("q=wombats&country=DE&scope=exact")
    rows = library_rows(found)
    titles = [row.title for row in rows[0:3]]
    assert titles[0] == "Wombats"
    assert sorted(titles) == ["Burrows", "Soil", "Wombats"]


def test_past_the_candidates_the_count_and_facets_are_the_best_matches(wombats):
    found = filterset("q=wombats")
    languages = found.facet_counts()["language"][""]
    if not postgresql:
        assert (found.count_capped, found.matched_count) == (False, 7)
        assert languages == {"en": 5, "pl": 2}
        return
    assert (found.count_capped, found.matched_count) == (True, 3)
    best = Resource.objects.filter(pk__in=list(found.qs.values_list("pk", flat=True)[:3]))
    expected = {}
    for language in best.values_list("language", flat=True):
        expected[language] = expected.get(language, 0) + 1
    assert languages == expected


def test_the_page_says_the_count_stopped(wombats):
    page = Client().get("/resources/?q=wombats").content.decode()
    if postgresql:
        assert "3+ results" in page
        assert "7 results" not in page
    else:
        assert "7 results" in page


def test_few_matches_are_counted_exactly(wombats):
    found = filterset("q=burrows")
    assert (found.count_capped, found.matched_count) == (False, 1)


@pytest.mark.parametrize("sort", ["", "&sort=newest"])
def test_three_words_are_paged_from_the_answers_the_facets_read(
    wombats, sort, django_assert_max_num_queries
):
    """A query of three words or more: once the facets have read its answers,
    the page ranks those rows by id (one query) in the filterset's order, the
    rows the whole search gives."""
    found = filterset(f"q=wombats+dig+burrows{sort}")
    whole = list(found.qs.values_list("pk", flat=True))
    assert whole
    rows = library_rows(found)
    with django_assert_max_num_queries(1):
        paged = [row.pk for row in rows[0:8]]
    assert paged == whole
    if postgresql:
        # No candidates picked again: no tiers.
        assert "UNION ALL" not in str(rows.query)
