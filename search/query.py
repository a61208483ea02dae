"""Turning what someone typed into a query: normalised, cut to length, stop words
dropped, misspellings corrected and words expanded with their synonyms."""

import math
from dataclasses import dataclass, field, replace

from .spelling import corrections
from .synonyms import Group, Phrase, expand, load
from .text import WORD, fold, normalise, significant_words


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    groups: tuple[Group, ...]
    corrections: dict[str, str] = field(default_factory=dict, hash=False)
    # How many words a result must match; 0 for the default, half of them.
    minimum: int = 0
    # The tsqueries of its phrases, per database, once worked out (search.tsqueries.prepare).
    tsqueries: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(group.word for group in self.groups)

    @property
    def needed(self) -> int:
        """How many of the query words a result must match: at least half."""
        return self.minimum or math.ceil(len(self.groups) / 2)

    def loosened(self) -> "ParsedQuery":
        """The same query, answered by anything that matches one of its words."""
        return replace(self, minimum=1)

    @property
    def phrase(self) -> Phrase | None:
        """The query words as a phrase, if there are several."""
        return self.words if len(self.words) > 1 else None

    @property
    def corrected_text(self) -> str:
        """The text as typed with its misspelled words replaced."""
        return WORD.sub(lambda match: self.corrections.get(fold(match[0]), match[0]), self.text)

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse(text: str, *, correct: bool = True) -> ParsedQuery:
    """The query for `text`. Without `correct`, words are taken as typed."""
    text = normalise(text)
    words = significant_words(text)
    found: dict[str, str] = {}
    table = load()
    if correct and words:
        protected = set(table.variants) | {
            word for terms in table.entries for term in terms for word in term
        }
        found = corrections(words, protected)
        words = list(dict.fromkeys(found.get(word, word) for word in words))
    return ParsedQuery(text=text, groups=tuple(expand(words, table)), corrections=found)
