"""A new partner's way in, clicked through in real browsers: they sign up and confirm
their address from the verification email, ask to join their organisation, a curator
approves them, they submit a resource, the curator publishes it, an anonymous visitor
finds it in the library, and the partner is told by email of each decision.

Every email goes through the outbox: an OutgoingEmail row, sent by a Celery task after
commit. Without a broker the task runs eagerly in the live server. With one (REDIS_URL,
as on CI) the task only reaches Redis, where no worker listens during the tests, so the
test does the worker's job itself (`deliver_mail`): it runs the same task, in a thread
of its own on a database connection of its own, as a worker process would. Either way
the messages end up in Django's locmem outbox, shared with the live server's threads.
"""

import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connections
from django.db.models import Max
from django.test import Client
from playwright.sync_api import Browser, Locator, Page, expect

from accounts.models import User
from contributions.models import Resource
from outbox.models import OutgoingEmail
from outbox.tasks import send_email
from stakeholders.models import Organisation

from .support import DemoSite, PageProblems, open_page, watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# A demo organisation with no editor of its own: a curator decides who joins it.
ORGANISATION = "european-cancer-patient-coalition"
EMAIL = "journey.partner@example.org"
PASSWORD = "Tumour-board-journey-2718"
TITLE = "Questions to ask before your molecular tumour board meets"


@dataclass(frozen=True)
class Setting:
    organisation: str
    curator_session: str
    curator_email: str
    # The newest email queued before the journey: everything after it is the journey's.
    last_email_pk: int


@pytest.fixture(scope="module")
def setting(site: DemoSite, django_db_blocker) -> Iterator[Setting]:
    """The demo curator's session and what the journey starts from, read before any
    test transaction opens; afterwards everything the journey made is removed.

    The live server answers from its own connection, so what the browsers do is
    committed and has to be deleted here: the other browser tests share the database.
    """
    with django_db_blocker.unblock():
        remove_journey(after_email_pk=None)
        sessions_before = set(Session.objects.values_list("session_key", flat=True))
        last_email_pk = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
        curator = User.objects.get(username="curator")
        client = Client()
        client.force_login(curator)
        yield Setting(
            organisation=Organisation.objects.get(slug=ORGANISATION).name,
            curator_session=client.cookies[settings.SESSION_COOKIE_NAME].value,
            curator_email=curator.email,
            last_email_pk=last_email_pk,
        )
        client.logout()
        remove_journey(after_email_pk=last_email_pk)
        # The partner's sessions, and the curator's, whatever state they ended in.
        Session.objects.exclude(session_key__in=sessions_before).delete()


def remove_journey(after_email_pk: int | None) -> None:
    # The resource first: its moderation events and similarity marks go with it, and
    # it would otherwise outlive its submitter. The account takes its email address
    # and membership with it.
    Resource.objects.filter(title=TITLE).delete()
    User.objects.filter(email__iexact=EMAIL).delete()
    if after_email_pk is not None:
        OutgoingEmail.objects.filter(pk__gt=after_email_pk).delete()


@pytest.fixture
def curator_page(browser: Browser, site: DemoSite, setting: Setting) -> Iterator[Page]:
    yield from open_page(browser, site, session=setting.curator_session)


@pytest.fixture
def visitor_page(browser: Browser, site: DemoSite) -> Iterator[Page]:
    """A second anonymous visitor, with cookies of their own."""
    yield from open_page(browser, site)


def on_own_connection[T](work: Callable[[], T]) -> T:
    """Run `work` as another process would: in a thread of its own, on a database
    connection of its own, committing as it goes. The test's own connection stays out
    of it: on SQLite, a read in the test's transaction would lock the tables that the
    live server writes next."""

    def run() -> T:
        try:
            return work()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def deliver_mail(setting: Setting) -> None:
    """Do the Celery worker's job: send every email of the journey still waiting.

    With eager tasks the live server has sent them all already and this finds none."""

    def send() -> None:
        waiting = OutgoingEmail.objects.filter(
            pk__gt=setting.last_email_pk, status=OutgoingEmail.Status.PENDING
        )
        for pk in list(waiting.order_by("pk").values_list("pk", flat=True)):
            send_email.apply(args=[pk], throw=True)

    on_own_connection(send)


