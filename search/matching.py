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

At scale (PostgreSQL, resources and initiatives), only CANDIDATES rows, taken in
tiers that follow the rank through narrow stored vectors, get the exact rank: see
candidates() and search().
"""

import time
from collections.abc import Sequence

from django.db import connections, models
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.db.models.expressions import Expression, RawSQL

from .index import KIND_NUMBERS, ROWID_FACTOR
from .models import StoredVector
from .query import ParsedQuery
from .scores import FIELDS, OnVector, StoredPart, matched_words, part, rank
from .synonyms import Phrase
from .text import stems
from .tsqueries import constant, fts_phrase, prepare, unsupported

__all__ = ["Matches", "StoredPart", "rank", "search", "search_stored"]
# How many rows get the exact rank.
CANDIDATES = 400
# How long the planner's word frequencies (pg_stats) are reused, in seconds.
FREQUENCIES_TTL = 600
_frequencies: dict[tuple[str, str], tuple[float, tuple[dict[str, float], float]]] = {}


class Matches(Expression):
    """Whether a row's document matches any of `phrases` (in `field`, or anywhere).
    `query`: the query the phrases come from, whose tsqueries were worked out
    once (tsqueries.prepare)."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(
        self,
        kind: str,
        phrases: Sequence[Phrase],
        column: str = "all",
        vector=None,
        query: ParsedQuery | None = None,
    ):
        super().__init__()
        self.kind, self.query = kind, query
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
        sql, query_params = constant(self.query, self.phrases, connection)
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


