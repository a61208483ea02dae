"""The synergy finder across languages (cognates, wording.cognate) and what a lookup
keeps in the cache (what its words find, under the content version). Runs on SQLite
and PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import Synonym
from search.synonyms import Table
from synergies.candidates import candidate_ids, retrieve
from synergies.cognates import spellings
from synergies.profile import Profile
from synergies.similarity import find_similar, score_pair
from synergies.wording import Concepts, cognate, lookup_words, matched, names

pytestmark = pytest.mark.django_db


def reading(text: str, language: str):
    return Concepts.of(Table((), {})).reading(text, "", language)


def test_cognates_spell_the_same_latin_and_greek_words_alike():
    assert cognate("moleku") == cognate("molecu") == "molec"
    assert cognate("pacien") == cognate("patien")
    assert cognate("terapi") == cognate("therap")
    assert cognate("kampan") == cognate("campai")
    # Too short to tell a cognate from a chance likeness.
    assert cognate("dat") == ""
    assert cognate("2026") == ""


def test_texts_in_different_languages_meet_through_cognates_and_the_same_language_does_not():
    english = reading("Molecular diagnostics for patients", "en")
    german = reading("Molekulare Diagnostik für Patienten", "de")
    english_lookalike = reading("Molekulare diagnostics for patients", "en")

    mine = english.all_set
    assert matched(english, german, mine) == mine
    # Within one language words are compared by their stems only: a misspelt word
    # is not a cognate.
    assert matched(english, english_lookalike, mine) == mine - {"molecu"}


def test_the_same_word_stemmed_by_another_language_is_still_the_same_word():
    french = reading("Le cancer chez les jeunes adultes", "fr")
    english = reading("Cancer in young adults", "en")

    # French stems "cancer" to "canc", English keeps "cancer"; too short for a cognate.
    assert "canc" in french.all_set and "cancer" in english.all_set
    assert "canc" in matched(french, english, french.all_set)


def test_a_word_is_also_looked_up_as_its_cognates_are_spelt_in_other_languages():
    assert "molek" in spellings("molecular", "en")
    assert "kampa" in spellings("campaign", "en")
    assert "patie" in spellings("pacientes", "es")
    assert "pacie" in spellings("patients", "en")
    assert "therap" in spellings("terapias", "es")
    # Never the word's own spelling, which the word itself finds; nothing for short words.
    assert not any("molecular".startswith(form) for form in spellings("molecular", "en"))
    assert spellings("data", "en") == ()


def test_a_draft_finds_an_item_in_another_language_that_only_its_cognates_name(make_resource):
    german = make_resource(
        "Molekulare Kampagne in Kliniken",
        "published",
        summary="Eine Kampagne zur molekularen Diagnostik in Kliniken des ganzen Landes.",
        language="de",
    )
    profile = Profile(
        title="A molecular awareness campaign for hospitals and clinics in every region",
        summary="Posters, leaflets and meetings about molecular tests.",
    )

    retrieval = retrieve(profile)

    by_words = {pk for pks in retrieval.hits["resource"].values() for pk in pks}
    by_cognates = {pk for pks in retrieval.cognate_hits["resource"].values() for pk in pks}
    assert german.pk not in by_words
    assert german.pk in by_cognates
    assert german.pk in candidate_ids(retrieval, "resource")


def test_across_languages_words_only_a_translation_could_match_do_not_count_against(
    make_resource,
):
    german = make_resource(
        "Leitfaden für das molekulare Tumorboard",
        "published",
        summary="Wie Kliniken ein molekulares Tumorboard einrichten und dokumentieren.",
        language="de",
    )
    english = reading("A guide to setting up a molecular tumour board", "en")

    # "guide" and "setting" have no cognate key: only a translation could match them.
    assert {"guid", "set"} <= english.without_cognate
    match = score_pair(
        Profile(
            title="A guide to setting up a molecular tumour board",
            summary="How hospitals set up a molecular tumour board and document recommendations.",
        ),
        german,
    )
    # What could be compared (the tumour board, molecular, document) is all there.
    assert match.candidate.content_similarity == pytest.approx(1.0)


def test_names_in_a_summary_are_looked_up_whatever_their_length():
    summary = (
        "The centres of Colombia, Peru and Chile share one protocol for EGFR and ctDNA "
        "testing since 2023. Laboratories, pathologists, oncologists, navigators, "
        "administrators, statisticians, epidemiologists and coordinators take part."
    )

    assert names(summary) == ["colombia", "peru", "chile", "egfr", "ctdna"]
    words = lookup_words("Shared protocol for rare mutations", summary)
    assert {"colombia", "peru", "chile", "egfr"} <= set(words)
    assert "epidemiologists" in words


def test_an_english_draft_finds_its_spanish_original_through_cognates(make_resource):
    original = make_resource(
        "Terapias y tecnologías para pacientes en Colombia",
        "published",
        summary="Tecnologías de secuenciación y terapias dirigidas para pacientes.",
        language="es",
    )
    make_resource("Lung cancer awareness in Colombia", "published")

    matches = find_similar(
        Profile(
            title="Therapies and technologies for patients in Colombia",
            summary="Sequencing technologies and targeted therapies for patients.",
        )
    )

    assert [m.item for m in matches[:1]] == [original]


def test_what_the_words_find_is_kept_until_published_content_changes(make_resource):
    first = make_resource("Biomarker reimbursement guide", "published")
    profile = Profile(title="Guide to biomarker reimbursement")
    assert [m.item for m in find_similar(profile)] == [first]

    with CaptureQueriesContext(connection) as again:
        assert [m.item for m in find_similar(profile)] == [first]
    second = make_resource("Biomarker reimbursement guide for clinicians", "published")
    with CaptureQueriesContext(connection) as after_a_change:
        found = {m.item for m in find_similar(profile)}

    assert found == {first, second}
    assert not any("label, hit" in q["sql"] for q in again.captured_queries)
    assert any("label, hit" in q["sql"] for q in after_a_change.captured_queries)


def test_the_synonym_table_and_place_names_are_read_once_per_content_version(make_resource):
    first = make_resource("Companion diagnostics reimbursement guide", "published")
    find_similar(Profile(title="Reimbursement of companion diagnostics"))

    with CaptureQueriesContext(connection) as again:
        find_similar(Profile(title="Companion diagnostics in Germany"))
    Synonym.objects.create(terms="companion diagnostics\nCDx")
    with CaptureQueriesContext(connection) as after_a_change:
        matches = find_similar(Profile(title="CDx reimbursement"))

    read = [q["sql"] for q in again.captured_queries]
    assert not any("search_synonym" in sql or "pathway_region" in sql for sql in read)
    assert any("search_synonym" in q["sql"] for q in after_a_change.captured_queries)
    assert [m.item for m in matches] == [first], "the new synonym is used at once"


def test_a_match_comes_with_its_organisation_and_asks_nothing_more(make_resource):
    original = make_resource("Biomarker reimbursement guide", "published")

    [match] = find_similar(Profile(title="Guide to biomarker reimbursement"))
    with CaptureQueriesContext(connection) as shown:
        seen = (match.item.title, match.item.get_absolute_url(), match.item.organisation.name)

    assert match.item == original
    assert seen == (original.title, original.get_absolute_url(), original.organisation.name)
    assert len(shown) == 0