def email_to(address: str, subject: str) -> mail.EmailMessage:
    """The one message sent to `address` whose subject contains `subject`."""
    found = [m for m in mail.outbox if m.to == [address] and subject in m.subject]
    assert len(found) == 1, [(m.to, m.subject) for m in mail.outbox]
    return found[0]


def heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def main(page: Page) -> Locator:
    return page.get_by_role("main")


def notices(page: Page) -> Locator:
    """The messages the portal shows after an action."""
    return main(page).get_by_role("status")


def assert_no_csp_violation(page: Page, problems: PageProblems) -> None:
    assert problems.csp_violations(page) == [], page.url


def test_a_new_partner_signs_up_joins_and_gets_a_resource_published(
    setting: Setting,
    page: Page,
    page_problems: PageProblems,
    curator_page: Page,
    visitor_page: Page,
):
    partner, curator, visitor = page, curator_page, visitor_page
    curator_problems, visitor_problems = watch(curator), watch(visitor)
    organisation = setting.organisation

    # 1. Sign up, from the link in the header.
    partner.goto("/")
    account_nav = partner.get_by_role("navigation", name="Your account")
    account_nav.get_by_role("link", name="Sign up").click()
    expect(partner).to_have_url(re.compile(r"/accounts/signup/$"))
    partner.get_by_label("Email").fill(EMAIL)
    partner.get_by_label("Your name").fill("Marta Nowak")
    partner.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    partner.get_by_label(re.compile(r"^Password \(again\)")).fill(PASSWORD)
    assert_no_csp_violation(partner, page_problems)
    main(partner).get_by_role("button", name="Sign up").click()
    expect(heading(partner)).to_have_text("Verify Your Email Address")

    # 2. The verification email, and its link followed in the same browser.
    deliver_mail(setting)
    verification = email_to(EMAIL, "Confirm your email address")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", verification.body)
    assert link, verification.body
    partner.goto(link[0])
    expect(heading(partner)).to_have_text("Confirm Email Address")
    main(partner).get_by_role("button", name="Confirm").click()
    # Confirming logs the new partner in, on their account page.
    expect(heading(partner)).to_have_text("Your account")
    expect(main(partner)).to_contain_text("You are logged in as Marta Nowak")
    assert_no_csp_violation(partner, page_problems)

    # 3. They find their organisation and ask to join it.
    main(partner).get_by_role("link", name="Find your organisation and ask to join it").click()
    expect(heading(partner)).to_have_text("Stakeholders")
    main(partner).get_by_role("link", name=organisation, exact=True).click()
    expect(heading(partner)).to_have_text(organisation)
    main(partner).get_by_role("button", name=f"Ask to join {organisation}").click()
    expect(heading(partner)).to_have_text("Your account")
    expect(notices(partner)).to_contain_text(f"You asked to join {organisation}.")
    membership_row = main(partner).get_by_role("row", name=re.compile(re.escape(organisation)))
    expect(membership_row).to_contain_text("Waiting for approval")

    # A curator approves the request from their list of memberships to decide.
    curator.goto("/accounts/profile/")
    main(curator).get_by_role(
        "link", name="Requests to join organisations and proposed organisations"
    ).click()
    expect(heading(curator)).to_have_text("Memberships to decide")
    main(curator).get_by_role("button", name="Approve Marta Nowak", exact=True).click()
    expect(notices(curator)).to_contain_text(f"Marta Nowak can now act for {organisation}.")
    assert_no_csp_violation(curator, curator_problems)

    deliver_mail(setting)
    decision = email_to(EMAIL, f"You can now act for {organisation}")
    assert "has been approved" in decision.body
    partner.reload()
    expect(membership_row).to_contain_text("Approved")

    # 4. The partner submits a resource for their organisation.
    partner.goto("/resources/new/")
    expect(heading(partner)).to_have_text("Add a resource")
    expect(partner.get_by_label("Organisation")).to_contain_text(organisation)
    partner.get_by_label("Title").fill(TITLE)
    partner.get_by_label("Summary").fill(
        "What to ask the care team before and after a molecular tumour board discusses "
        "your test results, written with patients."
    )
    partner.get_by_label("Description").fill(
        "## Before the meeting\n\n- Which of my results will be discussed?\n"
        "- Who takes part?\n\n## After the meeting\n\n- What was recommended, and why?"
    )
    partner.get_by_label("Type").select_option("patient_information")
    partner.get_by_label("Link").fill("https://example.org/tumour-board-questions")
    partner.get_by_label("Year").fill("2025")
    partner.get_by_role("checkbox", name=re.compile("Treatment decision")).check()
    partner.get_by_role("checkbox", name="No access to a molecular tumour board").check()
    partner.get_by_role("checkbox", name="Patients & advocacy").check()
    partner.get_by_role("checkbox", name="Europe", exact=True).check()
    partner.get_by_role("checkbox", name=re.compile("Lung cancer")).check()
    # Similar published work may be listed beside the form; once its look-up has
    # answered, each item in it is marked, as the check before submitting asks.
    similar = partner.locator("#similar-matches")
    expect(similar).not_to_have_attribute("aria-busy", "true")
    for match in similar.locator(".similar-match").all():
        match.get_by_role("radio", name="Distinct").check()
    assert_no_csp_violation(partner, page_problems)
    partner.get_by_role("button", name="Submit for review").click()
    expect(heading(partner)).to_have_text(TITLE)
    expect(notices(partner)).to_contain_text(f"“{TITLE}” was sent to the curators for review.")

    # 5. The curator opens it from the moderation queue and publishes it.
    curator.get_by_role("navigation", name="Your account").get_by_role(
        "link", name="Curation"
    ).click()
    expect(heading(curator)).to_have_text("Moderation queue")
    main(curator).get_by_role("link", name=TITLE, exact=True).click()
    expect(heading(curator)).to_have_text(TITLE)
    expect(main(curator)).to_contain_text(EMAIL)
    main(curator).get_by_role("button", name="Publish", exact=True).click()
    expect(heading(curator)).to_have_text("Moderation queue")
    expect(notices(curator)).to_contain_text(f"“{TITLE}” is published")
    expect(main(curator).get_by_role("link", name=TITLE, exact=True)).to_have_count(0)
    assert_no_csp_violation(curator, curator_problems)

    # 6. An anonymous visitor finds it with the site search and opens it.
    visitor.goto("/")
    search = visitor.get_by_role("search", name="Site search")
    search.get_by_role("searchbox").fill(TITLE)
    search.get_by_role("searchbox").press("Enter")
    results = main(visitor).get_by_role("region", name=re.compile(r"\bresults?\b"))
    results.get_by_role("link", name=TITLE, exact=True).click()
    expect(heading(visitor)).to_have_text(TITLE)
    expect(main(visitor)).to_contain_text(organisation)
    assert_no_csp_violation(visitor, visitor_problems)
    public_path = urlsplit(visitor.url).path

    # 7. The partner is told, with a link to the public page.
    deliver_mail(setting)
    published = email_to(EMAIL, "is now published")
    assert published.subject == f"“{TITLE}” is now published"
    assert TITLE in published.body
    assert f"{settings.SITE_URL}{public_path}" in published.body
    [(html, _mimetype)] = published.alternatives
    assert f'href="{settings.SITE_URL}{public_path}"' in html

    for problems in (page_problems, curator_problems, visitor_problems):
        assert [str(e) for e in problems.console_errors] == []
        assert problems.script_errors == []

    # What the portal recorded, read once the browsers are done.
    def recorded() -> dict:
        item = Resource.objects.select_related("submitted_by", "reviewed_by").get(title=TITLE)
        partner_user = User.objects.get(email__iexact=EMAIL)
        return {
            "status": item.status,
            "submitted_by": item.submitted_by.email,
            "reviewed_by": item.reviewed_by.email,
            "events": list(
                item.moderation_events.order_by("created_at", "pk").values_list(
                    "action", "actor__email"
                )
            ),
            "membership": list(
                partner_user.memberships.values_list(
                    "organisation__slug", "status", "decided_by__email"
                )
            ),
            "verified": list(partner_user.emailaddress_set.values_list("email", "verified")),
        }

    assert on_own_connection(recorded) == {
        "status": "published",
        "submitted_by": EMAIL,
        "reviewed_by": setting.curator_email,
        "events": [("submit", EMAIL), ("publish", setting.curator_email)],
        "membership": [(ORGANISATION, "approved", setting.curator_email)],
        "verified": [(EMAIL, True)],
    }
