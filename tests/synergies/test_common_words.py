"""The index's common words, counted once per content version (synergies/common.py):
a lookup does not search for them and finds the same matches. Runs on SQLite and
PostgreSQL."""

import pytest
from django.core.cache import cache

from core import content_version
from synergies import candidates, common, wording
from synergies.common import CommonWords
from synergies.profile import Profile
from synergies.similarity import find_similar

pytestmark = pytest.mark.django_db

# Few items make a word common here, as 61 do in a real library.
SMALL_COMMON = 3


@pytest.fixture
def small_common(monkeypatch):
    for module in (wording, candidates, common):
        monkeypatch.setattr(module, "COMMON", SMALL_COMMON)
    monkeypatch.setattr(wording, "UNKNOWN", SMALL_COMMON)
    common.forget()
    yield
    common.forget()


@pytest.fixture
def library(make_resource, make_initiative):
    """ "Biomarker" in six published resources and two initiatives, "sequencing" in
    three resources, "reimbursement" in drafts only, "molekulare" in German once."""
    items = [
        make_resource(f"Biomarker guide {n}", "published", summary=f"Biomarker panels, part {n}.")
        for n in range(5)
    ] + [
        make_resource("Sequencing centres", "published", summary="Biomarker panels sequenced."),
        make_resource("Sequencing for patients", "published", summary="Sequencing for patients."),
        make_resource("Sequencing costs", "published", summary="What it costs."),
        make_resource(
            "Molekulare Diagnostik",
            "published",
            summary="Molekulare Diagnostik in Kliniken.",
            language="de",
        ),
        make_initiative("Biomarker campaign", "published", summary="A campaign."),
        make_initiative("Biomarker awareness week", "published", summary="A week."),
    ]
    for n in range(5):
        make_resource(f"Reimbursement draft {n}", "draft", summary="Reimbursement appeals.")
    return items


def test_words_held_by_more_than_common_published_items_of_a_kind_are_counted(
    small_common, library
):
    counted = common.count()

    # Stems as the index holds them: English "biomark", the unstemmed "biomarker".
    assert counted.holds("resource", (("biomarker",),))
    assert counted.holds("resource", (("biomarkers",),))
    # Too few initiatives; drafts do not count; a synonym phrase alone says nothing.
    assert not counted.holds("initiative", (("biomarker",),))
    assert not counted.holds("resource", (("sequencing",),))
    assert not counted.holds("resource", (("reimbursement",),))
    assert not counted.holds("resource", (("biomarker", "test"),))
    # A cognate spelling is common when a common word begins with it.
    assert counted.holds_prefix("resource", ("biom",))
    assert not counted.holds_prefix("resource", ("molek", "seque"))


def test_a_lookup_finds_the_same_without_searching_for_common_words(
    small_common, library, monkeypatch
):
    profile = Profile(
        title="Biomarker sequencing guide",
        summary="Reimbursement of biomarker panels in sequencing centres.",
    )
    searched = []
    real_hits_sql, real_load = candidates._hits_sql, common.load

    def spy(wanted):
        searched[-1].append({kind: set(words) for kind, words in wanted.items()})
        return real_hits_sql(wanted)

    monkeypatch.setattr(candidates, "_hits_sql", spy)
    monkeypatch.setattr(common, "load", lambda version: None)
    searched.append([])
    without = find_similar(profile, limit=20, minimum=0)
    # A new content version: nothing the first lookup found is kept for it.
    monkeypatch.setattr(common, "load", real_load)
    cache.clear()
    common.build()
    searched.append([])
    with_counts = find_similar(profile, limit=20, minimum=0)

    assert len(without) > 2
    assert [(m.item, m.score, m.reasons) for m in with_counts] == [
        (m.item, m.score, m.reasons) for m in without
    ]
    # "biomarker" (word 0) was searched among resources without the count, not with
    # it; among initiatives (too few hold it) with it too.
    # The first search of each lookup is the words'.
    first, later = searched[0][0], searched[1][0]
    assert (0,) in first["resource"] and (0,) not in later["resource"]
    assert (0,) in later["initiative"]


def test_a_change_of_content_counts_the_words_again(
    small_common, library, make_resource, monkeypatch
):
    common.build()
    before = content_version.current()
    assert not common.load(before).holds("resource", (("sequencing",),))

    make_resource("Sequencing in every region", "published")
    queued = []
    monkeypatch.setattr(common, "schedule", lambda: queued.append(True))
    # As once the change is committed (outside the test's transaction).
    content_version.changed.send(sender=content_version.bump)
    common.build()

    assert queued
    assert content_version.current() != before
    assert common.load(content_version.current()).holds("resource", (("sequencing",),))


def test_words_not_counted_for_the_version_are_searched(small_common, library, monkeypatch):
    queued = []
    monkeypatch.setattr(common, "schedule", lambda: queued.append(True))
    cache.clear()

    assert common.load(content_version.current()) is None
    assert queued
    assert common.load(None) is None
    matches = find_similar(Profile(title="Biomarker guide 3"), limit=1)
    assert matches[0].item.title == "Biomarker guide 3"


def test_nothing_is_common_in_an_empty_count():
    empty = CommonWords()

    assert not empty.holds("resource", (("cancer",),))
    assert not empty.holds_prefix("resource", ("canc",))
