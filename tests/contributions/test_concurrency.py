"""Two actors at the same time, for real: threads released together, each with
its own PostgreSQL connection, on committed rows. Each race runs several times,
so that both orders (and the overlap) happen; whatever the order, nothing is lost,
nothing archived comes back, and what is reported live is live."""

import os
import threading
from collections.abc import Callable

import pytest
from django.db import connection

from contributions.models import (
    ModerationEvent,
    Resource,
    Revision,
    RevisionChanged,
    Status,
    TransitionNotAllowed,
)
from core.exceptions import StateConflict

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (DATABASE_URL): SQLite runs one writer at a time",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TRIALS = 8


def at_once(*actions: Callable[[], object]) -> list:
    """Run the actions in threads released together; each gives back its result
    or the exception it raised. Each thread closes its own connection."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)

    def run(index: int, action: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = action()
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def published(make_resource, title: str) -> Resource:
    return make_resource(title, "published", countries=["DE"], stages=["testing-decision"])


def propose(item: Resource, by, title: str) -> Revision:
    return Revision.propose(item, {"title": title, "summary": item.summary}, by=by)


def test_accepting_a_revision_while_another_curator_archives_never_brings_the_item_back(
    make_resource, partner, curator, admin_user
):
    outcomes = set()
    for trial in range(TRIALS):
        item = published(make_resource, f"Leaflet {trial}")
        revision = propose(item, partner, f"Leaflet {trial}, second edition")
        revision.contribution  # noqa: B018 - both curators' pages loaded it published
        archiving = Resource.objects.get(pk=item.pk)

        accepted, archived = at_once(
            lambda revision=revision: revision.accept(by=curator),
            lambda archiving=archiving: archiving.archive(by=admin_user, note="Withdrawn."),
        )

        assert isinstance(archived, ModerationEvent), archived
        item.refresh_from_db()
        assert item.status == Status.ARCHIVED
        state = Revision.objects.get(pk=revision.pk).status
        if isinstance(accepted, Exception):
            assert isinstance(accepted, TransitionNotAllowed), accepted
            assert (item.title, state) == (f"Leaflet {trial}", Revision.Status.PENDING)
            outcomes.add("refused")
        else:
            assert item.title == f"Leaflet {trial}, second edition"
            assert state == Revision.Status.ACCEPTED
            outcomes.add("accepted first")
    assert outcomes  # which orders happened depends on the scheduler


def test_accepting_a_revision_while_its_partner_edits_it_loses_no_edit(
    make_resource, partner, curator
):
    for trial in range(TRIALS):
        item = published(make_resource, f"Guide {trial}")
        revision = propose(item, partner, f"Guide {trial}, v2")
        seen = revision.updated_at  # the curator's page
        editing = Resource.objects.get(pk=item.pk)

        accepted, edited = at_once(
            lambda revision=revision, seen=seen: revision.accept(by=curator, seen=seen),
            lambda editing=editing, title=f"Guide {trial}, v3": propose(editing, partner, title),
        )

        assert isinstance(edited, Revision), edited
        item.refresh_from_db()
        pending = list(item.revisions.pending().values_list("data__title", flat=True))
        if isinstance(accepted, Exception):
            # The partner's edit came first: the curator is told, nothing is decided.
            assert isinstance(accepted, RevisionChanged), accepted
            assert item.title == f"Guide {trial}"
            assert pending == [f"Guide {trial}, v3"]
        else:
            # Accepted first: v2 is live, and the later edit waits as a new proposal.
            assert item.title == f"Guide {trial}, v2"
            assert pending == [f"Guide {trial}, v3"]
        # What is recorded as accepted is exactly what went live.
        for data in item.revisions.filter(status=Revision.Status.ACCEPTED).values_list(
            "data", flat=True
        ):
            assert data["title"] == item.title


def test_two_curators_deciding_one_revision_at_once_decide_it_once(
    make_resource, partner, curator, admin_user
):
    for trial in range(TRIALS // 2):
        item = published(make_resource, f"Report {trial}")
        revision = propose(item, partner, f"Report {trial}, corrected")
        copies = Revision.objects.get(pk=revision.pk), Revision.objects.get(pk=revision.pk)

        results = at_once(
            lambda copy=copies[0]: copy.accept(by=curator),
            lambda copy=copies[1]: copy.decline(by=admin_user, note="Not needed."),
        )

        winners = [result for result in results if isinstance(result, ModerationEvent)]
        assert len(winners) == 1, results
        assert isinstance(next(r for r in results if isinstance(r, Exception)), StateConflict)
        item.refresh_from_db()
        revision.refresh_from_db()
        applied = item.title == f"Report {trial}, corrected"
        assert applied == (revision.status == Revision.Status.ACCEPTED)
        assert item.moderation_events.filter(action__endswith="_revision").count() == 1


def test_two_items_with_the_same_title_saved_at_once_both_exist(make_resource):
    for trial in range(TRIALS):
        title = f"Same title {trial}"
        results = at_once(
            lambda title=title: make_resource(title), lambda title=title: make_resource(title)
        )

        assert all(isinstance(result, Resource) for result in results), results
        slugs = sorted(result.slug for result in results)
        assert slugs == [f"same-title-{trial}", f"same-title-{trial}-2"]
        assert Resource.objects.filter(title=title).count() == 2


ACTIONS = {
    "submit": lambda item, by: item.submit(by=by),
    "publish": lambda item, by: item.publish(by=by),
    "request_changes": lambda item, by: item.request_changes(by=by, note="Add sources."),
    "reject": lambda item, by: item.reject(by=by, reasons=["out_of_scope"]),
    "archive": lambda item, by: item.archive(by=by, note="Withdrawn."),
    "unarchive": lambda item, by: item.unarchive(by=by),
}


@pytest.mark.parametrize(
    ("status", "first", "second"),
    [
        ("draft", "submit", "submit"),
        ("changes_requested", "submit", "submit"),
        ("submitted", "publish", "reject"),
        ("submitted", "publish", "request_changes"),
        ("submitted", "reject", "request_changes"),
        ("submitted", "publish", "publish"),
        ("published", "archive", "archive"),
        ("archived", "unarchive", "unarchive"),
    ],
)
def test_every_workflow_transition_taken_twice_at_once_happens_once(
    status, first, second, make_resource, curator, admin_user
):
    for trial in range(TRIALS // 2):
        item = make_resource(
            f"{status} {trial}",
            status,
            stages=["testing-decision"],
            barriers=["patients-unaware-of-testing"],
            countries=["DE"],
        )
        copies = Resource.objects.get(pk=item.pk), Resource.objects.get(pk=item.pk)

        results = at_once(
            lambda copy=copies[0]: ACTIONS[first](copy, curator),
            lambda copy=copies[1]: ACTIONS[second](copy, admin_user),
        )

        winners = [result for result in results if isinstance(result, ModerationEvent)]
        losers = [result for result in results if isinstance(result, Exception)]
        assert len(winners) == 1 and len(losers) == 1, results
        assert isinstance(losers[0], TransitionNotAllowed), losers[0]
        item.refresh_from_db()
        assert item.status == winners[0].to_status
        assert item.moderation_events.filter(from_status=status).count() == 1


def test_two_curators_deciding_one_submission_at_once_decide_it_once(
    make_resource, curator, admin_user
):
    for trial in range(TRIALS):
        item = make_resource(f"Submitted {trial}", "submitted", stages=["testing-decision"])
        first, second = Resource.objects.get(pk=item.pk), Resource.objects.get(pk=item.pk)

        results = at_once(
            lambda first=first: first.publish(by=curator),
            lambda second=second: second.reject(by=admin_user, reasons=["out_of_scope"]),
        )

        winners = [result for result in results if isinstance(result, ModerationEvent)]
        losers = [result for result in results if isinstance(result, Exception)]
        assert len(winners) == 1 and len(losers) == 1, results
        assert isinstance(losers[0], TransitionNotAllowed)
        item.refresh_from_db()
        assert item.status == winners[0].to_status
        assert item.moderation_events.exclude(action="submit").count() == 1
