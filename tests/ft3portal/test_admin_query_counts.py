"""Admin changelists cost the same number of queries for 3 rows as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier
from contributions.models import (
    Initiative,
    ModerationEvent,
    Resource,
)
from stakeholders.models import Membership, Organisation
from tests.ft3portal.support import (
    add_barriers,
    add_initiatives,
    add_memberships,
    add_moderation_events,
    add_organisations,
    add_resources,
    admin_url,
    client_for,
)

# Changelists must cost the same number of queries for 3 rows as for 30.


@pytest.mark.parametrize(
    ("model", "add_rows"),
    [
        (Resource, add_resources),
        (Initiative, add_initiatives),
        (Organisation, add_organisations),
        (Membership, add_memberships),
        (Barrier, add_barriers),
        (ModerationEvent, add_moderation_events),
    ],
)
def test_changelist_queries_do_not_grow_with_rows(
    model, add_rows, admin_user, organisation, patients_group
):
    client = client_for(admin_user)
    url = admin_url(model, "changelist")
    context = {
        "organisation": organisation,
        "patients_group": patients_group,
        "decider": admin_user,
    }

    def queries_for_page(expected_rows: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response.context["cl"].result_count == expected_rows
        return len(queries)

    before = model.objects.count()
    add_rows(3, **context)
    client.get(url)  # Warm per-process caches (content types, sessions) first.
    with_3 = queries_for_page(before + 3)
    add_rows(27, **context)
    assert queries_for_page(before + 30) == with_3
