"""Screen readers announce a form error with its field: every id an invalid page points
`aria-describedby` at must exist in that page (Django 6.1 points at id_<field>_error)."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from stakeholders.models import Membership
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.described_by: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for target in (attrs.get("aria-describedby") or "").split():
            self.described_by[target] = attrs.get("name") or attrs.get("id") or tag


def missing_targets(html: str) -> dict[str, str]:
    parser = Ids()
    parser.feed(html)
    return {
        target: owner for target, owner in parser.described_by.items() if target not in parser.ids
    }


def assert_errors_announced(response, field: str) -> None:
    html = response.content.decode()
    assert response.status_code in (200, 400)
    assert "aria-invalid" in html, "the page shows no invalid field"
    assert 'aria-describedby="' in html
    assert missing_targets(html) == {}
    assert f'id="id_{field}_error"' in html


def test_a_contribution_form(partner):
    response = logged_in(partner).post(
        reverse("contributions:resource-create"), {"title": "", "url": "nope"}
    )
    assert_errors_announced(response, "title")


def test_the_moderation_queue_filters(curator):
    response = logged_in(curator).get(reverse("curation:queue"), {"age": "-1"})
    assert_errors_announced(response, "age")


def test_a_decision_note(curator, pending_member):
    membership = Membership.objects.get(user=pending_member)
    response = logged_in(curator).post(
        reverse("curation:membership-decline", args=[membership.pk]), {"note": "x" * 1001}
    )
    assert_errors_announced(response, "note")


def test_an_organisation_proposal(pending_member):
    response = logged_in(pending_member).post(reverse("stakeholders:propose"), {"name": ""})
    assert_errors_announced(response, "name")


def test_signing_up():
    response = Client().post(reverse("account_signup"), {"email": "not-an-address"})
    assert_errors_announced(response, "email")


def test_subscribing():
    response = Client().post(reverse("digests:subscribe"), {"email": "not-an-address"})
    assert "not-an-address" in response.content.decode()
    assert_errors_announced(response, "email")
