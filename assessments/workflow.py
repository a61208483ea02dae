"""Every step of an assessment, for pages, API, admin and demo alike.

Each step checks who may take it and from which state, changes the rows under a
lock, writes a ModerationEvent on the initiative (the history curators and
members already read) and queues its emails, all in one transaction.
Permission failures raise PermissionDenied (403), a step taken from the wrong
state StateConflict (409), bad input ValidationError with field errors keyed
"<criterion code>.<score|text|rationale|evidence>" (400 / form errors).
"""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from contributions.models import Initiative, ModerationEvent
from core.exceptions import StateConflict
from stakeholders.models import Membership

from . import notifications
from .models import Assessment, Assignment, Framework, Outcome, ReviewScore, SelfScore

# ModerationEvent.action of each step (the initiative's history names them).
OPENED = "assessment_opened"
SELF_ASSESSED = "self_assessed"
ASSIGNED = "reviewer_assigned"
CONFLICT = "conflict_declared"
REVIEWED = "review_done"
DECIDED = "assessment_decided"

is_web_address = URLValidator(schemes=["http", "https"])


def owns(user: User, initiative: Initiative) -> bool:
    """Editors of the initiative's organisation assess it themselves."""
    return user.is_authenticated and initiative.organisation.is_member(
        user, role=Membership.Role.EDITOR
    )


def is_reviewer(user: User) -> bool:
    return (
        user.is_authenticated
        and User.objects.filter(pk=user.pk, reviewer__active=True, is_active=True).exists()
    )


def eligible_reviewers(initiative: Initiative) -> QuerySet[User]:
    """Reviewers who belong to none of the organisations behind the initiative."""
    organisations = [
        initiative.organisation_id,
        *initiative.partner_organisations.values_list("pk", flat=True),
    ]
    involved = Membership.objects.approved().filter(organisation__in=organisations).values("user")
    return (
        User.objects.filter(reviewer__active=True, is_active=True)
        .exclude(pk__in=involved)
        .order_by("first_name", "last_name", "username")
    )


def sees_open_round(user: User, assessment: Assessment) -> bool:
    """Who sees a round before its decision: owners, curators, its reviewers."""
    if not user.is_authenticated:
        return False
    return (
        user.is_curator
        or owns(user, assessment.initiative)
        or assessment.assignments.filter(reviewer=user).exists()
    )


def record(assessment: Assessment, action: str, by: User | None, note: str = "") -> ModerationEvent:
    initiative = assessment.initiative
    return initiative.moderation_events.create(
        actor=by,
        action=action,
        from_status=initiative.status,
        to_status=initiative.status,
        note=note,
    )


def locked(assessment: Assessment) -> Assessment:
    return (
        Assessment.objects.select_for_update()
        .select_related("initiative", "framework")
        .get(pk=assessment.pk)
    )


def open_round(initiative: Initiative, by: User, reason: str = "") -> Assessment:
    """A new round: the first, or a reassessment after a substantial change (with
    its reason). Earlier rounds stay, and the standing decision with them until
    this round is decided."""
    if not (owns(by, initiative) or by.is_curator):
        raise PermissionDenied
    if not initiative.is_published:
        raise StateConflict(_("Only published initiatives are assessed."))
    framework = Framework.objects.current()
    if framework is None:
        raise StateConflict(_("No assessment framework is published yet."))
    with transaction.atomic():
        Initiative.objects.select_for_update().get(pk=initiative.pk)
        rounds = initiative.assessments.order_by("-round")
        latest = rounds.first()
        if latest is not None and latest.status != Assessment.Status.DECIDED:
            raise StateConflict(_("This initiative already has an assessment in progress."))
        if latest is not None and not reason.strip():
            raise ValidationError(
                {"reason": _("Say what changed substantially since the last assessment.")}
            )
        assessment = Assessment.objects.create(
            initiative=initiative,
            framework=framework,
            round=latest.round + 1 if latest else 1,
            opened_by=by,
            reason=reason.strip(),
        )
        record(assessment, OPENED, by, reason.strip())
        return assessment


def score_errors(
    framework: Framework, entries: Mapping[str, Mapping], *, review: bool
) -> dict[str, list[str]]:
    """What is wrong with scores given for every criterion of `framework`: one rule
    for the forms and the API. `entries`: {code: {"score", "text" or "rationale",
    "evidence"}}."""
    errors: dict[str, list[str]] = {}
    scale = sorted(level.score for level in framework.levels.all())
    codes = {criterion.code for criterion in framework.criteria.all()}
    for code in sorted(set(entries) - codes):
        errors[code] = [_("There is no such criterion in this framework.")]
    for code in sorted(codes):
        entry = entries.get(code) or {}
        score = entry.get("score")
        if score in (None, ""):
            errors[f"{code}.score"] = [_("Give a score.")]
        elif str(score).strip() not in {str(value) for value in scale}:
            errors[f"{code}.score"] = [
                _("Choose a score on the scale, from %(low)s to %(high)s.")
                % {"low": scale[0], "high": scale[-1]}
            ]
        if review and not str(entry.get("rationale") or "").strip():
            errors[f"{code}.rationale"] = [_("Explain the score: a rationale is required.")]
        bad = []
        for link in entry.get("evidence") or []:
            try:
                is_web_address(str(link))
            except ValidationError:
                bad.append(str(link))
        if bad:
            errors[f"{code}.evidence"] = [
                _("“%(link)s” is not a web address (http:// or https://).") % {"link": link}
                for link in bad
            ]
    return errors


