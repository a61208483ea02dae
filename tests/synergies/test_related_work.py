"""Related work and potential partners stored when items change (synergies/related.py)
and read by the item's page instead of searching the library on every view."""

import pytest
from django.test import Client

from contributions.models import Initiative, Resource
from stakeholders.models import Organisation
from synergies import panels, similarity
from synergies.models import RelatedWork
from synergies.tasks import refresh_stale_related_work

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager_tasks(monkeypatch):
    """The refresh runs in this process, with or without a broker configured."""
    from ft3portal.celery import app as celery_app

    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)


REIMBURSEMENT = "test-not-reimbursed"
TAGS = {"barriers": [REIMBURSEMENT], "stages": ["testing-decision"], "countries": ["DE"]}


def publish_now(make, title, capture, **tags):
    """Make a published item and run what its commit enqueues (in-process, eager)."""
    with capture(execute=True):
        return make(title, "published", **{**TAGS, **tags})


def stored_titles(item) -> list[str]:
    row = RelatedWork.objects.get(**{item.kind: item})
    models = {"resource": Resource, "initiative": Initiative}
    return [models[e["kind"]].objects.get(pk=e["pk"]).title for e in row.related]


@pytest.fixture
def no_live_search(monkeypatch):
    """Make the on-the-spot search fail, to show a page did not use it."""

    def refuse(*args, **kwargs):
        raise AssertionError("searched the library on a page view")

    monkeypatch.setattr(similarity, "related_to", refuse)
    monkeypatch.setattr(panels, "potential_partners", refuse)


def test_publishing_stores_the_items_related_work(
    make_resource, django_capture_on_commit_callbacks
):
    first = publish_now(
        make_resource, "Biomarker test reimbursement in Germany", django_capture_on_commit_callbacks
    )
    second = publish_now(
        make_resource, "Biomarker test reimbursement appeals", django_capture_on_commit_callbacks
    )
    assert stored_titles(second) == [first.title]
    # The first item's list changed with the second: it was refreshed too.
    assert stored_titles(first) == [second.title]


def test_the_page_reads_the_stored_lists_without_searching(
    make_resource, make_initiative, django_capture_on_commit_callbacks, no_live_search, db
):
    other_org = Organisation.objects.create(
        name="Reimbursement Watch",
        slug="reimbursement-watch",
        group=Organisation.objects.first().group,
        verified=True,
    )
    publish_now(
        make_resource,
        "Biomarker test reimbursement in Germany",
        django_capture_on_commit_callbacks,
        organisation=other_org,
    )
    campaign = publish_now(
        make_initiative,
        "Campaign for biomarker test reimbursement in Germany",
        django_capture_on_commit_callbacks,
    )
    body = Client().get(campaign.get_absolute_url()).content.decode()
    assert "Related work" in body
    assert "Biomarker test reimbursement in Germany" in body
    assert "Potential partners" in body
    assert "Reimbursement Watch" in body


def test_an_archived_item_drops_out_of_stored_lists_at_once(
    make_resource, curator, django_capture_on_commit_callbacks
):
    kept = publish_now(
        make_resource, "Biomarker reimbursement guide", django_capture_on_commit_callbacks
    )
    gone = publish_now(
        make_resource, "Biomarker reimbursement appeals", django_capture_on_commit_callbacks
    )
    gone.archive(by=curator)  # its commit's refresh is not run here
    body = Client().get(kept.get_absolute_url()).content.decode()
    assert "Biomarker reimbursement appeals" not in body


def test_unpublishing_removes_the_stored_row(
    make_resource, curator, django_capture_on_commit_callbacks
):
    item = publish_now(make_resource, "Soon archived guide", django_capture_on_commit_callbacks)
    assert RelatedWork.objects.filter(resource=item).exists()
    with django_capture_on_commit_callbacks(execute=True):
        item.archive(by=curator)
    assert not RelatedWork.objects.filter(resource=item).exists()


def test_without_anything_stored_the_page_works_it_out(make_resource):
    # Made without running the commit callbacks: nothing stored, as after a bulk load.
    make_resource("Biomarker test reimbursement in Germany", "published", **TAGS)
    item = make_resource("Biomarker test reimbursement appeals", "published", **TAGS)
    assert not RelatedWork.objects.exists()
    body = Client().get(item.get_absolute_url()).content.decode()
    assert "Biomarker test reimbursement in Germany" in body


def test_the_hourly_refresh_fills_in_what_is_missing(make_resource):
    first = make_resource("Biomarker test reimbursement in Germany", "published", **TAGS)
    second = make_resource("Biomarker test reimbursement appeals", "published", **TAGS)
    make_resource("A draft nobody sees", **TAGS)
    assert refresh_stale_related_work() == 2
    assert stored_titles(first) == [second.title]
    assert refresh_stale_related_work() == 0


def test_drafts_schedule_nothing(make_resource, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        item = make_resource("Private draft", **TAGS)
        item.title = "Still private"
        item.save()
    assert callbacks == []
    assert not RelatedWork.objects.exists()
