"""The library on a phone: results before the filters, which fold into "Filter (n)"
(a <details>, so it works without JavaScript), and the feed, CSV and API links after
the results. The first screen itself is measured in tests/browser/test_phone_first.py."""

import re

import pytest

pytestmark = pytest.mark.django_db


def disclosure(body: str) -> str:
    return body[body.index('<details class="filters__disclosure"') : body.index("</details>")]


def test_the_filters_fold_into_a_disclosure_closed_at_first(client):
    body = client.get("/resources/").text

    folded = disclosure(body)
    assert '<details class="filters__disclosure" data-open-on-wide-screens>' in folded
    assert re.search(r"<summary [^>]*><h2 id=\"filters-heading\">Filter</h2></summary>", folded)
    assert 'name="country"' in folded and "Apply filters" in folded
    assert "js/library-filters.js" in body


def test_the_disclosure_counts_the_active_filters(client, make_resource):
    make_resource("Test guide", "published", stages=["testing-decision"], countries=["DE"])

    body = client.get("/resources/?stage=testing-decision&country=DE&q=guide").text

    assert (
        'Filter (2)<span class="visually-hidden"> active filters</span></h2></summary>'
        in disclosure(body)
    )
    one = client.get("/initiatives/?stage=testing-decision").text
    assert 'Filter (1)<span class="visually-hidden"> active filter</span>' in one


def test_the_results_come_before_the_exports_and_the_digest_link_is_on_top(client, make_resource):
    make_resource("Test guide", "published", stages=["testing-decision"])

    body = client.get("/resources/?q=guide").text

    results = body.index('id="results-heading"')
    assert results < body.index("Email me what’s new here") < body.index("Test guide")
    assert body.index("Test guide") < body.index("This view as CSV")
    assert body.index("Test guide") < body.index("Atom feed of this view")


def test_the_gap_map_says_that_the_table_continues_sideways(client):
    body = client.get("/gaps/").text

    assert "scroll it sideways to see all 8 stages." in body
    hint = re.search(r'class="coverage-scroll__hint" id="([^"]+)"', body).group(1)
    assert f'aria-describedby="{hint}"' in body
