"""A pending change is announced once per page, in natural words ("now", "5 minutes ago"),
never as "0 minutes" or three times over."""

import re

import pytest

from tests.conftest import logged_in
from tests.curation.test_queue import propose_change

pytestmark = pytest.mark.django_db

WHEN = re.compile(r"[Pp]roposed (?:by [\w.@]+ )?(?:now|\d+ seconds? ago|a second ago)")


@pytest.fixture
def pending(make_resource, partner):
    item = make_resource("Know your biomarker", "published", countries=["DE"])
    propose_change(item, partner, summary="A clearer summary.")
    return item


def test_the_item_page_says_once_that_a_change_waits(pending, partner):
    body = logged_in(partner).get(pending.get_absolute_url()).content.decode()

    assert body.count("waiting for review") == 1, body.count("waiting for review")
    assert len(WHEN.findall(body)) == 1, WHEN.findall(body)
    assert "0 minutes" not in body


def test_the_review_page_says_once_when_the_change_was_proposed(pending, curator):
    body = logged_in(curator).get(f"/curation/resource/{pending.slug}/").content.decode()

    assert len(WHEN.findall(body)) == 1, WHEN.findall(body)
    assert "0 minutes" not in body


def test_the_queue_says_how_long_ago_in_natural_words(pending, curator):
    body = logged_in(curator).get("/curation/").content.decode()

    assert "Know your biomarker" in body
    assert "0 minutes" not in body
    assert re.search(r"<time [^>]*>(now|\d+ seconds? ago|a second ago)</time>", body)
