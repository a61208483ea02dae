"""Correcting misspelled query words against the vocabulary of the index.

A word is corrected only when nothing searchable contains it (in any of its
stems) and no synonym names it; it is replaced by the closest word of the
vocabulary (models.Term) within a small edit distance that starts with the same
letter. Candidates come from the database, through a trigram index on PostgreSQL
(pg_trgm) and a range of the word index on SQLite; the choice among them is the
same on both: fewest edits (a swap of two letters is one edit; one edit for words
up to eight letters, two for longer ones), then the most similar (difflib), then
alphabetical.
"""

import difflib
from collections.abc import Sequence

from django.db import connection, transaction
from django.db.models.functions import Length

from .models import Term
from .text import stems

MIN_LENGTH = 4
# How low pg_trgm's similarity may be for a candidate: "biospy" and "biopsy"
# share few trigrams, though only two letters are swapped.
TRIGRAM_THRESHOLD = 0.2
CANDIDATES = 50


def allowed_edits(word: str) -> int:
    return 1 if len(word) <= 8 else 2


def plausible(word: str, option: str, edits: int) -> bool:
    """Whether `option` is a likely intended spelling of `word`. A short word with one
    letter replaced is more often another real word ("shoes", "shops") than a typo
    of "shows", so short words are only corrected for a letter missing, added or
    swapped."""
    if edits > allowed_edits(word):
        return False
    if len(word) > 5:
        return True
    return len(option) != len(word) or sorted(option) == sorted(word)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and
    swaps of two neighbouring letters each count one."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def known(candidates: Sequence[str]) -> set[str]:
    return set(Term.objects.filter(word__in=list(candidates)).values_list("word", flat=True))


def candidates(word: str) -> list[str]:
    """Vocabulary words that may be what `word` was meant to be."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.similarity_threshold', %s, true)",
                [str(TRIGRAM_THRESHOLD)],
            )
            cursor.execute(
                "SELECT word FROM search_term WHERE word %% %s AND left(word, 1) = %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word[0], word, CANDIDATES],
            )
            return [row[0] for row in cursor.fetchall()]
    slack = allowed_edits(word)
    return list(
        Term.objects.filter(word__gte=word[0], word__lt=chr(ord(word[0]) + 1))
        .annotate(length=Length("word"))
        .filter(length__gte=len(word) - slack, length__lte=len(word) + slack)
        .values_list("word", flat=True)
    )


def closest(word: str, options: Sequence[str]) -> str | None:
    """The best replacement for `word` among `options`, if one is close enough."""
    scored = []
    for option in options:
        edits = edit_distance(word, option)
        if option != word and plausible(word, option, edits):
            similarity = difflib.SequenceMatcher(None, word, option).ratio()
            scored.append((edits, -similarity, option))
    return min(scored)[2] if scored else None


def corrections(words: Sequence[str], protected: set[str] = frozenset()) -> dict[str, str]:
    """{misspelled word: correction} for the words of a query that are unknown.

    `protected` words (synonym terms) are known by definition.
    """
    unknown = [
        word
        for word in words
        if len(word) >= MIN_LENGTH and not word.isdigit() and word not in protected
    ]
    if not unknown:
        return {}
    present = known([form for word in unknown for form in stems(word)])
    found = {}
    for word in unknown:
        if present.intersection(stems(word)):
            continue
        replacement = closest(word, candidates(word))
        if replacement:
            found[word] = replacement
    return found
