"""The search index follows the data: renamed or deleted tags, changed tags, and
`manage.py rebuild_search_index` (PostgreSQL's stored vectors, SQLite's FTS5
table and the vocabulary of spelling suggestions alike)."""

import pytest
from django.core.management import call_command
from django.db import connection

from barriers.models import Barrier, BarrierCategory
from contributions.models import Resource
from contributions.search import index_item, store_vectors
from pathway.models import Country, Region, Stage, TherapeuticArea
from portal.search import site_search
from search import index
from search.models import Term
from stakeholders.models import StakeholderGroup

BARRIER = "patients-unaware-of-testing"


def found(text: str) -> set[str]:
    return {item.title for item in Resource.objects.published().search(text)}


def indexed_rows(kind: str) -> dict:
    """What the index holds for each object of `kind`: its vector or its FTS5 row."""
    if connection.vendor == "postgresql":
        return dict(Resource.objects.values_list("pk", "search_vector"))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, title, summary, body, tags FROM search_fts WHERE rowid %% %s = %s",
            [index.ROWID_FACTOR, index.KIND_NUMBERS[kind]],
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


@pytest.fixture
def guide(make_resource):
    return make_resource(
        "A plain guide",
        status="published",
        summary="What to expect.",
        barriers=[BARRIER],
        stages=["testing-decision"],
        countries=["PL"],
        regions=["europe"],
        therapeutic_areas=["lung-cancer"],
        audiences=["patients-advocacy"],
    )


def test_renaming_a_barrier_finds_its_items_by_the_new_name_not_the_old(guide):
    barrier = Barrier.objects.get(slug=BARRIER)
    barrier.title = "Quokkas never hear of testing"
    barrier.save()
    assert found("quokkas") == {"A plain guide"}

    barrier.title = "Wombats never hear of testing"
    barrier.save()

    assert found("wombats") == {"A plain guide"}
    assert found("quokkas") == set()
    assert Term.objects.filter(word="wombats").exists()


@pytest.mark.parametrize(
    ("model", "lookup", "field"),
    [
        (Stage, {"slug": "testing-decision"}, "name"),
        (Country, {"code": "PL"}, "name"),
        (Region, {"slug": "europe"}, "name"),
        (TherapeuticArea, {"slug": "lung-cancer"}, "name"),
        (StakeholderGroup, {"slug": "patients-advocacy"}, "name"),
    ],
)
def test_renaming_any_tag_reindexes_its_items(guide, model, lookup, field):
    tag = model.objects.get(**lookup)
    setattr(tag, field, "Xylophonia")
    tag.save()

    assert found("xylophonia") == {"A plain guide"}


def test_renaming_the_organisation_reindexes_its_items(guide):
    guide.organisation.name = "Xylophonia Patients"
    guide.organisation.save()

    assert found("xylophonia") == {"A plain guide"}


def test_saving_a_tag_without_renaming_it_reindexes_nothing(guide, django_assert_num_queries):
    stage = Stage.objects.get(slug="testing-decision")
    stage.summary = "A new summary."
    # The earlier name, the update, the words learnt and the stage's own entry in
    # the index: its stored vectors (one upsert) or its FTS5 row (delete, insert).
    with django_assert_num_queries(3 + (1 if connection.vendor == "postgresql" else 2)):
        stage.save()


def test_deleting_a_tag_drops_its_name_from_its_items(guide):
    area = TherapeuticArea.objects.create(name="Xylophonia", slug="xylophonia")
    guide.therapeutic_areas.add(area)
    assert found("xylophonia") == {"A plain guide"}

    area.delete()

    assert found("xylophonia") == set()


def test_tagging_items_from_the_tag_side_reindexes_them(guide, make_resource):
    other = make_resource("Another guide", status="published", summary="Nothing more.")
    barrier = Barrier.objects.get(slug=BARRIER)
    barrier.title = "Wombats never hear of testing"
    barrier.save()

    barrier.resources.add(other)
    assert found("wombats") == {"A plain guide", "Another guide"}

    barrier.resources.remove(guide)
    assert found("wombats") == {"Another guide"}

    barrier.resources.clear()
    assert found("wombats") == set()


def test_renaming_a_barrier_category_reindexes_its_barriers(db):
    barrier = Barrier.objects.get(slug=BARRIER)
    category = barrier.category
    category.name = "Xylophonia matters"
    category.save()

    hits = site_search("xylophonia", kinds=("barrier",)).ranking()

    assert barrier in [hit.item for hit in hits]
    assert BarrierCategory.objects.filter(name="Xylophonia matters").exists()


def test_one_item_and_many_items_are_indexed_alike(guide, make_resource, make_initiative):
    make_resource(
        "Ein Leitfaden",
        status="published",
        language="de",
        summary="Für Patienten.",
        description="Biomarker testen.",
        barriers=[BARRIER],
        countries=["DE"],
    )
    for item in Resource.objects.all():
        index_item(item)
    one_by_one = indexed_rows("resource")

    if connection.vendor == "postgresql":
        Resource.objects.update(search_vector=None)
        store_vectors(Resource.objects.all())
    else:
        index.refresh("resource", Resource.objects.values_list("pk", flat=True))

    assert indexed_rows("resource") == one_by_one


def test_rebuild_search_index_restores_a_lost_index_and_forgets_stale_words(guide, capsys):
    barrier = Barrier.objects.get(slug=BARRIER)
    before = indexed_rows("resource")
    Barrier.objects.filter(pk=barrier.pk).update(title="Wombats never hear of testing")
    Resource.objects.update(search_vector=None)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
    Term.objects.create(word="quokkas")
    assert found("wombats") == set()

    call_command("rebuild_search_index")

    assert found("wombats") == {"A plain guide"}
    assert site_search("wombats", kinds=("barrier",)).count == 1
    assert not Term.objects.filter(word="quokkas").exists()
    assert Term.objects.filter(word="wombats").exists()
    assert "Search index rebuilt" in capsys.readouterr().out
    assert indexed_rows("resource") != before  # the new title is in it

    vocabulary = set(Term.objects.values_list("word", flat=True))
    rebuilt = indexed_rows("resource")
    call_command("rebuild_search_index")
    assert set(Term.objects.values_list("word", flat=True)) == vocabulary
    assert indexed_rows("resource") == rebuilt
