"""Query words as the databases match them: an FTS5 expression on SQLite, a tsquery
on PostgreSQL, each phrase in every stemming of the index.

On PostgreSQL a query's tsqueries are worked out once per query (prepare(), one
statement) and sent as constants. Written as `phraseto_tsquery(config, words)`
calls, PostgreSQL's planner evaluated each call while planning every statement
that held it: a ten-word query's rank holds some forty tsqueries of up to seven
configurations each, and planning took 25-90 ms per statement.
"""

from collections.abc import Iterable, Sequence

from django.core.exceptions import ImproperlyConfigured
from django.db import connections

from .query import ParsedQuery
from .synonyms import Phrase
from .text import STEMMED_LANGUAGES, configurations, stem

# The language of each of text.configurations(), in order (the last is not stemmed).
CONFIGURATION_LANGUAGES = (*STEMMED_LANGUAGES, "")


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


def unsupported(connection):
    raise ImproperlyConfigured(
        f"Search supports PostgreSQL and SQLite, not {connection.vendor}: set DATABASE_URL "
        "to a PostgreSQL database, or leave it unset for SQLite."
    )


def phrase_sets(query: ParsedQuery) -> list[tuple[Phrase, ...]]:
    """Every set of phrases a search for `query` matches: each word with its
    synonyms, each word alone (as typed), the words as a phrase, any word."""
    found: list[tuple[Phrase, ...]] = []
    for group in query.groups:
        found += [group.alternatives, group.alternatives[:1]]
    if query.phrase:
        found.append((query.phrase,))
    found.append(tuple(phrase for group in query.groups for phrase in group.alternatives))
    return found


def prepare(query: ParsedQuery, using: str, more: Iterable[Sequence[Phrase]] = ()) -> None:
    """Work out, in one statement, the tsquery of every set of phrases a search for
    `query` matches (and of `more`) that `query` does not hold yet (PostgreSQL)."""
    memo = query.tsqueries.setdefault(using, {})
    wanted = list(dict.fromkeys(tuple(phrases) for phrases in (*phrase_sets(query), *more)))
    wanted = [phrases for phrases in wanted if phrases and phrases not in memo]
    for phrases in [phrases for phrases in wanted if joined(query, phrases, memo) is not None]:
        memo[phrases] = joined(query, phrases, memo)
        wanted.remove(phrases)
    if not wanted:
        return
    columns, params = [], ()
    for phrases in wanted:
        sql, part_params = tsquery(phrases)
        columns.append(f"({sql})::text")
        params = (*params, *part_params)
    with connections[using].cursor() as cursor:
        # Only placeholders are formatted in; the words are parameters.
        cursor.execute(f"SELECT {', '.join(columns)}", params)
        memo.update(zip(wanted, cursor.fetchone(), strict=True))


def joined(query: ParsedQuery, phrases: tuple[Phrase, ...], memo: dict) -> str | None:
    """The tsquery of whole words' phrases one after the other (as the rarest
    words' are), from the words' tsqueries in `memo`; None if it is not one."""
    words = {group.alternatives[0]: group.alternatives for group in query.groups}
    texts, start = [], 0
    while start < len(phrases):
        alternatives = words.get(phrases[start], ())
        if not alternatives or phrases[start : start + len(alternatives)] != alternatives:
            return None
        if alternatives not in memo:
            return None
        texts.append(memo[alternatives])
        start += len(alternatives)
    # A word no configuration keeps a lexeme of has the empty tsquery: no operand.
    return " | ".join(f"( {text} )" for text in texts if text)


def constant(query: ParsedQuery | None, phrases: Sequence[Phrase], connection) -> tuple[str, tuple]:
    """The tsquery of `phrases` as SQL: the constant prepare() worked out for
    `query`, or else the calls that build it."""
    memo = query.tsqueries.get(connection.alias, {}) if query is not None else {}
    text = memo.get(tuple(phrases))
    if text is None:
        return tsquery(phrases)
    return "%s::tsquery", (text,)
