"""Personas of the assessment flow, on a published initiative of `organisation`:
its owner (an editor), two reviewers from elsewhere, a reviewer who will declare a
conflict, a curator, a partner of another organisation, and anonymous visitors."""

import pytest

from assessments import workflow
from assessments.models import Framework, Reviewer
from stakeholders.models import Membership
from tests.conftest import make_user


@pytest.fixture
def framework(db) -> Framework:
    return Framework.objects.current()


@pytest.fixture
def initiative(make_initiative):
    return make_initiative(
        "No One Missed", status="published", stages=["testing-decision"], countries=["DE"]
    )


@pytest.fixture
def owner(db, organisation):
    user = make_user("owner", first_name="Olga", last_name="Owner")
    Membership.objects.create(
        user=user,
        organisation=organisation,
        status=Membership.Status.APPROVED,
        role=Membership.Role.EDITOR,
    )
    return user


def make_reviewer(username: str, language: str = "en"):
    user = make_user(username, language=language)
    Reviewer.objects.create(user=user, expertise="Molecular pathology")
    return user


@pytest.fixture
def reviewer(db):
    return make_reviewer("reviewer", language="de")


@pytest.fixture
def second_reviewer(db):
    return make_reviewer("reviewer2")


@pytest.fixture
def conflicted_reviewer(db):
    return make_reviewer("conflicted")


def entries(framework: Framework, score: int = 2, **extra) -> dict[str, dict]:
    """A complete set of scores for every criterion of `framework`."""
    return {
        criterion.code: {
            "score": score,
            "text": f"What we did for {criterion.code}.",
            "rationale": f"Why {score} for {criterion.code}.",
            "evidence": ["https://example.org/report.pdf"],
            **extra,
        }
        for criterion in framework.criteria.all()
    }


@pytest.fixture
def in_review(initiative, owner, framework):
    """A round whose self-assessment was sent for review."""
    assessment = workflow.open_round(initiative, owner)
    workflow.save_self_assessment(assessment, owner, entries(framework, 3), submit=True)
    assessment.refresh_from_db()
    return assessment


@pytest.fixture
def assigned(in_review, curator, reviewer, conflicted_reviewer):
    """The round with two reviewers: one free to score, one who declared a conflict."""
    mine = workflow.assign(in_review, reviewer, curator)
    workflow.declare(mine, reviewer, conflict=False)
    theirs = workflow.assign(in_review, conflicted_reviewer, curator)
    workflow.declare(theirs, conflicted_reviewer, conflict=True, note="I advise the organisation.")
    mine.refresh_from_db()
    theirs.refresh_from_db()
    return in_review, mine, theirs


@pytest.fixture
def decided(assigned, reviewer, curator, framework):
    assessment, mine, _theirs = assigned
    workflow.review(mine, reviewer, entries(framework, 3))
    return workflow.decide(
        assessment, curator, outcome="best", summary="Testing rates rose from 48% to 81%."
    )
