"""Reference content's search vectors are stored (search.models.StoredVector on
PostgreSQL, the FTS5 table on SQLite), kept in step by saves, deletes, renames of
what they name and `rebuild_search_index`, and read, never built, by a search."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier
from pathway.models import Stage
from portal.search import site_search
from search import index
from search.models import StoredVector
from stakeholders.models import Organisation

pytestmark = pytest.mark.django_db

REFERENCE = ("stage", "barrier", "stakeholdergroup", "organisation")
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="StoredVector is PostgreSQL's"
)


def found(text: str, kind: str) -> list[str]:
    return [hit.item.slug for hit in site_search(text, correct=False, kinds=(kind,)).ranking()]


def stored(kind: str) -> dict[int, tuple]:
    rows = StoredVector.objects.filter(kind=index.KIND_NUMBERS[kind])
    return {row[0]: row[1:] for row in rows.values_list("object_id", "document", "title")}


def test_a_saved_stage_is_found_by_its_new_words_in_each_language():
    stage = Stage.objects.get(slug="monitoring")
    stage.description_de = "Regelmäßige Kontrolluntersuchungen zeigen Rückfälle früh."
    stage.save()
    assert found("Kontrolluntersuchung", "stage") == ["monitoring"]
    stage.description_de = ""
    stage.save()
    assert found("Kontrolluntersuchung", "stage") == []


def test_a_deleted_organisation_is_no_longer_found(organisation):
    organisation.description = "Quokkas advise on screening."
    organisation.save()
    assert found("quokkas", "organisation") == [organisation.slug]
    pk = organisation.pk
    organisation.delete()
    assert found("quokkas", "organisation") == []
    if connection.vendor == "postgresql":
        assert pk not in stored("organisation")


@postgresql_only
def test_every_reference_row_has_its_stored_vectors_after_migrate(organisation):
    for kind in REFERENCE:
        model = index.REGISTRY[kind].model
        assert set(stored(kind)) == set(model.objects.values_list("pk", flat=True)), kind


@postgresql_only
def test_a_lost_table_is_restored_by_a_rebuild_and_after_migrate(organisation):
    before = {kind: stored(kind) for kind in REFERENCE}
    StoredVector.objects.all().delete()
    assert found("monitoring", "stage") == []

    call_command("rebuild_search_index")
    assert {kind: stored(kind) for kind in REFERENCE} == before

    StoredVector.objects.filter(kind=index.KIND_NUMBERS["barrier"]).delete()
    index.complete_after_migrate()
    assert {kind: stored(kind) for kind in REFERENCE} == before


@postgresql_only
def test_one_row_and_many_rows_are_stored_alike():
    barriers = Barrier.objects.all()
    for barrier in barriers:
        barrier.save()
    one_by_one = stored("barrier")
    index.refresh("barrier", barriers.values_list("pk", flat=True))
    assert stored("barrier") == one_by_one
    # Title and whole document differ: the title is weight A alone.
    assert all(document != title for document, title in one_by_one.values())


def test_a_long_query_reads_stored_vectors_in_one_statement_per_kind(organisation):
    Organisation.objects.filter(pk=organisation.pk).update(verified=True)
    words = "patients testing biomarker access cost hospital lung reimbursement care trial"
    with CaptureQueriesContext(connection) as queries:
        results = site_search(words, correct=False, kinds=REFERENCE)
    statements = [query["sql"] for query in queries.captured_queries]
    # On PostgreSQL one statement works out the query's tsqueries for every kind.
    prepared = [sql for sql in statements if "phraseto_tsquery" in sql]
    assert len(prepared) == (connection.vendor == "postgresql")
    # The page of each kind found, with its count (a window): no second statement.
    assert len(statements) - len(prepared) <= len(REFERENCE) + 1  # + the synonyms' table
    assert results.sections
    if connection.vendor == "postgresql":
        assert not any("to_tsvector" in sql for sql in statements)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_search_app_migrates_back_and_forward_again():
    # migrate's post_migrate indexing must not read tables migrated away.
    call_command("migrate", "synergies", "0002", verbosity=0)
    call_command("migrate", "search", "0003", verbosity=0)
    assert "search_storedvector" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert index.indexed_count("stage", "default") == Stage.objects.count()
