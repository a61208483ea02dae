"""The lookup's indexed synonym expansion (synergies/expansion.py) gives what the
search's expand gives, phrases in the same order; and the C stemmers the search now
loads give the pure-Python Snowball stems."""

import importlib

import pytest
import snowballstemmer

from search import synonyms
from search.text import STEMMED_LANGUAGES, words
from synergies.expansion import Expansion, expansion
from synergies.wording import lookup_words

from .drafts import DRAFTS
from .library import ITEMS

pytestmark = pytest.mark.django_db


def texts() -> list[tuple[str, str]]:
    return [(d.title, d.summary) for d in DRAFTS] + [(i.title, i.summary) for i in ITEMS]


def test_the_indexed_expansion_is_the_search_expansion_for_every_labelled_text():
    table = synonyms.load()
    assert table.entries, "the seeded synonym table"
    indexed = Expansion(table)
    compared = 0
    for title, summary in texts():
        looked_up = lookup_words(title, summary)
        assert indexed.groups(looked_up) == synonyms.expand(looked_up, table)
        compared += any(len(group.alternatives) > 1 for group in indexed.groups(looked_up))
    # Not a comparison of words without synonyms only.
    assert compared > 20


def test_every_term_of_the_table_expands_as_the_search_expands_it():
    """Each entry's terms one after the other (runs of several words, terms within
    terms, one word with several entries), and the words in reverse order."""
    table = synonyms.load()
    indexed = Expansion(table)
    for terms in table.entries:
        run = [word for term in terms for word in term]
        for text in (run, run[::-1], [*run, "and", *run]):
            looked_up = [word for word in text if word]
            assert indexed.groups(looked_up) == synonyms.expand(looked_up, table)


def test_the_expansion_is_kept_per_synonym_table():
    table = synonyms.load()
    assert expansion(table) is expansion(synonyms.load())
    other = synonyms.Table(((("nsclc",), ("lung", "cancer")),), {})
    assert expansion(other) is not expansion(table)
    assert expansion(other).groups(["nsclc"])[0].alternatives == (("nsclc",), ("lung", "cancer"))


def test_the_search_stems_with_the_c_snowball_stemmers_and_the_same_stems():
    """PyStemmer (a dependency) is what snowballstemmer loads when installed: the
    same Snowball algorithms compiled, about 20 times faster. Its stems must be
    those of the pure-Python ones, which SQLite's index and the stored profiles were
    made with, for every word of the labelled set in every stemmed language."""
    vocabulary = {word for title, summary in texts() for word in words(f"{title} {summary}")}
    vocabulary |= {"mutations", "mutationen", "mutaciones", "pathologistes", "therapies"}
    assert len(vocabulary) > 1000
    for name in STEMMED_LANGUAGES.values():
        compiled = snowballstemmer.stemmer(name)
        assert type(compiled).__module__ == "Stemmer", "PyStemmer is installed"
        module = importlib.import_module(f"snowballstemmer.{name}_stemmer")
        python = getattr(module, f"{name.capitalize()}Stemmer")()
        different = [w for w in vocabulary if compiled.stemWord(w) != python.stemWord(w)]
        assert different == [], name
