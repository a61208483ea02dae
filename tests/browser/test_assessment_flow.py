"""Assessing an initiative as practice, clicked through in real browsers: its
editor fills in the self-assessment, a curator assigns two reviewers, both declare
their interests and score every criterion, the curator decides, and an anonymous
visitor sees the badge on the initiative's page.

Each step is a small function taking the pages it needs, so that later steps (an
organisation elsewhere adopting the practice) can be appended to the flow.
Everything the flow makes is removed afterwards: the browser tests share the
database (see conftest.py).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from accounts.models import User
from assessments.models import Assessment, Reviewer
from contributions.models import Initiative
from stakeholders.models import Membership

from .support import DemoSite, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# A published demo initiative that the demo does not assess.
INITIATIVE = "no-one-missed"
EDITOR, REVIEWERS = "flow-editor", ("flow-reviewer-1", "flow-reviewer-2")
SUMMARY = "More eligible patients tested, shown by yearly published figures."


@dataclass(frozen=True)
class Flow:
    initiative: Initiative
    sessions: dict[str, str]


def session_of(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


# The moderation events the flow writes on the initiative.
FLOW_EVENTS = [
    "assessment_opened",
    "self_assessed",
    "reviewer_assigned",
    "conflict_declared",
    "review_done",
    "assessment_decided",
]


def remove_flow() -> None:
    Assessment.objects.filter(initiative__slug=INITIATIVE).delete()
    Initiative.objects.get(slug=INITIATIVE).moderation_events.filter(
        action__in=FLOW_EVENTS
    ).delete()
    User.objects.filter(username__in=[EDITOR, *REVIEWERS]).delete()


@pytest.fixture(scope="module")
def flow(site: DemoSite, django_db_blocker) -> Iterator[Flow]:
    with django_db_blocker.unblock():
        remove_flow()
        sessions_before = set(Session.objects.values_list("session_key", flat=True))
        initiative = Initiative.objects.get(slug=INITIATIVE)
        editor = User.objects.create_user(EDITOR, f"{EDITOR}@example.org", first_name="Flow")
        Membership.objects.create(
            user=editor,
            organisation=initiative.organisation,
            role=Membership.Role.EDITOR,
            status=Membership.Status.APPROVED,
        )
        sessions = {"editor": session_of(editor)}
        for number, username in enumerate(REVIEWERS, start=1):
            user = User.objects.create_user(
                username, f"{username}@example.org", first_name="Reviewer", last_name=str(number)
            )
            Reviewer.objects.create(user=user)
            sessions[username] = session_of(user)
        sessions["curator"] = session_of(User.objects.get(username="curator"))
        yield Flow(initiative=initiative, sessions=sessions)
        remove_flow()
        Session.objects.exclude(session_key__in=sessions_before).delete()


@pytest.fixture
def pages(browser: Browser, site: DemoSite, flow: Flow) -> Iterator[dict[str, Page]]:
    """A tab per person: the editor, the curator, each reviewer and a visitor."""
    generators = {
        name: open_page(browser, site, session=key) for name, key in flow.sessions.items()
    }
    generators["visitor"] = open_page(browser, site)
    opened = {name: next(generator) for name, generator in generators.items()}
    yield opened
    for generator in generators.values():
        next(generator, None)


def main(page: Page):
    return page.get_by_role("main")


def score_every_criterion(page: Page, score: str, text_label: str, text: str) -> None:
    for criterion in main(page).locator("fieldset.criterion-fields").all():
        criterion.get_by_label(re.compile(rf"(^|\s){score} –")).check()
        criterion.get_by_label(text_label).fill(text)


def self_assess(editor: Page, flow: Flow) -> None:
    editor.goto(flow.initiative.get_absolute_url())
    main(editor).get_by_role("link", name="Assessments of this initiative").click()
    main(editor).get_by_role("button", name="Start an assessment").click()
    main(editor).get_by_role("link", name="Fill in the self-assessment").click()
    score_every_criterion(editor, "3", "What you did and achieved", "Shown in our yearly report.")
    evidence = main(editor).get_by_label("Evidence links").first
    evidence.fill("not a link")
    main(editor).get_by_role("button", name="Send for review").click()
    # Bad input is shown beside its field, and nothing typed is lost.
    expect(editor.locator("#id_evidence_relevance_error")).to_contain_text("is not a web address")
    expect(evidence).to_have_value("not a link")
    evidence.fill("https://example.org/no-one-missed/yearly-report")
    main(editor).get_by_role("button", name="Send for review").click()
    expect(main(editor)).to_contain_text("Your self-assessment is sent for review.")


def assign_reviewers(curator: Page, flow: Flow) -> None:
    curator.goto(f"/assessments/initiatives/{flow.initiative.slug}/")
    for username in REVIEWERS:
        number = username[-1]
        main(curator).get_by_label("Reviewer").select_option(label=f"Reviewer {number}")
        main(curator).get_by_role("button", name="Assign the reviewer").click()
        expect(main(curator)).to_contain_text("The reviewer is assigned and told by email.")


def review(reviewer: Page, flow: Flow, score: str) -> None:
    reviewer.goto("/assessments/reviews/")
    main(reviewer).get_by_role("link", name=flow.initiative.title).click()
    main(reviewer).get_by_label("I have no conflict of interest with this initiative").check()
    main(reviewer).get_by_role("button", name="Declare").click()
    score_every_criterion(reviewer, score, "Rationale", "")
    main(reviewer).get_by_role("button", name="Send the review").click()
    # Every rationale is required: the first missing one is named beside its field.
    expect(reviewer.locator("#id_rationale_relevance_error")).to_be_visible()
    score_every_criterion(reviewer, score, "Rationale", "Outcomes are published each year.")
    main(reviewer).get_by_role("button", name="Send the review").click()
    expect(main(reviewer)).to_contain_text("Thank you: your review is sent to the curators.")


def decide(curator: Page, flow: Flow) -> None:
    curator.goto(f"/assessments/initiatives/{flow.initiative.slug}/")
    main(curator).get_by_role("link", name="Decide").click()
    main(curator).get_by_label("Best practice").check()
    main(curator).get_by_label("Public summary").fill(SUMMARY)
    main(curator).get_by_role("button", name="Publish the decision").click()
    expect(main(curator)).to_contain_text(SUMMARY)


def badge_is_public(visitor: Page, flow: Flow) -> None:
    visitor.goto(flow.initiative.get_absolute_url())
    expect(main(visitor).locator(".practice-badge--best").first).to_contain_text("Best practice")
    expect(main(visitor)).to_contain_text(SUMMARY)
    visitor.goto("/initiatives/?practice=best")
    expect(main(visitor).get_by_role("link", name=flow.initiative.title)).to_be_visible()


def assess_as_best_practice(pages: dict[str, Page], flow: Flow) -> None:
    """The assessment from self-assessment to the public badge (test_adoption_flow.py
    continues it with an organisation abroad adopting the practice)."""
    self_assess(pages["editor"], flow)
    assign_reviewers(pages["curator"], flow)
    review(pages[REVIEWERS[0]], flow, "3")
    review(pages[REVIEWERS[1]], flow, "2")
    decide(pages["curator"], flow)
    badge_is_public(pages["visitor"], flow)
