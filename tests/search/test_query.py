"""The query machinery of the search app: normalisation, synonyms, spelling."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from search.matching import Matches
from search.models import Synonym, Term
from search.query import parse
from search.spelling import corrections, edit_distance
from search.synonyms import expand
from search.text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, fold, normalise, significant_words


def test_normalise_drops_control_characters_and_cuts_at_the_documented_length():
    assert normalise("liquid\x00biopsy\n\t test") == "liquid biopsy test"
    assert normalise("ｌｉｑｕｉｄ") == "liquid"
    assert len(normalise("a" * 100_000)) == MAX_QUERY_LENGTH


def test_fold_removes_case_and_accents_including_polish_letters():
    assert fold("Głos PŁUC Kostenübernahme") == "glos pluc kostenubernahme"


def test_significant_words_drop_stop_words_in_every_language_and_stop_at_the_maximum():
    assert significant_words("questions to ask my doctor about the test") == [
        "questions",
        "ask",
        "doctor",
        "test",
    ]
    assert significant_words("die Kosten der Tests") == ["kosten", "tests"]
    many = " ".join(f"word{n}" for n in range(30))
    assert len(significant_words(many)) == MAX_QUERY_WORDS


@pytest.mark.django_db
def test_an_acronym_is_matched_by_its_expansion_and_the_expansion_by_the_acronym():
    [ngs] = expand(["ngs"])
    assert ("next", "generation", "sequencing") in ngs.alternatives

    groups = expand(["molecular", "tumor", "boards"])
    assert all(("mtb",) in group.alternatives for group in groups)


@pytest.mark.django_db
def test_one_word_synonyms_cover_uk_and_us_spelling():
    [tumor] = expand(["tumor"])
    assert ("tumour",) in tumor.alternatives
    assert tumor.alternatives[0] == ("tumor",)


@pytest.mark.django_db
def test_a_phrase_is_not_matched_by_one_of_its_words():
    [cancer] = expand(["cancer"])
    assert cancer.alternatives == (("cancer",),)


@pytest.mark.django_db
def test_curators_synonyms_apply_at_once():
    Synonym.objects.create(terms="FT3\nfrom testing to targeted treatments")

    [ft3] = expand(["ft3"])

    assert ("from", "testing", "to", "targeted", "treatments") in ft3.alternatives


def test_edit_distance_counts_a_swap_as_one_edit():
    assert edit_distance("biospy", "biopsy") == 1
    assert edit_distance("bord", "board") == 1
    assert edit_distance("wedding", "wording") == 2


@pytest.mark.django_db
def test_unknown_words_are_corrected_to_the_closest_word_of_the_index():
    Term.objects.bulk_create(
        (Term(word=word) for word in ["biomarker", "biopsy", "shows", "test", "testing"]),
        ignore_conflicts=True,
    )

    assert corrections(["biomaker", "biospy", "tesing", "test"]) == {
        "biomaker": "biomarker",
        "biospy": "biopsy",
        "tesing": "testing",
    }


@pytest.mark.django_db
def test_short_words_with_a_letter_replaced_and_gibberish_are_left_alone():
    Term.objects.bulk_create(
        (Term(word=word) for word in ["shows", "quality", "assessment"]), ignore_conflicts=True
    )

    assert corrections(["shoes", "shops", "asdfgh", "qwerty"]) == {}


@pytest.mark.django_db
def test_a_parsed_query_says_what_it_searched_for_instead():
    Term.objects.bulk_create(
        (Term(word=word) for word in ["biomarker", "test"]), ignore_conflicts=True
    )

    query = parse("Biomaker test")

    assert query.corrections == {"biomaker": "biomarker"}
    assert query.corrected_text == "biomarker test"
    assert parse("Biomaker test", correct=False).words == ("biomaker", "test")


@pytest.mark.django_db
def test_a_query_of_stop_words_only_is_empty():
    assert not parse("what is the")
    assert not parse("\x00 \u200f")


def test_a_database_search_cannot_run_on_is_a_configuration_error(db):
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL and SQLite"):
        Matches("resource", [("biopsy",)]).as_sql(None, SimpleNamespace(vendor="oracle"))
