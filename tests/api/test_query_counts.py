"""Every list answers with a fixed number of queries, whatever the number of rows:
pinned at two data sizes. (Each row is serialised with its related objects, which
a missing prefetch would turn into one query per row.)"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.models import Revision

pytestmark = pytest.mark.django_db

TAGS = {
    "stages": ["testing-decision", "monitoring"],
    "barriers": ["test-not-reimbursed"],
    "countries": ["DE", "FR"],
    "regions": ["europe"],
    "therapeutic_areas": ["lung-cancer"],
    "audiences": ["payers", "clinicians"],
}


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("collection", "expected"),
    [
        # Each: COUNT for the pagination, then the page.
        ("stages", 2),
        ("barrier-categories", 2),
        ("stakeholder-groups", 2),
        ("regions", 2),
        # The page joins the parent area / region / group and country.
        ("therapeutic-areas", 2),
        ("countries", 2),
        ("organisations", 2),
        # COUNT, the page with its category, then stages, actors and evidence.
        ("barriers", 5),
    ],
)
def test_reference_lists_run_a_fixed_number_of_queries(api, organisation, collection, expected):
    client = api()
    assert queries(client, f"/api/v1/{collection}/?page_size=1") == expected
    assert queries(client, f"/api/v1/{collection}/?page_size=100") == expected


def add_items(make_resource, make_initiative, other_organisation, partner, start: int, n: int):
    for i in range(start, start + n):
        resource = make_resource(f"Resource {i}", "published", **TAGS)
        initiative = make_initiative(f"Initiative {i}", "published", **TAGS)
        initiative.partner_organisations.set([other_organisation])
        initiative.related_resources.set([resource])
        make_resource(f"Draft {i}", "draft", **TAGS)
        Revision.propose(resource, {"title": f"Better {i}"}, by=partner)
        Revision.propose(initiative, {"title": f"Better {i}"}, by=partner)


# Anonymous: COUNT, the page (with organisation and group), then one query each for
# stages, barriers, countries, regions, therapeutic areas and audiences; initiatives
# add partner organisations and related resources; the page's translations, and its
# languages (languages_of: translations, then the items' families). CSV downloads have no COUNT, and
# their tag queries are per chunk of 2,000 items (contributions/api/downloads.py).
ANONYMOUS = {
    "/api/v1/resources/": 11,
    "/api/v1/initiatives/": 13,
    "/api/v1/resources.csv": 7,
    "/api/v1/initiatives.csv": 9,
}
# A member, by token: the token (with its user), whether the user is a curator (for
# what they may see), the same queries as above, the pending revisions and the
# organisations the user acts for (for `review` and `pending_revision`).
MEMBER = {
    "/api/v1/resources/": 15,
    "/api/v1/initiatives/": 17,
    "/api/v1/resources.csv": 9,
    "/api/v1/initiatives.csv": 11,
    # The token, whether the user is a curator, COUNT and the page (with the items).
    "/api/v1/revisions/": 4,
}


def test_contribution_lists_run_a_fixed_number_of_queries(
    api, make_resource, make_initiative, other_organisation, partner, monkeypatch
):
    # A token's use is recorded again after API_TOKEN_USE_RESOLUTION (a minute); adding
    # the items can take longer than that on a busy machine, which would add that write.
    monkeypatch.setattr("accounts.models.API_TOKEN_USE_RESOLUTION", timedelta(days=1))
    anonymous, member = api(), api(partner)
    member.get("/api/v1/stages/")  # records the token's first use, a write not pinned here
    add_items(make_resource, make_initiative, other_organisation, partner, 0, 1)
    small = {url: queries(anonymous, url) for url in ANONYMOUS}
    small_member = {url: queries(member, url) for url in MEMBER}

    add_items(make_resource, make_initiative, other_organisation, partner, 1, 12)
    assert {url: queries(anonymous, url) for url in ANONYMOUS} == small == ANONYMOUS
    assert {url: queries(member, url) for url in MEMBER} == small_member == MEMBER
