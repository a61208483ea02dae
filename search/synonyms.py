"""Expanding query words with the curated synonym table (models.Synonym).

`expand(words)` is the one entry point, for the site search and the synergy finder
alike: for each word of a query it gives the phrases that count as that word. A
word is matched by itself or by any term of a synonym entry that covers it: "MTB"
by "molecular tumour board"; each of "molecular", "tumor" and "board" in
"molecular tumor board" by "MTB"; "tumor" by "tumour". Query words and terms are
compared by their English stems, after mapping one-word synonyms to one spelling,
so "tumor boards" is the term "tumour board".
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Synonym
from .stopwords import STOP_WORDS
from .text import stem, words

Phrase = tuple[str, ...]
# A phrase with spelling variants of several words is tried in at most this many forms.
MAX_VARIANTS = 8


@dataclass(frozen=True)
class Group:
    """A query word and the phrases that match it, the word itself first."""

    word: str
    alternatives: tuple[Phrase, ...]


@dataclass(frozen=True)
class Table:
    entries: tuple[tuple[Phrase, ...], ...]
    # One-word terms: each word to all the words of its entries, itself included.
    variants: dict[str, frozenset[str]]

    def key(self, word: str) -> str:
        """What a word is compared by: its English stem, in one spelling."""
        return stem(min(self.variants.get(word, (word,))), "en")

    def keys(self, phrase: Phrase) -> tuple[str, ...]:
        return tuple(self.key(word) for word in phrase if word not in STOP_WORDS)

    def spellings(self, phrase: Phrase) -> list[Phrase]:
        """The phrase with every combination of its words' one-word variants."""
        choices = [sorted(self.variants.get(word, {word})) for word in phrase]
        return [
            tuple(combo) for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS)
        ]


def load() -> Table:
    """The synonym table as it is now: one small query, so that a curator's change
    applies to the next search in every process."""
    entries = []
    for synonym in Synonym.objects.all():
        terms = tuple(dict.fromkeys(tuple(words(term)) for term in synonym.term_list()))
        terms = tuple(term for term in terms if term)
        if len(terms) >= 2:
            entries.append(terms)
    # One-word terms of entries that share a word are all variants of each other.
    variants: dict[str, frozenset[str]] = {}
    for terms in entries:
        single = {term[0] for term in terms if len(term) == 1}
        merged = frozenset(single).union(*(variants.get(word, ()) for word in single))
        for word in merged:
            variants[word] = merged
    return Table(tuple(entries), variants)


def expand(query_words: Sequence[str], table: Table | None = None) -> list[Group]:
    """For each folded, significant query word, the phrases that count as it."""
    table = table or load()
    keys = [table.key(word) for word in query_words]
    alternatives: list[list[Phrase]] = [[(word,)] for word in query_words]
    for terms in table.entries:
        for term in terms:
            wanted = table.keys(term)
            # A phrase is never matched by a single one of its words ("cancer du sein"
            # by "cancer" once its stop words are gone).
            if not wanted or (len(term) > 1 and len(wanted) < 2):
                continue
            for start in range(len(keys) - len(wanted) + 1):
                if tuple(keys[start : start + len(wanted)]) != wanted:
                    continue
                phrases = [spelling for other in terms for spelling in table.spellings(other)]
                for position in range(start, start + len(wanted)):
                    alternatives[position] += phrases
    return [
        Group(word, tuple(dict.fromkeys(found)))
        for word, found in zip(query_words, alternatives, strict=True)
    ]
