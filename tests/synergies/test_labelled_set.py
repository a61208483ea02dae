"""The synergy finder measured on an independent labelled set (drafts.py) against a
library written for it (library.py), at about 100 and about 5,000 items, on the
database the suite runs on; on PostgreSQL after ANALYZE, as a live database is.

Every figure is printed, with the precision/recall curve of the threshold of a
possible duplicate, and asserted per mode (while typing, in the submission check):

- hard negatives (tag twins among them) flagged as possible duplicates: at most 5 %;
- related-but-distinct work flagged: at most 20 %;
- the original first for a duplicate (top-1): at least TOP_1, and its original
  flagged possible duplicate: at least FLAGGED, the figures issue 13 asks. The
  duplicates still missed are drafts in another language than their original
  sharing few words, names, cognates or synonyms with it (a Spanish draft of an
  English guide, an English draft of a Polish campaign): cognates and the synonym
  table join languages, and neither holds "encuesta" for "survey".
"""

import pytest
from django.db import connection

from contributions.models import KINDS, Status
from gaps.entries import entries_for
from gaps.models import CoverageEntry
from synergies import common

from .drafts import DRAFTS, DUPLICATE, NEGATIVE, RELATED
from .evaluation import (
    MODES,
    analyse_contribution_tables,
    evaluate,
    figures,
    partners,
    report,
    tables_with_word_statistics,
)
from .library import ITEMS, ORGANISATIONS, Filler, load_library, tag_ids

pytestmark = pytest.mark.django_db

LARGE_LIBRARY = 5_000
TOP_1 = 0.95
FLAGGED = 0.9
NEGATIVES_FLAGGED = 0.05
RELATED_FLAGGED = 0.2


def show(capsys, text: str) -> None:
    with capsys.disabled():
        print(text)


def test_the_labelled_set_is_large_and_every_label_is_well_represented():
    labels = [draft.label for draft in DRAFTS]

    assert len(DRAFTS) >= 110
    assert labels.count(DUPLICATE) >= 45
    assert labels.count(RELATED) >= 30
    assert labels.count(NEGATIVE) >= 35
    assert sum(draft.tag_twin for draft in DRAFTS) >= 8
    assert sum("pathological" in draft.variations for draft in DRAFTS) >= 6
    assert len(ITEMS) >= 100


def test_drafts_name_library_items_and_come_from_other_organisations():
    library = {item.key: item for item in ITEMS}
    organisations = {org.key for org in ORGANISATIONS}

    for draft in DRAFTS:
        assert draft.organisation in organisations, draft.title
        if draft.label in (DUPLICATE, RELATED):
            assert draft.target in library, draft.title
            assert draft.organisation != library[draft.target].organisation, draft.title
    assert len(library) == len(ITEMS), "every item has its own key"


def test_every_tag_of_the_library_and_the_drafts_is_in_the_reference_content():
    known = tag_ids()

    for thing in [*ITEMS, *DRAFTS]:
        for name, slugs in thing.tags.items():
            assert set(slugs) <= set(known[name]), (getattr(thing, "key", thing.title), name)


def test_the_library_loads_as_published_items_with_what_the_app_derives_on_save():
    loaded = load_library(filler=200)

    assert len(loaded) == len(ITEMS) + 200
    assert {item.status for item in loaded.values()} == {Status.PUBLISHED}
    for kind, model in KINDS.items():
        items = list(model.objects.filter(slug__in=loaded))
        entries = {
            (e.stage_bits, e.category_bits, e.barrier_bits, getattr(e, f"{kind}_id"))
            for e in CoverageEntry.objects.filter(**{f"{kind}__in": items})
        }
        expected = {
            (e.stage_bits, e.category_bits, e.barrier_bits, getattr(e, f"{kind}_id"))
            for e in entries_for(model, [item.pk for item in items])
        }
        assert entries == expected
        if connection.vendor == "postgresql":
            bulk = dict(model.objects.filter(slug__in=loaded).values_list("pk", "search_vector"))
            for item in items:
                item.update_search_vector()
            saved = dict(model.objects.filter(slug__in=loaded).values_list("pk", "search_vector"))
            assert bulk == saved


def test_the_filler_is_the_same_for_the_same_seed():
    def made_up(seed: int) -> list:
        filler = Filler(seed)
        return filler.items(50, filler.organisations())

    assert made_up(3) == made_up(3)
    assert made_up(3) != made_up(4)


def measure(capsys, filler: int, heading: str) -> None:
    load_library(filler=filler)
    users = partners(DRAFTS)
    if connection.vendor == "postgresql":
        analyse_contribution_tables()
        assert tables_with_word_statistics() == len(KINDS)
        heading = f"{heading}, after ANALYZE"
    # As the task queued by the change does: the lookups skip the common words.
    assert common.build() is not None
    outcomes = evaluate(DRAFTS, users)
    show(capsys, report(outcomes, heading))

    assert len(outcomes) == len(DRAFTS) * len(MODES)
    for mode in MODES:
        found = figures(outcomes, mode)
        assert found.negatives_flagged <= NEGATIVES_FLAGGED, (mode, found)
        assert found.related_flagged <= RELATED_FLAGGED, (mode, found)
        assert found.top_1 >= TOP_1, (mode, found)
        assert found.duplicates_flagged >= FLAGGED, (mode, found)


def test_the_finder_sorts_the_labelled_drafts_in_a_library_of_about_a_hundred(capsys):
    measure(capsys, 0, f"library of {len(ITEMS)} items")


def test_the_finder_sorts_the_labelled_drafts_in_a_library_of_about_five_thousand(capsys):
    measure(capsys, LARGE_LIBRARY - len(ITEMS), f"library of {LARGE_LIBRARY} items")
