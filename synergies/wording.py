"""How the synergy finder reads text: the same words the site search sees (folded,
stop words of every language dropped), joined into concepts through the synonym
table the search uses, and stemmed in the language of the text.

A text becomes a list of *keys*: a synonym entry ("NSCLC", "non-small cell lung
cancer" and "cancer du poumon non à petites cellules" are one key when the table
says so), or a word stemmed in the text's own language and cut to KEY_LENGTH
letters, so that "mutations", "Mutationen" and "mutaciones" or "pathologists" and
"pathologistes" meet. Similarities are computed on keys in Python, the same way on
PostgreSQL and SQLite, and weigh each key by how rare its word is in the library
(see candidates.word_hits): sharing "BRAF" says more than sharing "testing".
"""

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from search.stopwords import STOP_WORDS
from search.synonyms import Group, Table, expand
from search.synonyms import load as load_table
from search.text import stem
from search.text import words as folded_words

KEY_LENGTH = 6
# Words a text is looked up by, at most: every informative word of the title, then
# the summary's longest.
MAX_WORDS = 12
# Names of the summary looked up besides, at most (see lookup_words).
MAX_NAMES = 4
# Text longer than this is cut before it is read: a summary is at most a few
# hundred characters, and one word repeated 10,000 times says nothing more.
MAX_TEXT = 4000
# How many items a word may be found in before it counts as common: a word found in
# fewer is looked up in full, its items all become candidates, and its weight is
# log(1 + COMMON / items). A word found nowhere weighs as one found in UNKNOWN
# items: it cannot tell candidates apart, yet it is part of what the draft is about.
COMMON = 60
# Acronyms stand for runs of at most MAX_ACRONYM words, and are compared from
# MIN_ACRONYM letters on.
MAX_ACRONYM = 5
MIN_ACRONYM = 3
# Texts kept as read, at most.
MAX_READ = 50_000
UNKNOWN = COMMON


@dataclass(frozen=True, eq=False)
class Concepts:
    """The synonym table as phrases of English-stem keys, each naming a concept; with
    the texts it has read, since published texts are read again by every lookup."""

    table: Table
    phrases: dict[tuple[str, ...], str]
    longest: int
    read: dict[tuple[str, str], list["Key"]] = field(default_factory=dict)
    readings: dict[tuple[str, str, str], "Reading"] = field(default_factory=dict)
    # Each word's English key in the table (Table.key), as worked out.
    english: dict[str, str] = field(default_factory=dict)

    def english_key(self, word: str) -> str:
        found = self.english.get(word)
        if found is None:
            if len(self.english) >= MAX_READ:
                self.english.clear()
            found = self.english[word] = self.table.key(word)
        return found

    def reading(self, title: str, summary: str, language: str) -> "Reading":
        """A title and summary as read, kept like `read`."""
        key = (title, summary, language)
        found = self.readings.get(key)
        if found is None:
            if len(self.readings) >= MAX_READ:
                self.readings.clear()
            found = self.readings[key] = Reading(title, summary, language, self)
        return found

    @classmethod
    def load(cls) -> "Concepts":
        """The concepts of the synonym table as it is now (one small query)."""
        return concepts_of(load_table())

    @classmethod
    def of(cls, table: Table) -> "Concepts":
        phrases: dict[tuple[str, ...], str] = {}
        for number, terms in enumerate(table.entries):
            keys = [table.keys(term) for term in terms]
            keys = [
                k for k, term in zip(keys, terms, strict=True) if k and len(k) >= min(2, len(term))
            ]
            # Entries that share a term ("tumour board") are one concept.
            known = sorted({phrases[k] for k in keys if k in phrases})
            concept = known[0] if known else f"={number}"
            for k in keys:
                phrases.setdefault(k, concept)
        return cls(table, phrases, max((len(k) for k in phrases), default=1))


_KEPT: dict[tuple, Concepts] = {}


def concepts_of(table: Table) -> Concepts:
    """Concepts of a synonym table, kept while the table is unchanged."""
    concepts = _KEPT.get(table.entries)
    if concepts is None:
        _KEPT.clear()
        concepts = _KEPT[table.entries] = Concepts.of(table)
    return concepts


@dataclass(frozen=True)
class Key:
    """A key of a text and the words it was read from."""

    key: str
    words: tuple[str, ...]


