"""The rank as one expression (search.scores): the same sum of terms on both
databases, and on PostgreSQL the query's tsqueries worked out once per search
rather than by the planner in every statement."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.models import Resource
from contributions.search import search
from portal.search import site_search

pytestmark = pytest.mark.django_db


def ranks(text: str, queryset=None) -> dict[str, float]:
    rows = search(queryset or Resource.objects.published(), text)
    return {row.title: row.rank for row in rows}


def test_the_rank_adds_each_word_its_places_and_the_phrase(make_resource):
    make_resource("Wombat quokka survey", "published", summary="Field notes.")
    make_resource("Field notes", "published", summary="A quokka count.")
    make_resource("Burrows", "published", description="Wombats dig; so do quokkas.")

    found = ranks("wombat quokka")

    # Two words without synonyms: each 1 + 0.15 / 2 as typed, + 0.5 / 2 in the
    # title, + 0.2 / 2 in the summary; + 0.14 for the words as a phrase.
    assert found["Wombat quokka survey"] == pytest.approx(2 * (1.075 + 0.25) + 0.14)
    assert found["Field notes"] == pytest.approx(1.075 + 0.1)
    assert found["Burrows"] == pytest.approx(2 * 1.075)


def test_a_synonym_counts_the_word_but_not_as_typed(make_resource):
    make_resource("Molecular tumour board guide", "published", summary="For hospitals.")
    make_resource("MTB guide", "published", summary="For hospitals.")

    found = ranks("MTB")

    # Matched through "molecular tumour board", not as typed: no 0.15.
    assert found["Molecular tumour board guide"] == pytest.approx(1.0 + 0.5)
    assert found["MTB guide"] == pytest.approx(1.15 + 0.5)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="tsqueries are PostgreSQL's")
def test_a_search_works_out_its_tsqueries_once_for_every_kind(make_resource):
    make_resource("Cost of lung cancer testing", "published")
    words = "cost of biomarker testing for lung cancer patients in hospital laboratories"

    with CaptureQueriesContext(connection) as queries:
        results = site_search(words, correct=False)

    assert results.sections
    statements = [query["sql"] for query in queries.captured_queries]
    assert len([sql for sql in statements if "phraseto_tsquery" in sql]) == 1
    assert any("::tsquery" in sql for sql in statements if "contributions_resource" in sql)
