"""The rank of a row for a query, and how many of its words it matches, each as
one expression (see matching.py for what the rank is).

The rank is a sum of some forty terms for a ten-word query (each word matched
anywhere, in the title, in the summary, as typed; the phrase). Built from one
Django expression per term, each resolving its columns through the query's joins,
Django spent more time building a search than PostgreSQL answering it; Scores
resolves the row's vectors once and writes the terms itself.

On PostgreSQL the terms read the whole document once per row (a TOASTed vector is
otherwise fetched again by every term), look at the title and summary only for
the words the document holds (a word found in the title is found in the
document), read them from the narrow stored columns of resources and initiatives
(StoredPart), and use the query's tsqueries as constants (tsqueries.prepare).
The weights are decimal constants there, so the order of the sum does not change
it; on SQLite (floating point) the terms are summed in the same order as ever.
"""

from collections.abc import Sequence

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import F
from django.db.models.expressions import Expression

from .index import KIND_NUMBERS, ROWID_FACTOR
from .query import ParsedQuery
from .synonyms import Phrase
from .tsqueries import constant, fts_phrase, unsupported

FIELDS = {"all": ("", ""), "title": ("{a}", "title"), "summary": ("{b}", "summary")}
TITLE_SHARE = 0.5
SUMMARY_SHARE = 0.2
OWN_WORD_SHARE = 0.15
PHRASE_BONUS = 0.14

# A term: (column, phrases, value) counts `value` if the row's `column` matches a phrase.
Term = tuple[str, tuple[Phrase, ...], float]


class OnVector(Expression):
    """An expression of PostgreSQL on one vector of the row (`vector`)."""

    def __init__(self, vector=None):
        super().__init__()
        self.vector = vector if vector is not None else F("search_vector")

    def get_source_expressions(self):
        return [self.vector]

    def set_source_expressions(self, expressions):
        (self.vector,) = expressions

    def as_sql(self, compiler, connection):
        unsupported(connection)


class StoredPart(OnVector):
    """A narrow stored vector of the row on PostgreSQL: `rank_vector` (the title
    and summary part, weights A and B, of `search_vector`, GIN-indexed) or
    `title_vector` (its title part), generated columns of resources and
    initiatives (contributions migration 0012). They are not model fields, so the
    column is named next to the compiled `search_vector` of the same row."""

    output_field = models.TextField()

    def __init__(self, column: str = "rank_vector"):
        super().__init__()
        self.column = column

    def as_postgresql(self, compiler, connection):
        sql, params = compiler.compile(self.vector)
        column = connection.ops.quote_name("search_vector")
        if not sql.endswith(column):
            raise ImproperlyConfigured(f"No {self.column} next to {sql}.")
        return sql[: -len(column)] + connection.ops.quote_name(self.column), params


def part(vector, column: str) -> dict:
    """Matches' arguments for `column` of `vector`: a vector built on the fly may
    come as a mapping of the whole document ("all") and of its title and summary
    alone, which are far cheaper to build than the whole one filtered."""
    if isinstance(vector, dict):
        vector = vector.get(column, vector["all"])
    return {"column": column, "vector": vector}


