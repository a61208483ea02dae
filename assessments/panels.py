"""Panels on initiative pages (see contributions.extensions): the practice badge
beside the metadata, the public assessment summary below the text."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from contributions.models import Contribution, Initiative

from .models import Assessment
from .workflow import average_scores, owns


def standing(item: Contribution) -> Assessment | None:
    """The initiative's standing decision, read once per page: both panels show it."""
    if not isinstance(item, Initiative):
        return None
    if not hasattr(item, "_standing_assessment"):
        item._standing_assessment = item.assessments.current().select_related("framework").first()
    return item._standing_assessment


def practice_badge(request: HttpRequest, item: Contribution) -> str:
    decision = standing(item)
    if decision is None or not decision.is_proven:
        return ""
    return render_to_string("assessments/_badge.html", {"decision": decision}, request=request)


def assessment_summary(request: HttpRequest, item: Contribution) -> str:
    """The standing decision with its summary and scores, and for the owner's
    editors a way to the assessment page."""
    if not isinstance(item, Initiative):
        return ""
    decision = standing(item)
    may_act = item.is_published and (
        owns(request.user, item) or (request.user.is_authenticated and request.user.is_curator)
    )
    if decision is None and not may_act:
        return ""
    context = {
        "item": item,
        "decision": decision,
        "scores": average_scores(decision) if decision else [],
        "may_act": may_act,
    }
    return render_to_string("assessments/_summary.html", context, request=request)
