"""The assessment pages: the public criteria page, an initiative's assessments
(history for everyone, the open round for its owners, reviewers and curators),
the self-assessment, reviewers' assignments and reviews, and curators' steps.
Every rule is checked in workflow.py; these views show its answers."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import curator_required
from contributions.models import Initiative
from core.exceptions import StateConflict

from . import workflow
from .forms import AssignForm, DecideForm, DeclareForm, ScoresForm, StartForm
from .models import Assessment, Assignment, Framework


def criteria(request: HttpRequest) -> HttpResponse:
    """The method: the framework's criteria, scale and process (any version by ?version=)."""
    frameworks = Framework.objects.published()
    version = request.GET.get("version")
    framework = (
        frameworks.filter(version=version).first() if version else Framework.objects.current()
    )
    if framework is None:
        raise Http404
    context = {
        "framework": framework,
        "criteria": framework.criteria.all(),
        "levels": framework.levels.all(),
        "versions": frameworks,
    }
    return render(request, "assessments/criteria.html", context)


def visible_initiative(request: HttpRequest, slug: str) -> Initiative:
    return get_object_or_404(Initiative.objects.visible_to(request.user), slug=slug)


def initiative(request: HttpRequest, slug: str) -> HttpResponse:
    """An initiative's assessments: decided rounds for everyone, the open one for
    those who take part in it."""
    item = visible_initiative(request, slug)
    rounds = item.assessments.select_related("framework").order_by("-round")
    open_round = next((a for a in rounds if a.status != Assessment.Status.DECIDED), None)
    if open_round is not None and not workflow.sees_open_round(request.user, open_round):
        open_round = None
    user = request.user
    is_curator = user.is_authenticated and user.is_curator
    context = {
        "item": item,
        "decided": [a for a in rounds if a.status == Assessment.Status.DECIDED],
        "open_round": open_round,
        "owns": workflow.owns(user, item),
        "is_curator": is_curator,
        "scores": workflow.average_scores(open_round) if open_round else [],
        "may_start": item.is_published
        and open_round is None
        and not item.assessments.exclude(status=Assessment.Status.DECIDED).exists()
        and (workflow.owns(user, item) or is_curator),
        "start_form": StartForm(),
    }
    if open_round is not None and is_curator:
        context["assignments"] = open_round.assignments.select_related("reviewer")
        context["assign_form"] = AssignForm(
            reviewers=workflow.eligible_reviewers(item).exclude(
                review_assignments__assessment=open_round
            )
        )
    return render(request, "assessments/initiative.html", context)


def attempt(request: HttpRequest, step: Callable, form=None, fallback: str = "") -> bool:
    """Run a workflow step; its field errors go to `form`, a state conflict to a
    message. Whether it succeeded."""
    try:
        step()
    except ValidationError as error:
        if form is None:
            for text in error.messages:
                messages.error(request, text)
        elif hasattr(form, "show"):
            form.show(error)
        else:
            for name, texts in error.message_dict.items():
                form.add_error(name if name in form.fields else None, texts)
        return False
    except StateConflict as error:
        messages.error(request, str(error))
        return False
    return True


@require_POST
@login_required
def start(request: HttpRequest, slug: str) -> HttpResponse:
    item = visible_initiative(request, slug)
    form = StartForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    if attempt(request, lambda: workflow.open_round(item, request.user, reason)):
        messages.success(request, _("A new assessment round is open."))
    return redirect("assessments:initiative", slug=item.slug)


@login_required
def self_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(
        Assessment.objects.select_related("initiative", "framework"), pk=pk
    )
    item = assessment.initiative
    if not workflow.owns(request.user, item):
        raise PermissionDenied
    if assessment.status != Assessment.Status.SELF_ASSESSMENT:
        return redirect("assessments:initiative", slug=item.slug)
    initial = {}
    for given in assessment.self_scores.select_related("criterion"):
        code = given.criterion.code
        initial |= {
            f"score_{code}": given.score,
            f"text_{code}": given.text,
            f"evidence_{code}": "\n".join(given.evidence),
        }
    form = ScoresForm(
        request.POST or None, initial=initial, framework=assessment.framework, review=False
    )
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        done = attempt(
            request,
            lambda: workflow.save_self_assessment(
                assessment, request.user, form.entries(), submit=submit
            ),
            form,
        )
        if done:
            messages.success(
                request,
                _("Your self-assessment is sent for review.")
                if submit
                else _("Your self-assessment is saved."),
            )
            return redirect("assessments:initiative", slug=item.slug)
    context = {"assessment": assessment, "item": item, "form": form}
    return render(request, "assessments/self_assessment.html", context)


@require_POST
@curator_required
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(Assessment.objects.select_related("initiative"), pk=pk)
    form = AssignForm(request.POST, reviewers=workflow.eligible_reviewers(assessment.initiative))
    if not form.is_valid():
        for texts in form.errors.values():
            for text in texts:
                messages.error(request, text)
    elif attempt(
        request, lambda: workflow.assign(assessment, form.cleaned_data["reviewer"], request.user)
    ):
        messages.success(request, _("The reviewer is assigned and told by email."))
    return redirect("assessments:initiative", slug=assessment.initiative.slug)


@curator_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(
        Assessment.objects.select_related("initiative", "framework"), pk=pk
    )
    form = DecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = lambda: workflow.decide(assessment, request.user, **form.cleaned_data)  # noqa: E731
        if attempt(request, step, form):
            messages.success(request, _("The decision is published on the initiative's page."))
            return redirect(assessment.initiative.get_absolute_url())
    context = {
        "assessment": assessment,
        "item": assessment.initiative,
        "form": form,
        "scores": workflow.average_scores(assessment),
        "assignments": assessment.assignments.select_related("reviewer").prefetch_related(
            "scores__criterion"
        ),
    }
    return render(request, "assessments/decide.html", context)


@login_required
def my_reviews(request: HttpRequest) -> HttpResponse:
    """A reviewer's own assignments, and nobody else's."""
    assignments = Assignment.objects.filter(reviewer=request.user).select_related(
        "assessment__initiative"
    )
    return render(request, "assessments/reviews.html", {"assignments": assignments})


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    # Only the reviewer's own: someone else's assignment does not exist for them.
    assignment = get_object_or_404(
        Assignment.objects.select_related("assessment__initiative", "assessment__framework"),
        pk=pk,
        reviewer=request.user,
    )
    assessment = assignment.assessment
    declare_form = DeclareForm(request.POST if "declare" in request.POST else None)
    scores_form = ScoresForm(
        request.POST if "score" in request.POST else None,
        framework=assessment.framework,
        review=True,
    )
    if request.method == "POST" and "declare" in request.POST and declare_form.is_valid():
        step = lambda: workflow.declare(  # noqa: E731
            assignment,
            request.user,
            conflict=declare_form.cleaned_data["conflict"],
            note=declare_form.cleaned_data["conflict_note"],
        )
        if attempt(request, step, declare_form):
            return redirect("assessments:review", pk=assignment.pk)
    if request.method == "POST" and "score" in request.POST and scores_form.is_valid():
        step = lambda: workflow.review(assignment, request.user, scores_form.entries())  # noqa: E731
        if attempt(request, step, scores_form):
            messages.success(request, _("Thank you: your review is sent to the curators."))
            return redirect("assessments:reviews")
    context = {
        "assignment": assignment,
        "assessment": assessment,
        "item": assessment.initiative,
        "declare_form": declare_form,
        "form": scores_form,
        "self_scores": assessment.self_scores.select_related("criterion"),
        "given": assignment.scores.select_related("criterion"),
    }
    return render(request, "assessments/review.html", context)
