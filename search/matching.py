"""Matching and ranking a parsed query in the database, the same way on PostgreSQL
and SQLite.

Each query word (a synonyms.Group) is matched if the document holds the word or
one of its synonyms, in any language's stem. The rank of a document is:

- the number of query words it matches (so all words first, then most words);
- plus, below one: the share of query words matched in the title, in the summary,
  by the word itself rather than a synonym (an item in the query's language before
  one that matches through a translation), and whether the words occur together as
  a phrase.

Documents matching fewer than half of the query words (query.ParsedQuery.needed)
are left out: a query of four words with one word in common is not an answer.

On PostgreSQL a match is `vector @@ tsquery`, the tsquery ORing the phrase in
every text search configuration in use (text.configurations()), restricted to
weight A or B for title and summary with ts_filter. On SQLite it is a MATCH on the
FTS5 index (index.py) ORing the phrase stemmed in every language, restricted to a
column for title and summary.

At scale (PostgreSQL, resources and initiatives), only the CANDIDATES best rows by a
cheap first rank get the exact rank: see search().
"""

import time
from collections.abc import Sequence

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, models
from django.db.models import Case, F, Value, When
from django.db.models.expressions import Expression

from .index import KIND_NUMBERS, ROWID_FACTOR
from .query import ParsedQuery
from .synonyms import Phrase
from .text import STEMMED_LANGUAGES, configurations, stem, stems

FIELDS = {"all": ("", ""), "title": ("{a}", "title"), "summary": ("{b}", "summary")}
TITLE_SHARE = 0.5
SUMMARY_SHARE = 0.2
OWN_WORD_SHARE = 0.15
PHRASE_BONUS = 0.14
# The language of each of text.configurations(), in order (the last is not stemmed).
CONFIGURATION_LANGUAGES = (*STEMMED_LANGUAGES, "")
# How many rows get the exact rank, and the first rank's weights of D, C, B, A.
CANDIDATES = 400
PRE_RANK_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
# How long the planner's word frequencies (pg_stats) are reused, in seconds.
FREQUENCIES_TTL = 600
_frequencies: dict[tuple[str, str], tuple[float, dict[str, float]]] = {}


def fts_phrase(phrase: Phrase) -> str:
    """The phrase in every stemming of the index, as an FTS5 expression."""
    forms = {phrase} | {
        tuple(stem(word, language) for word in phrase) for language in STEMMED_LANGUAGES
    }
    return " OR ".join(sorted('"' + " ".join(form) + '"' for form in forms))


def tsquery(phrases: Sequence[Phrase]) -> tuple[str, tuple]:
    """The PostgreSQL tsquery of any of `phrases`, each in every configuration in
    use. A one-word phrase is given once per distinct stem (the Python stemmers are
    PostgreSQL's Snowball algorithms), so that the query is not many times as long
    as it needs to be: every look at a row's vector costs per item of the query."""
    parts, params, seen = [], (), set()
    for phrase in phrases:
        for config, language in zip(configurations(), CONFIGURATION_LANGUAGES, strict=True):
            if len(phrase) == 1:
                form = stem(phrase[0], language)
                if form in seen:
                    continue
                seen.add(form)
            parts.append("phraseto_tsquery(%s::regconfig, %s)")
            params = (*params, config, " ".join(phrase))
    return f"({' || '.join(parts)})", params


def distinct_tsquery(phrases: Sequence[Phrase]) -> tuple[str, tuple]:
    """tsquery(phrases) with each distinct item once, computed once per statement (an
    uncorrelated subquery). A phrase's forms in several configurations are often the
    same, and synonyms share phrases: without this, the query for ten words of which
    some have multi-word synonyms holds each phrase many times, and ts_rank, which
    costs per item for every row it ranks, does that work many times over."""
    sql, params = tsquery(phrases)
    parts = sql[1:-1].replace(" || ", ", ")
    # Only the configurations' names and placeholders are formatted in; words are parameters.
    select = "SELECT string_agg(DISTINCT '(' || part::text || ')', ' | ')::tsquery"
    rows = f"FROM unnest(ARRAY[{parts}]) AS part WHERE part::text <> ''"
    return f"({select} {rows})", params


