"""How well the synergy finder tells duplicates, related and unrelated work apart,
measured on the labelled set in similarity_pairs.py. The figures are printed on every
run, on SQLite and on PostgreSQL alike."""

import io
from statistics import mean

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from contributions.models import KINDS, TAG_FIELDS, Status
from synergies.profile import STRONG, Profile
from synergies.similarity import find_similar, score_pair

from .similarity_pairs import DUPLICATES, POOL_EXTRA, RELATED, UNRELATED, Duplicate

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool(db) -> dict:
    """The published demo items, plus the four the labelled set also needs published."""
    call_command("loaddemo", stdout=io.StringIO())
    admin = User.objects.get(username="admin")
    for kind, slug in POOL_EXTRA:
        item = KINDS[kind].objects.get(slug=slug)
        if item.status in (Status.DRAFT, Status.CHANGES_REQUESTED):
            item.submit(by=admin)
        item.publish(by=admin)
    return {
        (kind, item.slug): item
        for kind, model in KINDS.items()
        for item in model.objects.published().with_tags()
    }


def draft_of(duplicate: Duplicate, pool: dict, organisation) -> Profile:
    """The near-duplicate as a draft another organisation is about to submit."""
    original = pool[duplicate.original]
    return Profile.from_tags(
        title=duplicate.title,
        summary=duplicate.summary,
        kind=duplicate.original[0],
        organisation_id=organisation.pk,
        tags={name: getattr(original, name).all() for name in TAG_FIELDS},
    )


def report(capsys, text: str) -> None:
    with capsys.disabled():
        print(f"\n[synergy finder on {connection.vendor}] {text}")


def test_the_labelled_set_has_at_least_forty_pairs_of_every_label():
    assert len(DUPLICATES) + len(RELATED) + len(UNRELATED) >= 40
    assert min(len(DUPLICATES), len(RELATED), len(UNRELATED)) >= 10


def test_the_labelled_set_names_only_items_in_the_pool(pool):
    named = {d.original for d in DUPLICATES} | {i for pair in RELATED + UNRELATED for i in pair}

    assert named <= set(pool), named - set(pool)


def test_the_original_comes_first_for_at_least_nine_in_ten_near_duplicates(
    pool, organisation, capsys
):
    misses = []
    for duplicate in DUPLICATES:
        matches = find_similar(draft_of(duplicate, pool, organisation), limit=3)
        found = [(m.kind, m.item.slug) for m in matches]
        if not found or found[0] != duplicate.original:
            misses.append(f"{duplicate.title!r} → {found}")

    precision = 1 - len(misses) / len(DUPLICATES)
    report(
        capsys,
        f"top-1 precision for duplicates: {precision:.2f} "
        f"({len(DUPLICATES) - len(misses)} of {len(DUPLICATES)})"
        + "".join(f"\n  missed: {miss}" for miss in misses),
    )
    assert precision >= 0.9


def test_near_duplicates_are_strong_matches_that_must_be_marked(pool, organisation, capsys):
    scores = [
        score_pair(draft_of(d, pool, organisation), pool[d.original]).score for d in DUPLICATES
    ]

    strong = sum(score >= STRONG for score in scores) / len(scores)
    report(capsys, f"duplicates scored as strong matches: {strong:.2f}, lowest {min(scores):.2f}")
    assert strong >= 0.9


def test_related_pairs_score_above_unrelated_pairs(pool, capsys):
    def scores(pairs):
        return [score_pair(Profile.of(pool[a]), pool[b]).score for a, b in pairs]

    related, unrelated = scores(RELATED), scores(UNRELATED)

    # The chance that a related pair outscores an unrelated one (ROC AUC).
    separation = mean(float(r > u) for r in related for u in unrelated)
    report(
        capsys,
        f"related pairs score {mean(related):.2f} on average (lowest {min(related):.2f}), "
        f"unrelated {mean(unrelated):.2f} (highest {max(unrelated):.2f}); "
        f"a related pair outscores an unrelated one {separation:.0%} of the time",
    )
    assert separation >= 0.9
    assert mean(related) > mean(unrelated) + 0.1
    assert max(unrelated) < STRONG


def test_while_typing_title_and_summary_alone_find_most_originals(pool, capsys):
    hits = 0
    for duplicate in DUPLICATES:
        draft = Profile(title=duplicate.title, summary=duplicate.summary)
        matches = find_similar(draft, limit=5)
        hits += duplicate.original in [(m.kind, m.item.slug) for m in matches[:1]]

    precision = hits / len(DUPLICATES)
    report(capsys, f"top-1 precision from title and summary alone: {precision:.2f}")
    assert precision >= 0.8
