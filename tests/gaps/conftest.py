"""Fixtures shared by the gaps tests."""

import pytest

from tests.gaps.support import ACCESS, LAG, REIMBURSEMENT, TESTING, UNAWARE


@pytest.fixture
def german_work(make_resource, make_initiative):
    """Two resources and an initiative in Germany, one resource in France, and
    unpublished work that must not count."""
    make_resource(
        "Reimbursement guide",
        "published",
        stages=[TESTING, ACCESS],
        barriers=[REIMBURSEMENT, LAG],
        countries=["DE"],
        therapeutic_areas=["lung-cancer"],
    )
    make_resource(
        "Awareness leaflet", "published", stages=[TESTING], barriers=[UNAWARE], countries=["DE"]
    )
    make_initiative(
        "Reimbursement campaign",
        "published",
        stages=[TESTING],
        barriers=[REIMBURSEMENT],
        countries=["DE", "FR"],
    )
    make_resource(
        "French guide", "published", stages=[TESTING], barriers=[REIMBURSEMENT], countries=["FR"]
    )
    for status in ["draft", "submitted", "changes_requested", "rejected", "archived"]:
        make_resource(
            f"Hidden {status}", status, stages=[TESTING], barriers=[REIMBURSEMENT], countries=["DE"]
        )
