"""Text that is not prose (only web addresses, numbers, punctuation, emoji, one word
repeated 10,000 times) gets an answer from the synergy finder, never an error: from
the engine, from /contributions/similar/ while typing, and on a published item's page,
which lists related work."""

import pytest

from synergies.profile import Profile
from synergies.similarity import find_similar
from tests.conftest import logged_in

from .drafts import DRAFTS
from .library import load_library

pytestmark = pytest.mark.django_db

PATHOLOGICAL = [draft for draft in DRAFTS if "pathological" in draft.variations]


def test_pathological_drafts_get_an_answer(make_resource, partner):
    load_library()
    # A published item made only of web addresses, as some partners' first drafts are.
    addresses = make_resource(
        "OncoKB.org", "published", summary="www.oncokb.org", barriers=["test-not-reimbursed"]
    )
    tags = {"barriers": list(addresses.barriers.all())}
    client = logged_in(partner)

    for draft in PATHOLOGICAL:
        for profile in (
            Profile(title=draft.title, summary=draft.summary, kind="resource"),
            Profile.from_tags(title=draft.title, summary=draft.summary, tags=tags),
        ):
            assert isinstance(find_similar(profile), list), draft.title
        response = client.get(
            "/contributions/similar/",
            {"kind": draft.kind, "title": draft.title, "summary": draft.summary},
        )
        assert response.status_code == 200, draft.title
        assert "matches" in response.json()
    assert client.get(addresses.get_absolute_url()).status_code == 200
