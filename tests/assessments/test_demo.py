"""Demo assessments from `manage.py loaddemo`: one of each outcome, made through
the workflow, and a second run adds nothing."""

import io

import pytest
from django.core.management import call_command

from assessments.models import Assessment, Assignment, Outcome
from contributions.models import ModerationEvent

pytestmark = pytest.mark.django_db


def test_loaddemo_assesses_initiatives_of_each_outcome_with_reviews():
    call_command("loaddemo", stdout=io.StringIO())
    decided = Assessment.objects.current()
    assert sorted(decided.values_list("outcome", flat=True)) == sorted(Outcome.values)
    for assessment in decided:
        reviews = assessment.assignments.filter(completed_at__isnull=False)
        assert reviews.count() == 2
        assert all(score.rationale for review in reviews for score in review.scores.all())
        assert assessment.self_scores.count() == assessment.framework.criteria.count()
    assert ModerationEvent.objects.filter(action="assessment_decided").count() == 3
    counts = (Assessment.objects.count(), Assignment.objects.count())
    call_command("loaddemo", stdout=io.StringIO())
    assert (Assessment.objects.count(), Assignment.objects.count()) == counts
