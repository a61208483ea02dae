"""Text as search sees it: one normal form for queries and documents alike.

A query is cut at MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words, so that any
input answers quickly. Words are folded (case and accents removed, so "Płuca",
"PŁUCA" and "pluca" are one word) and stemmed in a language: documents in their own
language, queries in every language the portal stems, since a query does not say
which language it is in.

PostgreSQL does the same with one text search configuration per language (see
migrations/0002_postgres_configurations.py): `unaccent`, then the Snowball stemmer
of the language. The Python stemmers are the same Snowball algorithms, which gives
SQLite the same words as PostgreSQL.
"""

import re
import unicodedata
from functools import cache

import snowballstemmer

from .stopwords import STOP_WORDS

# The documented limits of a query: longer input is cut, never refused.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12

# Languages with a Snowball stemmer in PostgreSQL and in Python, by ISO 639-1 code.
# Every other language (Polish among them) is folded but not stemmed.
STEMMED_LANGUAGES = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
}
SIMPLE_CONFIGURATION = "ft3_simple"
# Letters Unicode does not decompose into a base letter and an accent; unaccent
# folds them the same way.
UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ß": "ss"})
WORD = re.compile(r"[^\W_]+")


def configuration(language: str) -> str:
    """The PostgreSQL text search configuration for a document in `language`."""
    name = STEMMED_LANGUAGES.get(language)
    return f"ft3_{name}" if name else SIMPLE_CONFIGURATION


def configurations() -> list[str]:
    """Every configuration in use, in which a query is matched."""
    return [configuration(code) for code in STEMMED_LANGUAGES] + [SIMPLE_CONFIGURATION]


def normalise(text: str) -> str:
    """Printable text in Unicode normal form, on one line, at most MAX_QUERY_LENGTH long.

    NFKC turns compatibility characters into plain ones (full-width letters,
    ligatures); control characters (NUL among them) break database drivers.
    """
    text = unicodedata.normalize("NFKC", text[: MAX_QUERY_LENGTH * 4])
    printable = "".join(
        " " if unicodedata.category(char).startswith(("C", "Z")) else char for char in text
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return WORD.findall(fold(text))


def significant_words(text: str) -> list[str]:
    """The words of a query that say what it is about, in order, at most MAX_QUERY_WORDS."""
    found = [word for word in words(text) if word not in STOP_WORDS]
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMED_LANGUAGES[language])


@cache
def stem(word: str, language: str) -> str:
    """The stem of a folded word in `language`; the word itself if it is not stemmed."""
    if language not in STEMMED_LANGUAGES:
        return word
    return _stemmer(language).stemWord(word)


def stems(word: str) -> list[str]:
    """The stems of a folded query word in every language, the word itself first."""
    found = [word] + [stem(word, language) for language in STEMMED_LANGUAGES]
    return list(dict.fromkeys(found))


def index_text(text: str, language: str) -> str:
    """`text` as the SQLite index holds it: folded words stemmed in `language`."""
    return " ".join(stem(word, language) for word in words(text))