class MatchesAll(OnVector):
    """Whether a row's document holds every query word of `groups`, as typed (not
    through a synonym): one AND tsquery, which a GIN index answers from its
    posting lists (PostgreSQL). `vector`: a StoredPart for the title and summary
    or the title only."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, query: ParsedQuery, vector=None):
        super().__init__(vector)
        self.query = query

    def as_postgresql(self, compiler, connection):
        vector, params = compiler.compile(self.vector)
        parts = [
            constant(self.query, group.alternatives[:1], connection) for group in self.query.groups
        ]
        sql = " && ".join(part for part, _params in parts)
        query_params = tuple(param for _part, part_params in parts for param in part_params)
        return f"({vector} @@ ({sql}))", (*params, *query_params)


def tiers(kind: str, query: ParsedQuery, pool: Sequence[Phrase]) -> list[tuple[str, list]]:
    """The conditions of the candidates' tiers, best first, each a list of
    conditions that hold together (see candidates()), with the chain it belongs
    to: "every" (the rows holding every word: in the title, in the title or
    summary, anywhere) and "some" (a word of `pool`: likewise). In a chain each
    tier holds the one before it (a title's words are its document's), so a tier
    need only leave out the widest earlier tier of each chain. A condition on the
    title comes with the same condition on the title and summary, which the
    narrow vector's GIN index answers; the title's own column gives the planner
    its statistics, so that it reads a common tier newest first and stops early."""
    narrow, title = StoredPart("rank_vector"), StoredPart("title_vector")
    found: list[tuple[str, list]] = []
    if len(query.groups) > 1:
        every = MatchesAll(query, vector=narrow)
        found += [
            (EVERY, [every, MatchesAll(query, vector=title)]),
            (EVERY, [every]),
            (EVERY, [MatchesAll(query)]),
        ]
    some = Matches(kind, pool, vector=narrow, query=query)
    found += [
        ("some", [some, Matches(kind, pool, vector=title, query=query)]),
        ("some", [some]),
        ("some", [Matches(kind, pool, query=query)]),
    ]
    return found


# The chain of tiers of the rows holding every word, and their ids when few (candidates()).
EVERY = "every"
EVERY_IDS = "SELECT * FROM ft3_every"
EVERY_COUNT = "(SELECT count(*) FROM ft3_every)"


def candidates(
    matching: models.QuerySet,
    kind: str,
    query: ParsedQuery,
    pool: Sequence[Phrase],
    *,
    few: bool = False,
) -> RawSQL:
    """The ids of at most CANDIDATES rows of `matching` matching a phrase of
    `pool` (rows holding every word do): the only rows ranked exactly, so that a
    very common word does not rank the whole table.

    They are taken in tiers that follow the exact rank (rank()): for a query of
    several words, the rows holding all of them in the title, then in the title
    or summary, then anywhere; then the rows holding any word in the title, then
    in the title or summary (the narrow stored vectors, StoredPart), then the
    rest. Each tier is the newest rows of its kind not in an earlier tier, and is
    read through a GIN index or, where it is common, newest first along the
    primary key until it has enough rows; a tier is only looked at if the ones
    before it left room (PostgreSQL stops an `UNION ALL` under a `LIMIT` as soon
    as it has the rows). No row is read whole to be ranked, however many match.

    `few`: the rows holding every word are expected to be at most CANDIDATES
    (few_hold_every()). They are then read once, through the GIN index, up to
    one more than CANDIDATES; if they are that few they are the first three
    tiers whole (the same rows); only if they are more are the three tiers read
    as above. The candidates are the same rows either way. (The other tiers
    still leave them out by their condition: with their ids left out instead,
    the planner took the initiatives' next tier through two GIN indexes, 2-3
    times slower than along the key.)"""
    parts: list[models.QuerySet] = []
    widest: dict[str, Expression] = {}
    prefix, prefix_params = "", ()
    if few and len(query.groups) > 1:
        every = matching.filter(MatchesAll(query)).order_by().values("pk")[: CANDIDATES + 1]
        sql, prefix_params = every.query.get_compiler(using=every.db).as_sql()
        prefix = (
            f"WITH ft3_every AS MATERIALIZED ({sql}) "
            f"({EVERY_IDS} WHERE {EVERY_COUNT} <= {CANDIDATES}) UNION ALL "
        )
        # Constants only.
        many = RawSQL(f"{EVERY_COUNT} > %s", (CANDIDATES,), output_field=models.BooleanField())  # noqa: S611
    for chain, conditions in tiers(kind, query, pool):
        tier = matching.filter(*conditions)
        if prefix and chain == EVERY:
            tier = tier.filter(many)
        for condition in widest.values():
            tier = tier.exclude(condition)
        widest[chain] = conditions[-1]
        parts.append(tier.order_by("-pk").values("pk")[:CANDIDATES])
    compiled = [part.query.get_compiler(using=part.db).as_sql() for part in parts]
    # Only the compiled tiers and constants are formatted in; the words stay parameters.
    sql = prefix + " UNION ALL ".join(f"({part})" for part, _params in compiled)
    params = (*prefix_params, *(param for _part, part_params in compiled for param in part_params))
    return RawSQL(f"{sql} LIMIT {CANDIDATES}", params)  # noqa: S611


def word_frequencies(model: type[models.Model], using: str) -> dict[str, float]:
    """The share of `model`'s rows holding each common word of its stored vector, as
    PostgreSQL's ANALYZE last counted them (pg_stats); rarer words are absent. Read
    at most once per FREQUENCIES_TTL per process."""
    return statistics(model, using)[0]


def statistics(model: type[models.Model], using: str) -> tuple[dict[str, float], float]:
    """word_frequencies() and the number of rows ANALYZE counted, in one statement."""
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
            "AND s.tablename = %s AND s.attname = 'search_vector' "
            "UNION ALL SELECT NULL, greatest(c.reltuples, 0) FROM pg_class c "
            "WHERE c.oid = to_regclass(quote_ident(%s))",
            [model._meta.db_table, model._meta.db_table],
        )
        rows = cursor.fetchall()
    found = {word: share for word, share in rows if word is not None}
    counted = next((float(share) for word, share in rows if word is None), 0.0)
    _frequencies[key] = (now, (found, counted))
    return found, counted


def few_hold_every(queryset: models.QuerySet, query: ParsedQuery) -> bool:
    """Whether PostgreSQL's statistics put the rows of `queryset`'s table holding
    every query word well under CANDIDATES (a quarter of them, the words taken
    as independent, a word ANALYZE did not find common as common as the least
    common it did): then candidates() reads them once (`few`). Only a matter of
    speed: the candidates are the same rows either way."""
    if len(query.groups) < 2:
        return False
    shares, counted = statistics(queryset.model, queryset.db)
    least = min(shares.values(), default=1.0)
    expected = counted
    for group in query.groups:
        expected *= group_share(group, shares) or least
    return expected <= CANDIDATES / 4


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


def best_candidates(queryset: models.QuerySet, kind: str, query: ParsedQuery) -> RawSQL:
    """The candidates of a query of one or two words among `queryset` (PostgreSQL):
    the only rows search() ranks above 0, a match of any word being an answer."""
    anything = [phrase for group in query.groups for phrase in group.alternatives]
    return candidates(queryset, kind, query, anything, few=few_hold_every(queryset, query))


class RelevancePages:
    """The rows of a search of one or two words (search() on PostgreSQL, without
    `best`) in their order, rank then `newest`, as a Paginator reads them: the
    candidates (`chosen`, best_candidates() of the rows before the words), the only
    rows ranked above 0, in one small query (`ranked`: the candidates with their
    rank, search() with `best`, rather than `rows` tested against them twice);
    then, if the candidates were full, the other matches in `newest` order alone,
    which an index on it reads a page at a time. No page sorts every match.
    `count`: the number of rows, if known."""

    def __init__(
        self, rows, ranked, chosen: RawSQL, newest: Sequence[str], count: int | None = None
    ):
        self.rows, self.ranked, self.chosen = rows, ranked, chosen
        self.newest = tuple(newest)
        self.known_count = count
        self._first: list[int] | None = None

    def first(self) -> list[int]:
        if self._first is None:
            ranked = self.ranked.order_by("-rank", *self.newest)
            self._first = list(ranked.values_list("pk", flat=True))
        return self._first

    def count(self) -> int:
        if self.known_count is None:
            self.known_count = self.rows.order_by().count()
        return self.known_count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list:
        start, stop = key.start or 0, key.stop
        first = self.first()
        ids = first[start:stop]
        if len(first) >= CANDIDATES and (stop is None or stop > len(first)):
            rest = self.rows.exclude(pk__in=self.chosen).order_by(*self.newest)
            end = None if stop is None else stop - len(first)
            ids += list(rest.values_list("pk", flat=True)[max(0, start - len(first)) : end])
        rows = {row.pk: row for row in self.rows.filter(pk__in=ids).order_by()}
        return [rows[pk] for pk in ids]


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
    CANDIDATES rows of the first tiers (candidates(): all words in the title first,
    and so on, newest first in each) get the exact rank: for a query of one or two
    words the others rank 0, after them (newest first, as the callers order ties);
    for a longer query, whose rule of matching half of the words takes a look per
    word at each row, the answers are sought among those candidates only, and only
    among the rows matching one of the rarest words that could make up half of
    them (rarest()).

    `best`: only that many first rows (by rank) are wanted, as for a page of the
    site search. If it is at most CANDIDATES they are all candidates (a candidate
    ranks at least 1, every other row 0), so the rows are only the candidates and
    the rest of the matches are not looked at.
    """
    if not query.groups:
        return queryset.none().annotate(rank=Value(0.0))
    anything = [phrase for group in query.groups for phrase in group.alternatives]
    postgresql = connections[queryset.db].vendor == "postgresql"
    prerank = vector is None and postgresql
    pool = []
    if prerank and query.needed > 1:
        pool = rarest(query, word_frequencies(queryset.model, queryset.db))
    if postgresql:
        prepare(query, queryset.db, [pool])
    matching = Matches(kind, anything, **part(vector, "all"), query=query)
    exact = rank(kind, query, vector=vector)
    # The candidates match a word (of the pool, or any): no second look at their
    # whole documents for it.
    if pool:
        few = few_hold_every(queryset, query)
        found = queryset.filter(pk__in=candidates(queryset, kind, query, pool, few=few))
    elif prerank and best is not None and best <= CANDIDATES:
        found = queryset.filter(pk__in=best_candidates(queryset, kind, query))
    elif prerank:
        found = queryset.filter(matching)
        chosen = best_candidates(queryset, kind, query)
        exact = Case(When(pk__in=chosen, then=exact), default=Value(0.0))
    else:
        found = queryset.filter(matching)
    return enough_words(found, kind, query, vector).annotate(rank=exact)