def informative_words(text: str) -> list[str]:
    """The folded words of `text` without stop words, in order."""
    found = folded_words(text[:MAX_TEXT])
    return [w for w in found if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


@functools.cache
def word_key(word: str, language: str) -> str:
    """A word's key: its stem in `language` (the word itself in a language without
    a stemmer), cut to KEY_LENGTH letters."""
    return stem(word, language)[:KEY_LENGTH]


def read(text: str, language: str, concepts: Concepts) -> list[Key]:
    """The keys of `text`, in order (see the module's docstring)."""
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    cached = concepts.read.get((text, language))
    if cached is None:
        if len(concepts.read) >= MAX_READ:
            concepts.read.clear()
        cached = concepts.read[(text, language)] = _read(text, language, concepts)
    return cached


def _read(text: str, language: str, concepts: Concepts) -> list[Key]:
    found = informative_words(text)
    english = [concepts.english_key(w) for w in found]
    keys: list[Key] = []
    position = 0
    while position < len(found):
        for size in range(min(concepts.longest, len(found) - position), 0, -1):
            concept = concepts.phrases.get(tuple(english[position : position + size]))
            if concept:
                keys.append(Key(concept, tuple(found[position : position + size])))
                position += size
                break
        else:
            keys.append(Key(word_key(found[position], language), (found[position],)))
            position += 1
    return keys


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams of a text: each folded word padded with two spaces in front
    and one behind."""
    found = set()
    for word in folded_words(text[:MAX_TEXT]):
        padded = f"  {word} "
        found |= {padded[i : i + 3] for i in range(len(padded) - 2)}
    return found


def trigram_similarity(a: set[str], b: set[str]) -> float:
    """pg_trgm's similarity: shared trigrams over all trigrams of both."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


# Cognates: spellings that the same Latin or Greek word takes in the portal's
# languages, mapped to one ("therapie", "terapia", "therapy": "terap"). Applied to
# stems, in order; a word's cognate key is COGNATE_LENGTH letters of the result.
COGNATE_SPELLINGS = (
    ("ph", "f"),
    ("th", "t"),
    ("ch", "c"),
    ("ck", "c"),
    ("qu", "c"),
    ("k", "c"),
    ("y", "i"),
    ("w", "v"),
    ("j", "i"),
    ("z", "s"),
)
COGNATE_BEFORE_VOWEL = re.compile(r"t(?=i[aeou])")
# A doubled letter is written once ("cellules" and "células", "programme" and
# "programa", "comunicación" and "communication").
DOUBLED = re.compile(r"([a-z])\1")
COGNATE_LENGTH = 5


@functools.cache
def spelled_as_cognate(text: str) -> str:
    """`text` with the spellings of COGNATE_SPELLINGS and doubled letters made one."""
    for spelling, common in COGNATE_SPELLINGS:
        text = text.replace(spelling, common)
    return DOUBLED.sub(r"\1", COGNATE_BEFORE_VOWEL.sub("c", text))


@functools.cache
def cognate(key: str) -> str:
    """A word key as its cognates in other languages share it, or "" when it is too
    short to tell ("dat", "rar"): "moleku" and "molecu" are "molec", "pacien" and
    "patien" "pacie", "kampan" and "campai" "campa"."""
    if len(key) < COGNATE_LENGTH or key.isdigit():
        return ""
    key = spelled_as_cognate(key)
    return key[:COGNATE_LENGTH] if len(key) >= COGNATE_LENGTH else ""


@dataclass
class Reading:
    """A text read once: its keys, title keys and title trigrams."""

    title: str
    summary: str
    language: str
    concepts: Concepts = field(repr=False)

    @cached_property
    def title_keys(self) -> list[Key]:
        return read(self.title, self.language, self.concepts)

    @cached_property
    def summary_keys(self) -> list[Key]:
        return read(self.summary, self.language, self.concepts)

    @cached_property
    def title_set(self) -> frozenset[str]:
        return frozenset(k.key for k in self.title_keys)

    @cached_property
    def all_set(self) -> frozenset[str]:
        return self.title_set | frozenset(k.key for k in self.summary_keys)

    @cached_property
    def parts(self) -> dict[str, frozenset[str]]:
        """Each key with the keys of its words as plain words: a synonym's words
        still meet the same words in a language the synonym table does not list."""
        found: dict[str, frozenset[str]] = {}
        for k in [*self.title_keys, *self.summary_keys]:
            found[k.key] = frozenset(word_key(w, self.language) for w in k.words)
        return found

    @cached_property
    def written(self) -> dict[str, frozenset[str]]:
        """Each key with its words as written (folded, not stemmed)."""
        found: dict[str, frozenset[str]] = {}
        for k in [*self.title_keys, *self.summary_keys]:
            found[k.key] = found.get(k.key, frozenset()) | frozenset(k.words)
        return found

    @cached_property
    def written_set(self) -> frozenset[str]:
        return frozenset().union(*self.written.values()) if self.written else frozenset()

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset().union(*self.parts.values()) if self.parts else frozenset()

    @cached_property
    def cognates(self) -> dict[str, frozenset[str]]:
        """Each key with the cognate keys of its words (see cognate), for keys whose
        every word has one."""
        found = {}
        for key, parts in self.parts.items():
            forms = frozenset(cognate(part) for part in parts)
            if "" not in forms:
                found[key] = forms
        return found

    @cached_property
    def without_cognate(self) -> frozenset[str]:
        """The keys that are words (not synonym entries) without a cognate key."""
        return frozenset(k for k in self.parts if not k.startswith("=") and k not in self.cognates)

    @cached_property
    def cognate_set(self) -> frozenset[str]:
        """The cognate keys of every word that has one, in keys of several words too
        ("molecular" in "molecular tumour board")."""
        return frozenset(cognate(part) for part in self.word_set) - {""}

    @cached_property
    def title_trigrams(self) -> set[str]:
        return trigrams(self.title)

    @cached_property
    def alternates(self) -> dict[str, frozenset[str]]:
        """Other spellings of runs of the text's words, with the keys they stand for:
        the initials of two to five words in a row ("standard operating procedures":
        "sop"), and two words written as one ("data set": "datase")."""
        found: dict[str, frozenset[str]] = {}
        for keys in (self.title_keys, self.summary_keys):
            plain = [(k.key, k.words[0]) for k in keys if not k.key.startswith("=")]
            for start in range(len(plain) - 1):
                run = plain[start : start + MAX_ACRONYM]
                # Initials shorter than MIN_ACRONYM are never compared.
                initials = run[0][1][0] + run[1][1][0]
                for size in range(MIN_ACRONYM, len(run) + 1):
                    initials += run[size - 1][1][0]
                    found.setdefault(initials, frozenset(key for key, _word in run[:size]))
                joined = (run[0][1] + run[1][1])[:KEY_LENGTH]
                found.setdefault(joined, frozenset((run[0][0], run[1][0])))
        return found


def matched(mine: Reading, theirs: Reading, keys: frozenset[str]) -> frozenset[str]:
    """The keys of `mine` (among `keys`) that `theirs` says too, itself or as an
    alternate spelling: an acronym for its expansion, one word for two; between texts
    in different languages, also as a cognate ("Molekular", "molecular")."""
    other = theirs.all_set
    found = set(keys & other)
    found |= {k for k in keys - other if mine.parts.get(k, frozenset({k})) <= theirs.word_set}
    if mine.language != theirs.language:
        # The same word stemmed by two languages' rules ("cancer": "canc" in French)
        # is still the same word; or its cognate.
        written, cognates = theirs.written_set, theirs.cognate_set
        found |= {k for k in keys - other if mine.written.get(k, {""}) <= written}
        found |= {k for k in keys - other if mine.cognates.get(k, {""}) <= cognates}
    found |= {k for k in keys - other if len(k) >= MIN_ACRONYM and k in theirs.alternates}
    alternates = mine.alternates
    for alternate in alternates.keys() & other:
        if len(alternate) >= MIN_ACRONYM and alternates[alternate] <= keys:
            found |= alternates[alternate]
    return frozenset(found)


@dataclass
class Weights:
    """How much each key of a profile tells: log(1 + COMMON / items holding it)."""

    items: dict[str, int] = field(default_factory=dict)

    def of(self, key: str) -> float:
        return rarity(self.items.get(key, 0))

    @cached_property
    def nowhere(self) -> frozenset[str]:
        """The keys looked up and held by no item."""
        return frozenset(key for key, found in self.items.items() if not found)


def rarity(found: int) -> float:
    """The weight of a word held by `found` items (see COMMON and UNKNOWN)."""
    return math.log(1 + COMMON / min(found or UNKNOWN, COMMON))


def coverage(mine: Iterable[str], found: frozenset[str], weights: Weights) -> float:
    """The weighted share of the keys `mine` that were `found`."""
    mine = set(mine)
    total = sum(weights.of(k) for k in mine)
    if not total:
        return 0.0
    return sum(weights.of(k) for k in mine & found) / total


def share(mine: frozenset[str], theirs: frozenset[str]) -> float:
    """The plain share of `mine` that `theirs` holds."""
    return len(mine & theirs) / len(mine) if mine else 0.0


def lookup_words(title: str, summary: str) -> list[str]:
    """The words a profile is looked up by: the title's informative words, then the
    summary's longest, distinct, at most MAX_WORDS; and up to MAX_NAMES more of the
    summary's names (see names), which tell work apart whatever their length."""
    title_words = informative_words(title)
    summary_words = sorted(
        set(informative_words(summary)) - set(title_words), key=lambda w: (-len(w), w)
    )
    chosen = list(dict.fromkeys([*title_words, *summary_words]))[:MAX_WORDS]
    more = [w for w in dict.fromkeys(names(summary)) if w not in chosen]
    return chosen + more[:MAX_NAMES]


# A word as written, and what ends a sentence before it.
WRITTEN = re.compile(r"[^\W_]+")
SENTENCE_END = ".!?:;\n"


def names(text: str) -> list[str]:
    """The folded words of `text` written as names: capitalised inside a sentence
    ("Colombia", "Ventana"), or with capitals or digits after their first letter
    ("EGFR", "ctDNA", "G12C"). Names, genes and places tell work apart more than the
    words of the field, whatever their length."""
    text = text[:MAX_TEXT]
    found, end = [], None
    for written in WRITTEN.finditer(text):
        word = written.group()
        # Between the previous word and this one: spaces, punctuation, the end of a sentence.
        inside = end is not None and not any(c in SENTENCE_END for c in text[end : written.start()])
        end = written.end()
        if word.isdigit():
            continue
        if (word[0].isupper() and inside) or any(c.isupper() or c.isdigit() for c in word[1:]):
            found += folded_words(word)
    return [w for w in found if w not in STOP_WORDS]


def groups(words_: Sequence[str], table: Table) -> list[Group]:
    """Each word with the phrases that count as it (search.synonyms.expand)."""
    return expand(list(words_), table)