class Scores(Expression):
    """The sum, for a row, of `groups` of terms: each group's first term says
    whether the row's document holds a word; the others (in the title, ...)
    imply it. `vector`: None for the stored `search_vector` of resources and
    initiatives, or a mapping of the document ("all") and, if it has them apart,
    its title and summary vectors."""

    def __init__(
        self,
        kind: str,
        query: ParsedQuery,
        groups: Sequence[Sequence[Term]],
        vector=None,
        *,
        zero: float = 0.0,
        output_field=None,
    ):
        super().__init__(output_field=output_field or models.FloatField())
        self.kind, self.query, self.zero = kind, query, zero
        self.groups = tuple(tuple(group) for group in groups)
        if vector is None:
            # The title and summary parts of the stored vector, as narrow columns.
            self.sources = [F("search_vector"), StoredPart("title_vector"), StoredPart()]
            self.filters = {"all": "", "title": "", "summary": "{b}"}
        else:
            self.sources = [vector["all"], vector.get("title"), vector.get("summary")]
            self.filters = {
                column: "" if column == "all" or column in vector else FIELDS[column][0]
                for column in FIELDS
            }
        self.sources.append(F("pk"))

    def get_source_expressions(self):
        return list(self.sources)

    def set_source_expressions(self, expressions):
        self.sources = list(expressions)

    def as_sql(self, compiler, connection):
        unsupported(connection)

    def as_sqlite(self, compiler, connection):
        pk, pk_params = compiler.compile(self.sources[-1])
        sql, params = ["%s"], [self.zero]
        for column, phrases, value in (term for group in self.groups for term in group):
            expression = " OR ".join(f"({fts_phrase(phrase)})" for phrase in phrases)
            if FIELDS[column][1]:
                expression = f"{{{FIELDS[column][1]}}} : ({expression})"
            # Only the compiled column and constants are formatted in; the words are a parameter.
            sql.append(
                f"CASE WHEN {pk} IN (SELECT rowid / {ROWID_FACTOR} FROM search_fts "  # noqa: S608
                f"WHERE search_fts MATCH %s AND rowid %% {ROWID_FACTOR} = %s) "
                "THEN %s ELSE %s END"
            )
            params += [*pk_params, expression, KIND_NUMBERS[self.kind], value, self.zero]
        return f"({' + '.join(sql)})", tuple(params)

    def as_postgresql(self, compiler, connection):
        whole, whole_params = compiler.compile(self.sources[0])
        # The row's vectors, each read (detoasted, filtered) once: the document
        # (`|| ''` gives it detoasted) and the title and summary parts the terms use.
        columns, column_params = [f"{whole} || ''::tsvector AS v"], list(whole_params)
        vectors = {"all": "ft3_row.v"}
        used = {column for group in self.groups for column, _phrases, _value in group}
        for column, source in zip(("title", "summary"), self.sources[1:3], strict=True):
            if source is None or column not in used:
                continue
            sql, params = compiler.compile(source)
            weights = self.filters[column]
            sql = f"ts_filter({sql}, '{weights}')" if weights else f"{sql} || ''::tsvector"
            columns.append(f"{sql} AS {column}")
            column_params += params
            vectors[column] = f"ft3_row.{column}"
        params: list = [self.zero]

        def condition(column: str, phrases) -> str:
            vector = vectors.get(column)
            if vector is None:
                vector = f"ts_filter(ft3_row.v, '{self.filters[column]}')"
            sql, query_params = constant(self.query, phrases, connection)
            params.extend(query_params)
            return f"({vector} @@ {sql})"

        terms = []
        for (column, phrases, value), *implied in self.groups:
            first = condition(column, phrases)
            params.append(value)
            inner = ["%s"]
            for implied_column, implied_phrases, implied_value in implied:
                inner.append(
                    f"CASE WHEN {condition(implied_column, implied_phrases)} THEN %s ELSE %s END"
                )
                params += [implied_value, self.zero]
            terms.append(f"CASE WHEN {first} THEN {' + '.join(inner)} ELSE %s END")
            params.append(self.zero)
        sql = (
            f"(SELECT %s + {' + '.join(terms)} "  # noqa: S608
            f"FROM (SELECT {', '.join(columns)} OFFSET 0) AS ft3_row)"
        )
        return sql, (*params, *column_params)


def rank(kind: str, query: ParsedQuery, vector=None) -> Scores:
    """The rank of a row for `query` (see matching.py's docstring)."""
    total = len(query.groups)
    own = OWN_WORD_SHARE / total if total else 0.0
    groups: list[list[Term]] = []
    for group in query.groups:
        alternatives = group.alternatives
        # A word without synonyms is matched as itself wherever it is matched.
        terms = [
            ("all", alternatives, 1.0 + own * (len(alternatives) == 1)),
            ("title", alternatives, TITLE_SHARE / total),
            ("summary", alternatives, SUMMARY_SHARE / total),
        ]
        if len(alternatives) > 1:
            terms.append(("all", alternatives[:1], own))
        groups.append(terms)
    if query.phrase:
        groups.append([("all", (query.phrase,), PHRASE_BONUS)])
    return Scores(kind, query, groups, vector)


def matched_words(kind: str, query: ParsedQuery, vector=None) -> Scores:
    """How many of the query words a row matches."""
    groups = [[("all", group.alternatives, 1)] for group in query.groups]
    return Scores(kind, query, groups, vector, zero=0, output_field=models.IntegerField())
