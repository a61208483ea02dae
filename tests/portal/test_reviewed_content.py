"""Every stage and barrier page says when it was last reviewed and lists its sources."""

import datetime

import pytest

from barriers.models import Barrier, EvidenceLink
from core.reviews import a_year_after
from pathway.models import Stage

pytestmark = pytest.mark.django_db


def test_the_shipped_content_has_a_review_date_and_sources():
    for item in [*Stage.objects.all(), *Barrier.objects.all()]:
        assert item.reviewed_on == datetime.date(2026, 12, 2), item
    for stage in Stage.objects.all():
        assert stage.sources.exists(), stage
        assert all(s.url.startswith("https://") for s in stage.sources.all())
    assert not Barrier.objects.filter(evidence__isnull=True).exists()


def test_a_stage_page_shows_its_review_dates_and_sources(client):
    stage = Stage.objects.get(slug="testing-decision")
    body = client.get(stage.get_absolute_url()).content.decode()
    assert 'Last reviewed <time datetime="2026-12-02">2 December 2026</time>' in body
    assert 'Next review due <time datetime="2027-12-02">2 December 2027</time>' in body
    for source in stage.sources.all():
        assert f'<a href="{source.url}" rel="noopener">' in body


def test_a_barrier_page_lists_its_evidence_as_sources(client):
    barrier = Barrier.objects.get(slug="test-not-reimbursed")
    EvidenceLink.objects.create(barrier=barrier, title="A new report", url="https://example.org/r")
    body = client.get(barrier.get_absolute_url()).content.decode()
    assert '<h2 id="sources-heading">Sources</h2>' in body
    assert '<a href="https://example.org/r" rel="noopener">A new report</a>' in body
    assert "Last reviewed" in body


def test_a_page_never_reviewed_says_so(client):
    Stage.objects.filter(slug="monitoring").update(reviewed_on=None)
    body = client.get("/pathway/monitoring/").content.decode()
    assert "This page has not been reviewed yet." in body
    assert "Last reviewed" not in body


def test_the_next_review_is_a_year_later_even_after_a_leap_day():
    assert a_year_after(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)
    assert a_year_after(datetime.date(2026, 12, 2)) == datetime.date(2027, 12, 2)


def test_due_for_review_means_reviewed_a_year_ago_or_never():
    today = datetime.date(2027, 12, 2)
    Stage.objects.filter(slug="monitoring").update(reviewed_on=datetime.date(2027, 1, 1))
    Stage.objects.filter(slug="treatment-access").update(reviewed_on=None)
    due = set(Stage.objects.due_for_review(today).values_list("slug", flat=True))
    assert "treatment-access" in due and "testing-decision" in due
    assert "monitoring" not in due
    assert not Stage.objects.due_for_review(datetime.date(2027, 12, 1)).exclude(
        slug="treatment-access"
    )