def save_self_assessment(
    assessment: Assessment, by: User, entries: Mapping[str, Mapping], *, submit: bool = False
) -> Assessment:
    """Store the owner's scores, text and evidence; with `submit`, send it for review."""
    if not owns(by, assessment.initiative):
        raise PermissionDenied
    if assessment.status != Assessment.Status.SELF_ASSESSMENT:
        raise StateConflict(_("The self-assessment was already sent for review."))
    errors = score_errors(assessment.framework, entries, review=False)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        assessment = locked(assessment)
        if assessment.status != Assessment.Status.SELF_ASSESSMENT:
            raise StateConflict(_("The self-assessment was already sent for review."))
        for criterion in assessment.framework.criteria.all():
            entry = entries[criterion.code]
            SelfScore.objects.update_or_create(
                assessment=assessment,
                criterion=criterion,
                defaults={
                    "score": int(entry["score"]),
                    "text": str(entry.get("text") or "").strip(),
                    "evidence": [str(link).strip() for link in entry.get("evidence") or []],
                },
            )
        if submit:
            assessment.status = Assessment.Status.IN_REVIEW
            assessment.submitted_at = timezone.now()
            assessment.save(update_fields=["status", "submitted_at"])
            record(assessment, SELF_ASSESSED, by)
        return assessment


def assign(assessment: Assessment, reviewer: User, by: User) -> Assignment:
    if not by.is_curator:
        raise PermissionDenied
    with transaction.atomic():
        assessment = locked(assessment)
        if assessment.status != Assessment.Status.IN_REVIEW:
            raise StateConflict(_("Reviewers are assigned once the self-assessment is sent."))
        if not eligible_reviewers(assessment.initiative).filter(pk=reviewer.pk).exists():
            raise ValidationError(
                {
                    "reviewer": _(
                        "Choose an active reviewer who belongs to none of the organisations "
                        "behind the initiative."
                    )
                }
            )
        if assessment.assignments.filter(reviewer=reviewer).exists():
            raise ValidationError({"reviewer": _("This reviewer is already assigned.")})
        assignment = assessment.assignments.create(reviewer=reviewer, assigned_by=by)
        record(assessment, ASSIGNED, by, str(reviewer))
        notifications.assigned(assignment)
        return assignment


def declare(assignment: Assignment, by: User, *, conflict: bool, note: str = "") -> Assignment:
    """The reviewer's declaration of interests, before any score."""
    if assignment.reviewer_id != by.pk:
        raise PermissionDenied
    if conflict and not note.strip():
        raise ValidationError({"conflict_note": _("Describe the conflict of interest.")})
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if assignment.conflict is not None:
            raise StateConflict(_("Interests were already declared for this review."))
        assignment.conflict = conflict
        assignment.conflict_note = note.strip()
        assignment.declared_at = timezone.now()
        assignment.save(update_fields=["conflict", "conflict_note", "declared_at"])
        if conflict:
            record(assignment.assessment, CONFLICT, by, note.strip())
        return assignment


def review(assignment: Assignment, by: User, entries: Mapping[str, Mapping]) -> Assignment:
    """The reviewer's score and rationale for every criterion."""
    if assignment.reviewer_id != by.pk:
        raise PermissionDenied
    if assignment.conflict:
        raise PermissionDenied(_("A reviewer with a declared conflict of interest cannot score."))
    errors = score_errors(assignment.assessment.framework, entries, review=True)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        assessment = locked(assignment.assessment)
        assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if assignment.conflict is None:
            raise StateConflict(_("Declare your interests before scoring."))
        if assessment.status != Assessment.Status.IN_REVIEW or assignment.completed_at:
            raise StateConflict(_("This review is closed."))
        for criterion in assessment.framework.criteria.all():
            entry = entries[criterion.code]
            ReviewScore.objects.create(
                assignment=assignment,
                criterion=criterion,
                score=int(entry["score"]),
                rationale=str(entry["rationale"]).strip(),
            )
        assignment.completed_at = timezone.now()
        assignment.save(update_fields=["completed_at"])
        record(assessment, REVIEWED, by)
        notifications.reviewed(assignment)
        return assignment


def decide(assessment: Assessment, by: User, *, outcome: str, summary: str) -> Assessment:
    """A curator's decision, with its public summary; it becomes the standing one."""
    if not by.is_curator:
        raise PermissionDenied
    errors = {}
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Choose best practice, promising practice or not yet.")]
    if not summary.strip():
        errors["summary"] = [_("Write the public summary of the decision.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        assessment = locked(assessment)
        if assessment.status != Assessment.Status.IN_REVIEW:
            raise StateConflict(_("Only an assessment in review can be decided."))
        if not assessment.assignments.filter(completed_at__isnull=False).exists():
            raise StateConflict(_("Decide once at least one reviewer has scored it."))
        assessment.initiative.assessments.filter(current=True).update(current=False)
        assessment.status = Assessment.Status.DECIDED
        assessment.outcome = outcome
        assessment.summary = summary.strip()
        assessment.decided_by = by
        assessment.decided_at = timezone.now()
        assessment.current = True
        assessment.save()
        record(assessment, DECIDED, by, f"{Outcome(outcome).label}: {assessment.summary}")
        notifications.decided(assessment)
        return assessment


def average_scores(assessment: Assessment) -> list[tuple]:
    """(criterion, self score, reviewers' mean score) for every criterion."""
    own = {s.criterion_id: s.score for s in assessment.self_scores.all()}
    given: dict[int, list[int]] = {}
    for score in ReviewScore.objects.filter(
        assignment__assessment=assessment, assignment__completed_at__isnull=False
    ):
        given.setdefault(score.criterion_id, []).append(score.score)
    return [
        (
            criterion,
            own.get(criterion.pk),
            round(sum(given[criterion.pk]) / len(given[criterion.pk]), 1)
            if criterion.pk in given
            else None,
        )
        for criterion in assessment.framework.criteria.all()
    ]
