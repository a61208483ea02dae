"""allauth's pages in the portal's layout: labelled forms, no inline styles or scripts."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.conftest import logged_in

ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
]
LOGGED_IN_PAGES = ["account_email", "account_change_password", "account_logout"]


class FormAudit(HTMLParser):
    """Collects what the CSP and accessibility checks need from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: set[str] = set()
        self.fields: list[str] = []
        self.inline_styles = 0
        self.scripts_without_nonce = 0
        self.h1 = 0
        self.in_main = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if "style" in attributes:
            self.inline_styles += 1
        if tag == "script" and "nonce" not in attributes:
            self.scripts_without_nonce += 1
        if tag == "main":
            self.in_main = True
        if tag == "h1" and self.in_main:
            self.h1 += 1
        if tag == "label" and "for" in attributes:
            self.labels.add(attributes["for"])
        if (
            self.in_main
            and tag in ("input", "select", "textarea")
            and attributes.get("type") not in ("hidden", "submit")
        ):
            self.fields.append(attributes.get("id") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.in_main = False


def audit(response) -> FormAudit:
    assert response.status_code == 200
    parser = FormAudit()
    parser.feed(response.content.decode())
    return parser


def assert_portal_page(page: FormAudit) -> None:
    assert page.h1 == 1
    assert page.inline_styles == 0
    assert page.scripts_without_nonce == 0
    unlabelled = [field for field in page.fields if field not in page.labels]
    assert unlabelled == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_anonymous_account_pages_are_labelled_and_csp_safe(client, name):
    page = audit(client.get(reverse(name)))

    assert_portal_page(page)


@pytest.mark.django_db
@pytest.mark.parametrize("name", LOGGED_IN_PAGES)
def test_logged_in_account_pages_are_labelled_and_csp_safe(member, name):
    response = logged_in(member).get(reverse(name))

    assert_portal_page(audit(response))
    assert reverse("portal:profile").encode() in response.content


@pytest.mark.django_db
def test_pages_with_forms_have_fields_to_audit(client):
    # So that the checks above cannot pass on a page whose form went missing.
    assert len(audit(client.get(reverse("account_signup"))).fields) == 4


@pytest.mark.django_db
def test_rate_limited_answer_is_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "1/m/ip"}
    client.post(reverse("account_reset_password"), {"email": "a@example.org"})

    response = client.post(reverse("account_reset_password"), {"email": "b@example.org"})

    assert response.status_code == 429
