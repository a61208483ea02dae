"""The assessment steps themselves (assessments/workflow.py): who may take them,
in which order, what they record and whom they email."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assessments import workflow
from assessments.models import Assessment, Outcome
from contributions.models import Initiative
from core.exceptions import StateConflict
from outbox.models import OutgoingEmail
from stakeholders.models import Membership

from .conftest import entries, make_reviewer

pytestmark = pytest.mark.django_db


def test_every_step_is_a_moderation_event_on_the_initiative(decided, initiative):
    actions = list(
        initiative.moderation_events.order_by("created_at", "pk").values_list("action", flat=True)
    )
    assert actions[-7:] == [
        workflow.OPENED,
        workflow.SELF_ASSESSED,
        workflow.ASSIGNED,
        workflow.ASSIGNED,
        workflow.CONFLICT,
        workflow.REVIEWED,
        workflow.DECIDED,
    ]
    decision = initiative.moderation_events.first()
    assert decision.from_status == decision.to_status == "published"
    assert "Testing rates rose" in decision.note


def test_the_decision_is_the_standing_one_and_emailed_to_the_owner(decided, owner, initiative):
    assert decided.current and decided.outcome == Outcome.BEST
    sent = OutgoingEmail.objects.get(template="assessment_decided")
    assert sent.to == owner.email
    assert "Best practice" in sent.text and "Best practice" in sent.html
    assert "Testing rates rose from 48% to 81%." in sent.text
    assert list(Initiative.objects.filter(pk__in=Assessment.objects.proven_initiatives())) == [
        initiative
    ]


def test_the_reviewer_is_emailed_in_their_language(assigned, reviewer):
    sent = OutgoingEmail.objects.get(template="assessment_assigned", to=reviewer.email)
    assert sent.headers["Content-Language"] == "de"
    assert f"/de/assessments/reviews/{assigned[1].pk}/" in sent.text


def test_a_finished_review_is_emailed_to_the_curators(assigned, reviewer, curator, framework):
    workflow.review(assigned[1], reviewer, entries(framework))
    # Every curator (the superuser who published the initiative is one).
    sent = OutgoingEmail.objects.get(template="assessment_reviewed", to=curator.email)
    assert "No One Missed" in sent.subject


def test_only_the_owners_editors_open_and_fill_in_a_self_assessment(
    initiative, partner, other_partner
):
    # partner is a plain member of the organisation, not an editor.
    for someone in (partner, other_partner):
        with pytest.raises(PermissionDenied):
            workflow.open_round(initiative, someone)


def test_a_draft_initiative_is_not_assessed(make_initiative, owner):
    with pytest.raises(StateConflict):
        workflow.open_round(make_initiative("Draft"), owner)


def test_scores_outside_the_scale_and_links_that_are_not_urls_are_field_errors(
    initiative, owner, framework
):
    assessment = workflow.open_round(initiative, owner)
    given = entries(framework)
    given["relevance"]["score"] = 7
    given["equity"]["evidence"] = ["see our annual report", "https://example.org/ok"]
    del given["ethics"]
    with pytest.raises(ValidationError) as error:
        workflow.save_self_assessment(assessment, owner, given)
    assert error.value.message_dict == {
        "relevance.score": ["Choose a score on the scale, from 0 to 3."],
        "equity.evidence": ["“see our annual report” is not a web address (http:// or https://)."],
        "ethics.score": ["Give a score."],
    }
    assert not assessment.self_scores.exists()


def test_a_review_needs_a_rationale_for_every_score(assigned, reviewer, framework):
    given = entries(framework)
    given["sustainability"]["rationale"] = "  "
    with pytest.raises(ValidationError) as error:
        workflow.review(assigned[1], reviewer, given)
    assert error.value.message_dict == {
        "sustainability.rationale": ["Explain the score: a rationale is required."]
    }


def test_reviewers_from_the_owner_organisation_are_refused(in_review, curator, organisation):
    insider = make_reviewer("insider")
    Membership.objects.create(
        user=insider, organisation=organisation, status=Membership.Status.APPROVED
    )
    with pytest.raises(ValidationError) as error:
        workflow.assign(in_review, insider, curator)
    assert "reviewer" in error.value.message_dict


def test_reviewers_from_a_partner_organisation_are_refused(
    in_review, curator, other_organisation, initiative
):
    initiative.partner_organisations.add(other_organisation)
    outsider = make_reviewer("partner-reviewer")
    Membership.objects.create(
        user=outsider, organisation=other_organisation, status=Membership.Status.APPROVED
    )
    assert outsider not in workflow.eligible_reviewers(initiative)
    with pytest.raises(ValidationError):
        workflow.assign(in_review, outsider, curator)


def test_only_curators_assign_and_decide(in_review, owner, reviewer):
    with pytest.raises(PermissionDenied):
        workflow.assign(in_review, reviewer, owner)
    with pytest.raises(PermissionDenied):
        workflow.decide(in_review, owner, outcome="best", summary="Mine is best.")


def test_a_reviewer_with_a_declared_conflict_cannot_score(assigned, conflicted_reviewer, framework):
    with pytest.raises(PermissionDenied):
        workflow.review(assigned[2], conflicted_reviewer, entries(framework))


def test_a_reviewer_scores_only_after_declaring_interests(
    in_review, curator, second_reviewer, framework
):
    assignment = workflow.assign(in_review, second_reviewer, curator)
    with pytest.raises(StateConflict):
        workflow.review(assignment, second_reviewer, entries(framework))


def test_a_conflict_must_be_described(in_review, curator, second_reviewer):
    assignment = workflow.assign(in_review, second_reviewer, curator)
    with pytest.raises(ValidationError) as error:
        workflow.declare(assignment, second_reviewer, conflict=True, note="")
    assert "conflict_note" in error.value.message_dict


def test_nobody_reviews_someone_elses_assignment(assigned, second_reviewer, framework):
    with pytest.raises(PermissionDenied):
        workflow.review(assigned[1], second_reviewer, entries(framework))


def test_a_decision_needs_a_review_an_outcome_and_a_summary(assigned, curator):
    with pytest.raises(ValidationError) as error:
        workflow.decide(assigned[0], curator, outcome="excellent", summary="")
    assert set(error.value.message_dict) == {"outcome", "summary"}
    with pytest.raises(StateConflict):
        workflow.decide(assigned[0], curator, outcome="best", summary="Too early.")


def test_reassessment_keeps_the_history_and_the_standing_decision_until_decided(
    decided, initiative, owner, curator, second_reviewer, framework
):
    with pytest.raises(ValidationError):
        workflow.open_round(initiative, owner)  # a new round needs its reason
    again = workflow.open_round(initiative, owner, reason="Now runs in three more regions.")
    assert again.round == 2
    assert Assessment.objects.current().get(initiative=initiative) == decided
    with pytest.raises(StateConflict):
        workflow.open_round(initiative, curator, reason="Twice.")
    workflow.save_self_assessment(again, owner, entries(framework, 1), submit=True)
    assignment = workflow.assign(again, second_reviewer, curator)
    workflow.declare(assignment, second_reviewer, conflict=False)
    workflow.review(assignment, second_reviewer, entries(framework, 1))
    workflow.decide(again, curator, outcome="not_yet", summary="Results not yet reported.")
    rounds = list(
        initiative.assessments.order_by("round").values_list("round", "outcome", "current")
    )
    assert rounds == [(1, "best", False), (2, "not_yet", True)]
    assert not Assessment.objects.proven_initiatives().exists()
