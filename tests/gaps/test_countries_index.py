"""The countries index (/countries/): a self-hosted world map coloured by the work
that applies in each country, and a table of the same numbers, sortable by link."""

import re

import pytest

from gaps.world import coverage_by_country, world_map
from tests.gaps.support import REIMBURSEMENT, TESTING

pytestmark = pytest.mark.django_db


def table_rows(body: str) -> list[tuple[str, str, int, int]]:
    """(code, name, all that applies, for the country itself) of each table row."""
    table = body[body.index('class="country-table"') :]
    return [
        (code, name, int(total), int(here))
        for code, name, total, here in re.findall(
            r'<th scope="row"><a href="/countries/(\w\w)/">([^<]+)</a></th>\s*<td>[^<]*</td>\s*'
            r'<td class="country-table__number">(\d+)</td>\s*'
            r'<td class="country-table__number">(\d+)</td>',
            table,
        )
    ]


@pytest.fixture
def european_work(german_work, make_resource, make_initiative):
    """German and French work (german_work), a Europe-wide resource and a global
    initiative."""
    make_resource(
        "Europe-wide guide",
        "published",
        stages=[TESTING],
        barriers=[REIMBURSEMENT],
        regions=["europe"],
    )
    make_initiative(
        "Global network",
        "published",
        stages=[TESTING],
        barriers=[REIMBURSEMENT],
        regions=["global"],
    )


def test_the_table_counts_regional_and_global_work_as_the_library_does(european_work, client):
    response = client.get("/countries/")

    assert response.status_code == 200
    rows = {code: (total, here) for code, _name, total, here in table_rows(response.text)}
    # Germany: 2 resources + 1 initiative of its own, the Europe-wide guide, global work.
    assert rows["DE"] == (5, 3)
    # France: its guide and the shared initiative, with the same wider work.
    assert rows["FR"] == (4, 2)
    # Poland: only the Europe-wide and global work; Brazil only global work.
    assert rows["PL"] == (2, 0)
    assert rows["BR"] == (1, 0)
    library = client.get("/resources/?country=DE").text
    assert "3 results" in library  # its 2 resources and the Europe-wide guide
    directory = client.get("/initiatives/?country=PL").text
    assert "1 result" in directory


def test_every_country_is_listed_and_linked(client):
    rows = table_rows(client.get("/countries/").text)

    assert len(rows) >= 249
    assert ("PL", "Poland", 0, 0) in rows


def test_the_table_sorts_by_a_link_and_ignores_an_unknown_sort(european_work, client):
    by_total = table_rows(client.get("/countries/?sort=total").text)
    by_here = table_rows(client.get("/countries/?sort=here").text)
    by_name = table_rows(client.get("/countries/?sort=nonsense").text)

    assert [row[0] for row in by_total[:2]] == ["DE", "FR"]
    assert [row[0] for row in by_here[:2]] == ["DE", "FR"]
    assert by_name[0][1] == "Afghanistan"
    body = client.get("/countries/?sort=total").text
    assert 'aria-sort="descending"' in body
    assert 'href="?sort=name"' in body


def test_the_map_is_inline_svg_with_a_link_and_a_name_per_country(european_work, client):
    body = client.get("/countries/").text

    svg = body[body.index("<svg") : body.index("</svg>")]
    assert 'aria-hidden="true"' in svg[:200]
    germany = re.search(
        r'<a href="/countries/DE/" tabindex="-1"><title>Germany: 5 items</title>'
        r'<path class="world-map__shape world-map__shape--(\d)"',
        svg,
    )
    assert germany is not None and germany.group(1) == "4"
    poland = re.search(
        r'<title>Poland: 2 items</title><path class="world-map__shape '
        r'world-map__shape--(\d)"',
        svg,
    )
    assert poland is not None and poland.group(1) == "2"
    assert "https://" not in svg  # nothing loaded from elsewhere
    assert "CC BY 4.0" in body


def test_the_map_has_a_shape_for_nearly_every_country(db):
    rows, _legend = coverage_by_country()

    missing = [str(row.country.code) for row in rows if not row.shape]
    assert len(missing) <= 12, missing
    assert world_map()["viewBox"] == "0 0 1010 666"


def test_the_index_is_linked_from_the_menu_and_country_pages(client):
    assert 'href="/countries/"' in client.get("/").text
    assert 'href="/countries/"' in client.get("/countries/fr/").text


def test_the_index_takes_a_bounded_number_of_queries(
    european_work, client, django_assert_max_num_queries
):
    client.get("/countries/")  # builds the facet index once
    with django_assert_max_num_queries(25):
        assert client.get("/countries/?sort=here").status_code == 200
