"""Cognates as lookup terms: a draft's words find items that hold them spelt the way
another language spells them.

Texts in different languages are compared through their cognate keys
(wording.cognate: "Molekular" and "molecular" are both "molec"), but candidates
come from the words the search finds, and the search never finds "molekulare" for
"molecular". So each lookup word with a cognate key is also looked up by the other
spellings of that key: the beginnings of words that the same Latin or Greek word
takes in the portal's languages ("molek" for "molecular", "kampa" for "campaign",
"techno" for "tecnologías", "pacje" for "patients"), as prefixes in the index
(PostgreSQL: `molek:*` in the items' stored vector, GIN-backed; SQLite: `"molek"*`
in the FTS5 index). The word's own spelling is left out: the word itself finds those
items. What a spelling finds in other languages is usually few items, which is what
makes it worth looking up: a word of the field in one language is a rare word in the
others.
"""

import functools
import itertools

from search.matching import Matches
from search.synonyms import Group

from .wording import COGNATE_LENGTH, cognate, spelled_as_cognate, word_key

# Other spellings of a word looked up, at most: the likeliest first (see spellings),
# with at most CHANGES letters spelt otherwise.
MAX_SPELLINGS = 5
CHANGES = 2
# Each letter of a cognate key and the other spellings it comes from, likeliest
# first: the inverse of wording.spelled_as_cognate ("t" for the "c" of "ci" before a
# vowel). A doubled letter costs DOUBLED more than the likeliest spelling.
SOURCES = {
    "c": ("k", "t", "ch", "qu", "ck"),
    "t": ("th",),
    "f": ("ph",),
    "i": ("y", "j"),
    "v": ("w",),
    "s": ("z",),
}
DOUBLED = 4


def sources(letter: str) -> list[tuple[int, str]]:
    """The other spellings of a letter of a cognate key, with what each costs."""
    found = [(rank, spelling) for rank, spelling in enumerate(SOURCES.get(letter, ()), start=1)]
    return [*found, (DOUBLED, letter * 2)] if letter not in "aeiou" else found


@functools.cache
def spellings(word: str, language: str) -> tuple[str, ...]:
    """Beginnings of `word` as its cognates in other languages are spelt, not as the
    word itself is: at most MAX_SPELLINGS, the likeliest first (the key itself, then
    the fewest letters spelt otherwise, by the likeliest spellings); none for a word
    without a cognate key."""
    key = cognate(word_key(word, language))
    if not key:
        return ()
    found: set[tuple[int, int, str]] = {(0, 0, key)}
    for changes in range(1, CHANGES + 1):
        for positions in itertools.combinations(range(len(key)), changes):
            for choice in itertools.product(*(sources(key[p]) for p in positions)):
                letters = list(key)
                for position, (_cost, spelling) in zip(positions, choice, strict=True):
                    letters[position] = spelling
                cost = sum(cost for cost, _spelling in choice)
                found.add((changes, cost, "".join(letters)))
    forms = [
        form
        for _changes, _cost, form in sorted(found)
        if usable(form) and not word.startswith(form) and spelled_as_cognate(form) == key
    ]
    return tuple(forms[:MAX_SPELLINGS])


@functools.cache
def usable(form: str) -> bool:
    """Only letters and digits go into a query, and at least COGNATE_LENGTH of them."""
    return form.isalnum() and len(form) >= COGNATE_LENGTH


class Prefixes(tuple):
    """Spellings looked up as the beginnings of words (a tuple, so that it is kept
    and compared like phrases)."""

    def __repr__(self) -> str:
        return f"Prefixes{tuple.__repr__(self)}"


class MatchesPrefix(Matches):
    """Whether an item's index holds a word beginning with one of `forms`: the
    search's match (search.matching.Matches) with prefixes for phrases."""

    def __init__(self, kind: str, forms: Prefixes):
        super().__init__(kind, ())
        self.forms = [form for form in forms if usable(form)]

    def as_postgresql(self, compiler, connection):
        vector, params = compiler.compile(self.vector)
        query = " | ".join(f"{form}:*" for form in self.forms) or "''"
        return f"({vector} @@ to_tsquery('simple', %s))", (*params, query)

    def as_sqlite(self, compiler, connection):
        # The search's FTS5 lookup, with prefixes for its expression (a parameter).
        sql, params = super().as_sqlite(compiler, connection)
        expression = " OR ".join(f'"{form}"*' for form in self.forms) or '""'
        return sql, (*params[:-2], expression, params[-1])


# What the lookups of cognate spellings are labelled with (candidates.retrieve).
COGNATE = "cognate"


def cognate_lookups(groups: list[Group], language: str) -> dict[tuple, list]:
    """{(COGNATE, word number): [the word's other cognate spellings]} for the
    profile's words (`groups`, in `language`) that have some: looked up with the
    words."""
    return {
        (COGNATE, n): [Prefixes(forms)]
        for n, group in enumerate(groups)
        if (forms := spellings(group.word, language))
    }