def unsupported(connection):
    raise ImproperlyConfigured(
        f"Search supports PostgreSQL and SQLite, not {connection.vendor}: set DATABASE_URL "
        "to a PostgreSQL database, or leave it unset for SQLite."
    )


class Matches(Expression):
    """Whether a row's document matches any of `phrases` (in `field`, or anywhere)."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, kind: str, phrases: Sequence[Phrase], column: str = "all", vector=None):
        super().__init__()
        self.kind = kind
        self.phrases = tuple(phrases)
        self.column = column
        self.vector = vector if vector is not None else F("search_vector")
        self.pk = F("pk")

    def get_source_expressions(self):
        return [self.vector, self.pk]

    def set_source_expressions(self, expressions):
        self.vector, self.pk = expressions

    def as_sql(self, compiler, connection):
        unsupported(connection)

    def as_postgresql(self, compiler, connection):
        vector, params = compiler.compile(self.vector)
        weights = FIELDS[self.column][0]
        if weights:
            vector = f"ts_filter({vector}, '{weights}')"
        sql, query_params = tsquery(self.phrases)
        return f"({vector} @@ {sql})", (*params, *query_params)

    def as_sqlite(self, compiler, connection):
        pk, params = compiler.compile(self.pk)
        expression = " OR ".join(f"({fts_phrase(phrase)})" for phrase in self.phrases)
        column = FIELDS[self.column][1]
        if column:
            expression = f"{{{column}}} : ({expression})"
        # Only the compiled column and constants are formatted in; the words are a parameter.
        sql = (
            f"{pk} IN (SELECT rowid / {ROWID_FACTOR} FROM search_fts "  # noqa: S608
            f"WHERE search_fts MATCH %s AND rowid %% {ROWID_FACTOR} = %s)"
        )
        return sql, (*params, expression, KIND_NUMBERS[self.kind])


def _score(condition: Matches, value: float) -> Case:
    return Case(When(condition, then=Value(value)), default=Value(0.0))


def rank(kind: str, query: ParsedQuery, vector=None) -> models.Expression:
    """The rank of a row for `query` (see the module's docstring)."""
    total = len(query.groups)
    score: models.Expression = Value(0.0)
    for group in query.groups:
        shares = (
            (Matches(kind, group.alternatives, vector=vector), 1.0),
            (Matches(kind, group.alternatives, "title", vector=vector), TITLE_SHARE / total),
            (Matches(kind, group.alternatives, "summary", vector=vector), SUMMARY_SHARE / total),
            (Matches(kind, group.alternatives[:1], vector=vector), OWN_WORD_SHARE / total),
        )
        for condition, value in shares:
            score = score + _score(condition, value)
    if query.phrase:
        score = score + _score(Matches(kind, [query.phrase], vector=vector), PHRASE_BONUS)
    return models.ExpressionWrapper(score, output_field=models.FloatField())


def matched_words(kind: str, query: ParsedQuery, vector=None) -> models.Expression:
    """How many of the query words a row matches."""
    count: models.Expression = Value(0)
    for group in query.groups:
        count = count + Case(
            When(Matches(kind, group.alternatives, vector=vector), then=Value(1)),
            default=Value(0),
        )
    return models.ExpressionWrapper(count, output_field=models.IntegerField())


class PreRank(Expression):
    """A cheap first rank on PostgreSQL: ts_rank of the stored vector for any of
    `phrases`, weighted as the rank weighs title, summary, body and tags. One
    look at a row's vector, where the exact rank needs several per query word."""

    output_field = models.FloatField()

    def __init__(self, phrases: Sequence[Phrase]):
        super().__init__()
        self.phrases = tuple(phrases)
        self.vector = F("search_vector")

    def get_source_expressions(self):
        return [self.vector]

    def set_source_expressions(self, expressions):
        (self.vector,) = expressions

    def as_sql(self, compiler, connection):
        unsupported(connection)

    def as_postgresql(self, compiler, connection):
        vector, params = compiler.compile(self.vector)
        sql, query_params = distinct_tsquery(self.phrases)
        return (
            f"COALESCE(ts_rank('{PRE_RANK_WEIGHTS}', {vector}, {sql}), 0)",
            (*params, *query_params),
        )


def candidates(matching: models.QuerySet, phrases: Sequence[Phrase]) -> models.QuerySet:
    """The ids of the CANDIDATES best `matching` rows by PreRank: the only rows
    ranked exactly, so that a very common word does not rank the whole table."""
    return matching.order_by(-PreRank(phrases), "-pk").values("pk")[:CANDIDATES]


def word_frequencies(model: type[models.Model], using: str) -> dict[str, float]:
    """The share of `model`'s rows holding each common word of its stored vector, as
    PostgreSQL's ANALYZE last counted them (pg_stats); rarer words are absent. Read
    at most once per FREQUENCIES_TTL per process."""
    key = (using, model._meta.db_table)
    now = time.monotonic()
    cached = _frequencies.get(key)
    if cached and now - cached[0] < FREQUENCIES_TTL:
        return cached[1]
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT u.word, u.share FROM pg_stats s, "
            "unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) "
            "AS u(word, share) WHERE s.schemaname = current_schema() "
            "AND s.tablename = %s AND s.attname = 'search_vector'",
            [model._meta.db_table],
        )
        found = {word: share for word, share in cursor.fetchall() if word is not None}
    _frequencies[key] = (now, found)
    return found


