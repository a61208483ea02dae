"""The site-wide search (/search/) on the labelled query set of issue #12: the table
per query class is printed on every run (`-s`), and the issue's targets must hold
on SQLite and on PostgreSQL alike."""

from collections.abc import Mapping

import pytest
from django.db import connection

from pathway.models import Country
from portal.search import site_search

from .corpus import findable_texts, load_corpus
from .evaluation import evaluate, format_misses, format_table
from .queries import QUERIES, Key


def site_search_ranking(text: str, params: Mapping[str, str]) -> list[Key]:
    """What /search/ shows for a query, best first across kinds."""
    country = Country.objects.get(code=params["country"]) if "country" in params else None
    return [hit.key for hit in site_search(text, country).ranking()]


@pytest.mark.django_db
def test_site_search_meets_the_targets_of_issue_12(capsys):
    load_corpus()

    evaluation = evaluate(QUERIES, site_search_ranking, findable_texts())

    with capsys.disabled():
        print(
            "\n"
            + format_table(evaluation, f"Site search (/search/) on {connection.vendor}")
            + "\nMissed:\n"
            + format_misses(evaluation)
        )
    assert evaluation.shortfalls() == []
