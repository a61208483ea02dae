"""The common words of the index: those held by more published items of a kind than a
lookup reads for a word, known without searching for them.

A lookup (candidates.retrieve) reads at most COMMON + 1 items per word; a word held
by that many is *common*, and its items count for nothing but its commonness. At
100,000 items the search for a common word cost 2-30 ms (a sequential scan
decompressing each row's vector until it has enough, or a bitmap of all its items),
most of a lookup. So the words of the index held by more than COMMON published items
of each kind are counted once per content version (core/content_version.py, which
every public change bumps): PostgreSQL's ts_stat over the published items' stored
vectors, SQLite's FTS5 vocabulary (fts5vocab) over their rows. A lookup word (with
its synonyms) is then known common without a search if one of its forms (the word,
its stem in each language: what the search matches, search.tsqueries) is one of
them, and a cognate spelling (cognates.py) if a common word begins with it; every
other word is searched as before. Answers are the same either way: a form held by
more than COMMON items makes the search find more than COMMON. (On PostgreSQL this
takes the Python stemmers for PostgreSQL's, as search.tsqueries does: both are the
same Snowball algorithms, and lookup words are never stop words.)

Counting takes seconds at 100,000 items, so it is not left to a visitor: once a
change is committed, a Celery task counts for the new version (in-process on the
embedded default). Until that is done, or with the cache unreachable, lookups search
every word.
"""

import bisect
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection

from contributions.models import KINDS
from core import content_version
from search.index import KIND_NUMBERS, ROWID_FACTOR
from search.stopwords import STOP_WORDS
from search.synonyms import Phrase
from search.text import STEMMED_LANGUAGES, stem

from .versioned import PerVersion
from .wording import COMMON

logger = logging.getLogger(__name__)

# How long counted words stay in the cache; a new content version replaces them sooner.
# How long a queued count keeps others from queueing.
QUEUED_SECONDS = 120
QUEUED = "synergies-common:queued"


@dataclass(frozen=True)
class CommonWords:
    """{kind: the index's words (stems as indexed) held by more than COMMON published
    items of the kind, sorted}."""

    words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def holds(self, kind: str, phrases: tuple[Phrase, ...]) -> bool:
        """Whether a search for any of `phrases` (a word and its synonyms) finds more
        than COMMON items of `kind`: one of its one-word phrases is, in one of the
        forms the search matches, a common word."""
        found = self.words.get(kind, ())
        return any(
            _held(found, form)
            for phrase in phrases
            if len(phrase) == 1 and phrase[0] not in STOP_WORDS
            for form in _forms(phrase[0])
        )

    def holds_prefix(self, kind: str, forms) -> bool:
        """Whether a common word of `kind` begins with one of `forms`."""
        found = self.words.get(kind, ())
        for form in forms:
            at = bisect.bisect_left(found, form)
            if at < len(found) and found[at].startswith(form):
                return True
        return False


def _held(found: tuple[str, ...], form: str) -> bool:
    at = bisect.bisect_left(found, form)
    return at < len(found) and found[at] == form


def _forms(word: str) -> Iterator[str]:
    """The forms in which the search matches a folded word (search.tsqueries), the
    word itself first: stemming a new word costs more than looking a form up."""
    yield word
    for language in STEMMED_LANGUAGES:
        yield stem(word, language)


def count() -> CommonWords:
    """The common words of each kind, counted in the database."""
    counted = _count_postgresql if connection.vendor == "postgresql" else _count_sqlite
    return CommonWords({kind: tuple(sorted(counted(kind))) for kind in KINDS})


def _count_postgresql(kind: str) -> list[str]:
    vectors = KINDS[kind].objects.published().order_by().values("search_vector").query
    sql, params = vectors.get_compiler(connection=connection).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM ts_stat(%s) WHERE ndoc > %s",
            [connection.ops.compose_sql(sql, params), COMMON],
        )
        return [word for (word,) in cursor.fetchall()]


def _count_sqlite(kind: str) -> list[str]:
    published = KINDS[kind].objects.published().order_by().values_list("pk", flat=True).query
    sql, params = published.get_compiler(connection=connection).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.synergies_vocabulary "
            "USING fts5vocab(main, search_fts, instance)"
        )
        # Only integers and compiled SQL are formatted in.
        cursor.execute(
            "SELECT term FROM temp.synergies_vocabulary "  # noqa: S608
            f"WHERE doc %% {ROWID_FACTOR} = %s AND doc / {ROWID_FACTOR} IN ({sql}) "
            "GROUP BY term HAVING COUNT(DISTINCT doc) > %s",
            [KIND_NUMBERS[kind], *params, COMMON],
        )
        return [term for (term,) in cursor.fetchall()]


# Kept per content version, in the cache and in this process (versioned.py).
_kept = PerVersion("synergies-common", "Common words", lambda: count(), lambda: schedule())
# The common words of a content version; None if not counted yet (a count is queued).
load = _kept.load
forget = _kept.forget


def build() -> int | None:
    """Count the common words for the current content version, unless they are
    counted already; returns the version."""
    cache.delete(QUEUED)
    return _kept.build(content_version.current())


def content_changed(**kwargs) -> None:
    """After a committed change (core.content_version.changed)."""
    schedule()


def schedule() -> None:
    """Queue the count for the current content version, unless one is queued: after
    a committed change, or when a lookup finds its version's words uncounted."""
    from .tasks import count_common_words

    if content_version.migrating():
        return
    try:
        if not cache.add(QUEUED, 1, timeout=QUEUED_SECONDS):
            return
    except Exception:
        logger.warning("Common words: cache unreachable, no count queued", exc_info=True)
        return
    try:
        count_common_words.delay()
    except Exception:
        cache.delete(QUEUED)
        logger.exception("Could not queue the count of common words")