def enough_words(rows: models.QuerySet, kind: str, query: ParsedQuery, vector=None):
    """`rows`, each matching a query word, that match at least `query.needed` of them."""
    if query.needed > 1:
        # Matching any word is matching one: no second look at each row for that.
        rows = rows.alias(matched=matched_words(kind, query, vector=vector)).filter(
            matched__gte=query.needed
        )
    return rows


# The vectors of a StoredVector row, as `vector` of Matches and rank().
STORED = {"all": F("document"), "title": F("title"), "summary": F("summary")}


def search_stored(
    queryset: models.QuerySet, kind: str, query: ParsedQuery, *, best: int | None = None
) -> models.QuerySet:
    """search() for a kind whose PostgreSQL vectors are kept in StoredVector
    (reference content, index.in_table): the answers are matched among the stored
    vectors (GIN index), and each answer's rank read from its own stored row, so
    that no vector is built while searching. On SQLite: search() (the FTS5 table)."""
    if connections[queryset.db].vendor != "postgresql" or not query.groups:
        # SQLite matches in the FTS5 table: no vector of the row is read.
        return search(queryset, kind, query, vector={"all": Value("")}, best=best)
    prepare(query, queryset.db)
    stored = StoredVector.objects.using(queryset.db).filter(kind=KIND_NUMBERS[kind])
    anything = [phrase for group in query.groups for phrase in group.alternatives]
    # The answers without their rank (search() would resolve it once more for nothing).
    matched = stored.filter(Matches(kind, anything, vector=STORED["all"], query=query))
    answers = enough_words(matched, kind, query, STORED).values("object_id")
    own = stored.filter(object_id=OuterRef("pk")).annotate(rank=rank(kind, query, vector=STORED))
    exact = Subquery(own.values("rank")[:1], output_field=models.FloatField())
    return queryset.filter(pk__in=answers).annotate(rank=exact)


def capped_count(rows: models.QuerySet, cap: int | None = None) -> tuple[int, bool]:
    """How many `rows` there are, counting no further than `cap` (CANDIDATES):
    (count, False), or (cap, True) when there are more. A `LIMIT`ed count stops
    reading as soon as it has cap + 1 rows, where an exact count of a very common
    word's matches reads every one of them once more."""
    cap = CANDIDATES if cap is None else cap
    found = rows.order_by().values("pk")[: cap + 1].count()
    return (cap, True) if found > cap else (found, False)
