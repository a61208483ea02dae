"""Assessment and adoption in real browsers (issue #19), the whole flow: LUNGevity's
"No One Missed" is self-assessed, two reviewers score it, a curator decides "best
practice" and the badge is public (the steps of test_assessment_flow.py); then a
partner of NHS England declares that it
adopted LUNGevity's "No One Missed" in the United Kingdom, LUNGevity's partner agrees
from the link in the email, both see each other's contact details, both initiative
pages say "adapted", and the transfers view and both country pages list it.

The steps are in adoption_steps.py, for other flows to reuse."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from playwright.sync_api import Browser, Page

from accounts.models import User
from adoptions.models import Adoption
from contributions.models import Initiative, Status
from outbox.models import OutgoingEmail
from stakeholders.models import Membership, Organisation

from . import adoption_steps as steps
from .support import DemoSite, open_page, watch
from .test_assessment_flow import INITIATIVE, assess_as_best_practice, flow, pages  # noqa: F401 (fixtures)
from .test_partner_journey import on_own_connection

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PRACTICE = "no-one-missed"
OWNER_ORGANISATION = "lungevity-foundation"
DECLARING_ORGANISATION = "nhs-england"
ADAPTED_TITLE = "Adoption journey: every eligible patient tested in England"
PEOPLE = {"owner": "adoption.owner@example.org", "declarer": "adoption.declarer@example.org"}


@dataclass(frozen=True)
class Setting:
    practice_url: str
    practice_title: str
    owner: str
    owner_country: str
    declarer: str
    adapted_url: str
    sessions: dict[str, str]


def remove_journey() -> None:
    Adoption.objects.filter(organisation__slug=DECLARING_ORGANISATION).delete()
    Initiative.objects.filter(title=ADAPTED_TITLE).delete()
    User.objects.filter(email__in=PEOPLE.values()).delete()
    OutgoingEmail.objects.filter(to__in=PEOPLE.values()).delete()


@pytest.fixture(scope="module")
def setting(site: DemoSite, django_db_blocker) -> Iterator[Setting]:
    """A member of each organisation, logged in, and the declarer's own published
    initiative; all of it, and what the flow makes, removed afterwards."""
    with django_db_blocker.unblock():
        remove_journey()
        sessions_before = set(Session.objects.values_list("session_key", flat=True))
        sessions = {}
        for role, slug in (("owner", OWNER_ORGANISATION), ("declarer", DECLARING_ORGANISATION)):
            user = User.objects.create_user(
                username=f"adoption-{role}", email=PEOPLE[role], first_name=role.title()
            )
            Membership.objects.create(
                user=user,
                organisation=Organisation.objects.get(slug=slug),
                status=Membership.Status.APPROVED,
            )
            client = Client()
            client.force_login(user)
            sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        practice = Initiative.objects.get(slug=PRACTICE)
        declaring = Organisation.objects.get(slug=DECLARING_ORGANISATION)
        adapted = Initiative.objects.create(
            title=ADAPTED_TITLE,
            summary="Testing every eligible patient, after No One Missed.",
            organisation=declaring,
            status=Status.PUBLISHED,
        )
        yield Setting(
            practice_url=practice.get_absolute_url(),
            practice_title=practice.title,
            owner=practice.organisation.name,
            owner_country=practice.organisation.country.name,
            declarer=declaring.name,
            adapted_url=adapted.get_absolute_url(),
            sessions=sessions,
        )
        remove_journey()
        Session.objects.exclude(session_key__in=sessions_before).delete()


@pytest.fixture
def owner_page(browser: Browser, site: DemoSite, setting: Setting) -> Iterator[Page]:
    yield from open_page(browser, site, session=setting.sessions["owner"])


@pytest.fixture
def declarer_page(browser: Browser, site: DemoSite, setting: Setting) -> Iterator[Page]:
    yield from open_page(browser, site, session=setting.sessions["declarer"])


def emailed_link(address: str) -> str:
    """The declaration's link in the email the owner was sent (its outbox row)."""

    def read() -> str:
        email = OutgoingEmail.objects.get(to=address, template="adoption_declared")
        return re.search(r"https?://\S+/adoptions/\d+/", email.text)[0]

    return on_own_connection(read)


@pytest.mark.usefixtures("flow", "pages")
def test_a_practice_assessed_as_best_is_adopted_abroad_with_the_owners_agreement(
    request, setting: Setting, owner_page: Page, declarer_page: Page, page: Page, browser, site
):
    assert PRACTICE == INITIATIVE
    # Set up before the test's transaction (usefixtures), so the live server sees them.
    assess_as_best_practice(request.getfixturevalue("pages"), request.getfixturevalue("flow"))
    owner, declarer, visitor = owner_page, declarer_page, page
    problems = {"owner": watch(owner), "declarer": watch(declarer), "visitor": watch(visitor)}

    path = steps.declare_adoption(
        declarer,
        setting.practice_url,
        setting.declarer,
        "United Kingdom",
        "We built our national testing drive on No One Missed.",
        adapted=ADAPTED_TITLE,
    )
    steps.declaring_twice_is_refused(
        declarer, setting.practice_url, setting.declarer, "United Kingdom"
    )
    # Not public before the owner agrees. Asked in a tab of its own: browsers may
    # reuse a public page for a minute (max-age), and the visitor comes back later.
    for early in open_page(browser, site):
        early.goto("/transfers/?country=GB")
        assert setting.practice_title not in early.get_by_role("main").inner_text()

    steps.owner_agrees(owner, emailed_link(PEOPLE["owner"]), setting.declarer)
    steps.sees_contact(owner, path, setting.declarer, PEOPLE["declarer"])
    steps.sees_contact(declarer, path, setting.owner, PEOPLE["owner"])

    steps.shows_adoption(
        visitor, setting.practice_url, f"Adapted in United Kingdom by {setting.declarer}"
    )
    steps.shows_adoption(visitor, setting.adapted_url, f"Adapted from {setting.owner}")
    steps.transfer_listed(visitor, "United Kingdom", setting.practice_title, setting.declarer)
    steps.transfer_listed(visitor, setting.owner_country, setting.practice_title, setting.declarer)
    steps.country_page_lists(visitor, "GB", setting.practice_title)
    steps.country_page_lists(visitor, "US", setting.practice_title)
    for name, tab in (("owner", owner), ("declarer", declarer), ("visitor", visitor)):
        watched = problems[name]
        assert watched.csp_violations(tab) == [], name
        assert watched.script_errors == [], name
        assert watched.console_errors == [], name