def group_share(group, frequencies: dict[str, float]) -> float:
    """An estimate of the share of rows matching a query word: its most common
    alternative, a phrase counting as its rarest word (0 for words ANALYZE did not
    find common)."""
    return max(
        min(max(frequencies.get(form, 0.0) for form in stems(word)) for word in phrase)
        for phrase in group.alternatives
    )


def rarest(query: ParsedQuery, frequencies: dict[str, float]) -> list[Phrase]:
    """The phrases of the n - needed + 1 rarest query words: a row matching `needed`
    of the n words matches at least one of them (pigeonhole), so candidates are
    sought among the rows matching these, read through the index, only."""
    keep = len(query.groups) - query.needed + 1
    groups = sorted(query.groups, key=lambda group: group_share(group, frequencies))[:keep]
    return [phrase for group in groups for phrase in group.alternatives]


def search(
    queryset: models.QuerySet,
    kind: str,
    query: ParsedQuery,
    vector=None,
    *,
    best: int | None = None,
) -> models.QuerySet:
    """The rows of `queryset` that answer `query`, annotated with their `rank`.

    On PostgreSQL, for a stored vector (resources and initiatives), only the
    CANDIDATES best rows matching any word by a cheap first rank (PreRank) get the
    exact rank: for a query of one or two words the others rank 0, after them
    (newest first, as the callers order ties); for a longer query, whose rule of
    matching half of the words takes a look per word at each row, the answers are
    sought among those candidates only, and only among the rows matching one of the
    rarest words that could make up half of them (rarest()).

    `best`: only that many first rows (by rank) are wanted, as for a page of the
    site search. If it is at most CANDIDATES they are all candidates (a candidate
    ranks at least 1, every other row 0), so the rows are only the candidates and
    the rest of the matches are not looked at.
    """
    if not query.groups:
        return queryset.none().annotate(rank=Value(0.0))
    anything = [phrase for group in query.groups for phrase in group.alternatives]
    found = queryset.filter(Matches(kind, anything, vector=vector))
    exact = rank(kind, query, vector=vector)
    prerank = vector is None and connections[queryset.db].vendor == "postgresql"
    if prerank and query.needed > 1:
        frequencies = word_frequencies(queryset.model, queryset.db)
        pool = queryset.filter(Matches(kind, rarest(query, frequencies)))
        found = found.filter(pk__in=candidates(pool, anything))
    elif prerank and best is not None and best <= CANDIDATES:
        found = found.filter(pk__in=candidates(found, anything))
    elif prerank:
        exact = Case(When(pk__in=candidates(found, anything), then=exact), default=Value(0.0))
    if query.needed > 1:
        # Matching any word is matching one: no second look at each row for that.
        found = found.alias(matched=matched_words(kind, query, vector=vector)).filter(
            matched__gte=query.needed
        )
    return found.annotate(rank=exact)
