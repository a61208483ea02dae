"""The gap map page: gaps in words, cells linked to the library, categories that
expand without JavaScript, comparisons, notices, CSV and print."""

import csv
import io
import re

import pytest

from barriers.models import Barrier
from tests.gaps.support import (
    LAG,
)

pytestmark = pytest.mark.django_db

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
    assert "From 1 published initiative and 2 resources." in body


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


def test_the_counts_above_a_matrix_are_real_plurals_in_every_language(german_work, client):
    body = client.get("/pl/gaps/?country=de").content.decode()
    summary = re.search(r'coverage-block__summary">(.*?)</p>', body, re.S).group(1)

    assert "published" not in summary and "resources" not in summary
    assert re.search(r"\b1 opublikowan\w+ inicjatyw\w*\b", summary), summary
