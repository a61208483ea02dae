"""What the gap map and the country pages cost: a fixed number of queries,
whatever the content."""

import pytest

from tests.gaps.support import ACCESS, LAG, REIMBURSEMENT, TESTING, UNAWARE, page_queries

pytestmark = pytest.mark.django_db

# Cost


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # The categories with their barriers (2), the stages, one aggregate of the
        # coverage entries for both kinds, the options of the four filters (4).
        ("/gaps/", 8),
        # + the country looked up, + the global regions (once per content version),
        # the aggregate counting the work for the country itself in the same pass
        ("/gaps/?country=DE", 10),
        # + one aggregate for the barrier level
        ("/gaps/?country=DE&expand=financing-regulation", 11),
        # + the second country and the area looked up, + the second matrix's aggregate
        ("/gaps/?country=DE&compare=FR&area=oncology", 13),
    ],
)
def test_the_map_costs_a_fixed_number_of_queries_whatever_the_content(
    client, make_resource, make_initiative, url, expected
):
    few = page_queries(client, url)
    for n in range(12):
        make_resource(
            f"Guide {n}",
            "published",
            stages=[TESTING, ACCESS, "monitoring"],
            barriers=[REIMBURSEMENT, UNAWARE, LAG],
            countries=["DE", "FR"],
            therapeutic_areas=["lung-cancer"],
        )
        make_initiative(f"Campaign {n}", "published", stages=[TESTING], barriers=[UNAWARE])
    many = page_queries(client, url)

    assert few == many == expected


@pytest.mark.parametrize("code", ["DE", "FR"])
def test_a_country_page_costs_the_same_whatever_the_content(
    client, make_resource, make_initiative, code
):
    def build(n):
        for i in range(n):
            make_resource(
                f"Guide {code}{n}{i}",
                "published",
                stages=[TESTING],
                barriers=[UNAWARE],
                countries=[code],
            )
            make_initiative(
                f"Campaign {code}{n}{i}",
                "published",
                stages=[TESTING],
                barriers=[UNAWARE],
                countries=[code],
            )
            make_initiative(
                f"Neighbour {code}{n}{i}", "published", barriers=[UNAWARE], countries=["NL"]
            )

    build(1)
    few = page_queries(client, f"/countries/{code}/")
    build(5)
    many = page_queries(client, f"/countries/{code}/")

    assert few == many


def test_the_map_as_it_opens_is_counted_once_per_change(client, rendered_pages, make_resource):
    make_resource("Guide", "published", stages=[TESTING], barriers=[UNAWARE])
    first = page_queries(client, "/gaps/")
    # The same content: the coverage entries are not counted again, nor the options
    # of the four filters read (the categories with their barriers and the stages are).
    assert page_queries(client, "/gaps/") == first - 5 == 3

    make_resource("Another guide", "published", stages=[TESTING], barriers=[REIMBURSEMENT])

    assert page_queries(client, "/gaps/") == first
    assert client.get("/gaps/").context["matrices"][0].resources == 2
