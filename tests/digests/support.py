"""Helpers of the subscription tests: the form as posted, the emails sent, the
links in them and the state of the form's checkboxes."""

import re

from django.test import Client

from outbox.models import OutgoingEmail

FORM = {
    "email": "reader@example.org",
    "frequency": "weekly",
    "kinds": ["resources", "initiatives"],
    "stages": ["testing-decision"],
    "barriers": ["test-not-reimbursed"],
    "countries": ["DE"],
    "regions": ["europe"],
    "therapeutic_areas": ["lung-cancer"],
}
FORM_QUERY = (
    "area=lung-cancer&barrier=test-not-reimbursed&country=DE&region=europe&stage=testing-decision"
)


def subscribe(client: Client, **changes) -> object:
    return client.post("/digest/subscribe/", {**FORM, **changes})


def emails_to(address: str, template: str | None = None) -> list[OutgoingEmail]:
    emails = OutgoingEmail.objects.filter(to=address).order_by("created_at", "id")
    if template:
        emails = emails.filter(template=template)
    return list(emails)


def link_in(text: str, kind: str) -> str:
    return re.search(rf"https?://[^\s\"<]+(/digest/{kind}/[^\s\"<]+/)", text).group(1)


def checked(html: str, name: str, value: str) -> bool:
    return bool(re.search(rf'name="{name}" value="{re.escape(value)}"[^>]*checked', html))


def kept_filters(html: str) -> list[tuple[str, str]]:
    """(value, label) of each ticked "also from the library view" checkbox."""
    return re.findall(
        r'name="filters" value="([^"]*)"[^>]*checked[^>]*> <label[^>]*>([^<]*)</label>', html
    )
