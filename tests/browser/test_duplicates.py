"""A partner adding a resource that already exists, in a real browser: the likely
duplicate appears beside the form while they type (static/js/similar.js), they mark it
as related work, submit, and the choice is recorded for the curators."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from accounts.models import User
from contributions.models import Resource, Status
from synergies.models import SimilarityDecision

from .support import DemoSite, PageProblems, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Published demo content of another organisation than the demo partner's.
ORIGINAL = "how-to-read-biomarker-test-results"
TYPED_TITLE = "Reading your biomarker test results"


@dataclass(frozen=True)
class Setting:
    session: str
    original_pk: int
    original_title: str
    original_url: str


@pytest.fixture(scope="module")
def setting(site: DemoSite, django_db_blocker) -> Iterator[Setting]:
    """The demo partner's session (editor for Digestive Cancers Europe) and the item
    they will duplicate, read before any test transaction opens.

    Everything here is committed, because the live server answers from its own
    connection; the test itself touches the database only once the server is done
    (on SQLite, a read inside the test's transaction would lock the tables the
    server writes). What the test submits is removed afterwards."""
    with django_db_blocker.unblock():
        client = Client()
        client.force_login(User.objects.get(username="partner"))
        original = Resource.objects.get(slug=ORIGINAL)
        yield Setting(
            session=client.cookies[settings.SESSION_COOKIE_NAME].value,
            original_pk=original.pk,
            original_title=original.title,
            original_url=original.get_absolute_url(),
        )
        Resource.objects.filter(title=TYPED_TITLE).delete()
        client.logout()


@pytest.fixture
def partner_page(browser: Browser, site: DemoSite, setting: Setting) -> Iterator[Page]:
    yield from open_page(browser, site, session=setting.session)


def test_a_partner_sees_a_likely_duplicate_while_typing_and_marks_it_related(
    setting: Setting, partner_page: Page, page_problems: PageProblems
):
    page = partner_page
    page.goto("/resources/new/")
    panel = page.locator("#similar-matches")
    expect(panel).to_be_hidden()

    page.get_by_label("Title").fill(TYPED_TITLE)

    match = panel.locator(f"#match-resource-{setting.original_pk}")
    expect(match).to_be_visible()
    title = match.get_by_role("link", name=re.compile(re.escape(setting.original_title)))
    expect(title).to_have_attribute("href", setting.original_url)
    expect(page.locator("#similar-status")).to_contain_text("similar published item")
    match.get_by_role("radio", name="Related work").check()

    # The rest of the form; the list follows the tags chosen and keeps the mark.
    page.get_by_label("Summary").fill(
        "A guide for patients to the parts of a biomarker report and what they mean."
    )
    page.get_by_label("Type").select_option("patient_information")
    page.get_by_label("Link").fill("https://example.org/reading-results")
    page.get_by_role("checkbox", name=re.compile("Results & interpretation")).check()
    page.get_by_role("checkbox", name="Results not explained to patients").check()
    page.get_by_role("checkbox", name="Global").check()
    # The list is busy from each change until its look-up has answered.
    expect(panel).not_to_have_attribute("aria-busy", "true")
    expect(match.get_by_role("radio", name="Related work")).to_be_checked()
    # Any other possible duplicate in the list is marked too, as a partner would.
    for other in panel.locator(".similar-match").all():
        if not other.locator("input:checked").count():
            other.get_by_role("radio", name="Distinct").check()

    page.get_by_role("button", name="Submit for review").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TYPED_TITLE)
    assert page_problems.script_errors == []
    assert page_problems.csp_violations(page) == []
    item = Resource.objects.get(title=TYPED_TITLE)
    assert item.status == Status.SUBMITTED
    decision = SimilarityDecision.objects.select_related("decided_by").get(
        resource=item, match_resource_id=setting.original_pk
    )
    assert decision.choice == SimilarityDecision.Choice.RELATED
    assert decision.decided_by.username == "partner"
