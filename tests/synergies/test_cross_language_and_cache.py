"""The synergy finder across languages (cognates, wording.cognate) and what a lookup
keeps in the cache (what its words find, under the content version). Runs on SQLite
and PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.synonyms import Table
from synergies.profile import Profile
from synergies.similarity import find_similar
from synergies.wording import Concepts, cognate, matched

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
