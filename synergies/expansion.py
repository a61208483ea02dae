"""The synonym expansion of a lookup's words (search.synonyms.expand), indexed.

`expand` walks every term of the synonym table for every lookup, working out each
term's keys and spellings again: about 8 ms of a lookup at a few hundred entries.
An Expansion does that walk once per table, indexing the terms by their keys, so
that a lookup only looks up the runs of its own words. The groups are the same,
phrases in the same order (tests/synergies/test_expansion.py): the words' findings
are kept in the cache under a digest of them (candidates.hits).
"""

import threading
from collections.abc import Sequence

from search.synonyms import Group, Phrase, Table

# Words whose English keys an Expansion keeps, at most.
MAX_WORDS = 50_000


class Expansion:
    """The synonym table's terms by their keys, each with the phrases that count as
    it, in the order search.synonyms.expand adds them."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.terms: dict[tuple[str, ...], list[tuple[int, list[Phrase]]]] = {}
        order = 0
        for terms in table.entries:
            phrases = [spelling for other in terms for spelling in table.spellings(other)]
            for term in terms:
                wanted = table.keys(term)
                # As expand: a phrase is never matched by a single one of its words.
                if not wanted or (len(term) > 1 and len(wanted) < 2):
                    continue
                self.terms.setdefault(wanted, []).append((order, phrases))
                order += 1
        self.lengths = sorted({len(wanted) for wanted in self.terms})
        self.keys: dict[str, str] = {}

    def key(self, word: str) -> str:
        found = self.keys.get(word)
        if found is None:
            if len(self.keys) >= MAX_WORDS:
                self.keys.clear()
            found = self.keys[word] = self.table.key(word)
        return found

    def groups(self, words: Sequence[str]) -> list[Group]:
        """search.synonyms.expand(words, table), from the index."""
        keys = [self.key(word) for word in words]
        found: list[list[tuple[int, int, list[Phrase]]]] = [[] for _word in words]
        for length in self.lengths:
            for start in range(len(keys) - length + 1):
                for order, phrases in self.terms.get(tuple(keys[start : start + length]), ()):
                    for position in range(start, start + length):
                        found[position].append((order, start, phrases))
        groups = []
        for word, matches in zip(words, found, strict=True):
            alternatives: list[Phrase] = [(word,)]
            for _order, _start, phrases in sorted(matches, key=lambda m: m[:2]):
                alternatives += phrases
            groups.append(Group(word, tuple(dict.fromkeys(alternatives))))
        return groups


_kept: dict[tuple, Expansion] = {}
_lock = threading.Lock()


def expansion(table: Table) -> Expansion:
    """The Expansion of a synonym table, kept while the table is unchanged."""
    with _lock:
        found = _kept.get(table.entries)
        if found is None:
            _kept.clear()
            found = _kept[table.entries] = Expansion(table)
        return found
