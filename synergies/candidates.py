"""Candidate selection: the few published items worth scoring for a profile, found
with LIMITed text and structural prefilters, and their tags in one query."""

import difflib
import functools
import math
import re

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
)
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least, NullIf

from contributions.models import KINDS, SEARCH_CONFIG, Contribution

from .profile import (
    CANDIDATES,
    MAX_LIKE_WORDS,
    Candidate,
    Places,
    Profile,
    dice,
    normalise,
    words_of,
)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def search_query(words: list[str]) -> SearchQuery | None:
    """Any of `words`. They are letters and digits only (see `words_of`), so the raw
    tsquery syntax cannot be broken by what a partner types."""
    if not words:
        return None
    return SearchQuery(" | ".join(words), search_type="raw", config=SEARCH_CONFIG)


# How much of a kind's items the text prefilter may select and rank: its words are
# taken rarest first while their estimated shares add up to at most WORD_BUDGET; all
# the title's words together are added if they are estimated rarer than TITLE_BUDGET.
# On a large table "cancer" or "testing" alone would select most rows, and every one
# would have to be ranked. Common words still count in the score of what is found.
WORD_BUDGET = 0.01
TITLE_BUDGET = 0.05
# The profile's words as PostgreSQL's English dictionary stems them ("lexemes"), which
# of them are in the title, and for each table the share of its rows containing each:
# PostgreSQL's planner statistics hold the most common lexemes of each search vector
# column with their shares, and the last share listed is a ceiling for all the others.
# ANALYZE (autovacuum) keeps them fresh; a table never analysed has none, and then
# every word counts as rare, which is right for a table that small.
LEXEMES_SQL = """
WITH stats AS MATERIALIZED (
    SELECT s.tablename, s.most_common_elems::text::text[] AS lexemes,
        s.most_common_elem_freqs AS shares
    FROM pg_stats s
    WHERE s.schemaname = current_schema() AND s.tablename = ANY(%s)
        AND s.attname = 'search_vector' AND s.most_common_elems IS NOT NULL
)
SELECT d.lexeme, d.lexeme = ANY(tsvector_to_array(to_tsvector(%s::regconfig, %s))),
    st.tablename,
    COALESCE(
        st.shares[array_position(st.lexemes, d.lexeme)],
        st.shares[array_length(st.lexemes, 1) + 1]
    )
FROM unnest(tsvector_to_array(to_tsvector(%s::regconfig, %s))) AS d(lexeme)
LEFT JOIN stats st ON true
"""
LEXEME = re.compile(r"^[^\W_]+$")


def prefilter_terms(profile: Profile) -> dict[str, list[str] | str]:
    """What each kind's text prefilter looks for.

    On PostgreSQL, a tsquery of already-stemmed lexemes (for the "simple"
    configuration): the profile's rarest words, or all the words of its title
    together, within the budgets above; in one query. On SQLite, the normalised
    stems of the profile's words.
    """
    words = profile.query_words()
    if not is_postgresql():
        stems = list(dict.fromkeys(normalise(w) for w in words))[:MAX_LIKE_WORDS]
        return dict.fromkeys(KINDS, stems)
    if not words:
        return dict.fromkeys(KINDS, "")
    tables = {model._meta.db_table: kind for kind, model in KINDS.items()}
    title = " ".join(words_of(profile.title))
    in_title: dict[str, bool] = {}
    shares: dict[tuple[str, str], float] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            LEXEMES_SQL, [list(tables), SEARCH_CONFIG, title, SEARCH_CONFIG, " ".join(words)]
        )
        for lexeme, title_word, table, share in cursor.fetchall():
            if LEXEME.match(lexeme):
                in_title[lexeme] = title_word
                if table is not None and share is not None:
                    shares[(tables[table], lexeme)] = share
    terms = {}
    for kind in KINDS:
        alternatives, spent = [], 0.0
        for lexeme in sorted(in_title, key=lambda lexeme: shares.get((kind, lexeme), 0.0)):
            share = shares.get((kind, lexeme), 0.0)
            if spent + share > WORD_BUDGET:
                break
            alternatives.append(lexeme)
            spent += share
        title_words = [lexeme for lexeme, title_word in in_title.items() if title_word]
        together = math.prod(shares.get((kind, lexeme), 0.0) for lexeme in title_words)
        if len(title_words) > 1 and together <= TITLE_BUDGET:
            alternatives.append("(" + " & ".join(title_words) + ")")
        terms[kind] = " | ".join(alternatives)
    return terms


def published(model: type[Contribution], profile: Profile):
    items = model.objects.published()
    if profile.kind == model._meta.model_name and profile.pk is not None:
        items = items.exclude(pk=profile.pk)
    return items


def text_prefilter(
    model: type[Contribution], profile: Profile, terms: list[str] | str
) -> list[int]:
    """Ids of the published items whose text best matches `terms` (see prefilter_terms)."""
    if not terms:
        return []
    items = published(model, profile)
    if is_postgresql():
        query = SearchQuery(terms, search_type="raw", config="simple")
        items = items.filter(search_vector=query).annotate(
            text_rank=SearchRank(F("search_vector"), query)
        )
    else:
        matches, rank = Q(), Value(0)
        for stem in terms:
            matches |= Q(title__icontains=stem) | Q(summary__icontains=stem)
            rank = rank + Case(When(title__icontains=stem, then=Value(2)), default=Value(0))
            rank = rank + Case(When(summary__icontains=stem, then=Value(1)), default=Value(0))
        items = items.filter(matches).annotate(text_rank=rank)
    return list(items.order_by("-text_rank", "-pk").values_list("pk", flat=True)[:CANDIDATES])


def structure_prefilter(model: type[Contribution], profile: Profile) -> list[int]:
    """Ids of the items sharing the most barriers with the profile, newest first
    among equals. Not only published ones: checking the status here would read every
    matching row, and load_candidates drops the others anyway."""
    barriers = profile.tags.get("barriers")
    if not barriers:
        return []
    through = model.barriers.through
    item = f"{model._meta.model_name}_id"
    rows = through.objects.filter(barrier_id__in=[int(pk) for pk in barriers])
    if profile.kind == model._meta.model_name and profile.pk is not None:
        rows = rows.exclude(**{item: profile.pk})
    return list(
        rows.values(item)
        .annotate(shared=Count("barrier_id"))
        .order_by("-shared", f"-{item}")
        .values_list(item, flat=True)[:CANDIDATES]
    )


# Each candidate's tags as comma-separated ids, one SELECT per kind of item in one
# UNION ALL, one correlated subquery per kind of tag (CANDIDATE_TAGS): tag kind ->
# (many-to-many field, the broader row to take instead of the tag itself). It is SQL
# built once from the models' metadata: assembling the same through the ORM took
# longer than the database took to answer.
CANDIDATE_TAGS = {
    "stages": ("stages", ""),
    "barriers": ("barriers", ""),
    "countries": ("countries", ""),
    "country_regions": ("countries", "region"),
    "regions": ("regions", ""),
    "therapeutic_areas": ("therapeutic_areas", ""),
    "area_parents": ("therapeutic_areas", "parent"),
    "audiences": ("audiences", ""),
}
TAGS_SQL = "SELECT '{kind}', i.{pk}, {lists} FROM {table} i WHERE i.{pk} IN ({ids})"
TAG_LIST_SQL = (
    "(SELECT {aggregate}(CAST({value} AS TEXT), ',') FROM {links} t{join} WHERE t.{item} = i.{pk})"
)


@functools.cache
def tags_sql(kind: str, vendor: str) -> str:
    """TAGS_SQL for one kind of item, with `{ids}` left to fill in."""
    quote = connection.ops.quote_name
    model = KINDS[kind]
    aggregate = "STRING_AGG" if vendor == "postgresql" else "GROUP_CONCAT"
    pk = quote(model._meta.pk.column)
    lists = []
    for name, via in CANDIDATE_TAGS.values():
        field = getattr(model, name).field
        value, join = f"t.{quote(field.m2m_reverse_name())}", ""
        if via:
            tags = field.related_model
            join = (
                f" JOIN {quote(tags._meta.db_table)} m ON m.{quote(tags._meta.pk.column)} = {value}"
            )
            value = f"m.{quote(tags._meta.get_field(via).column)}"
        lists.append(
            TAG_LIST_SQL.format(
                aggregate=aggregate,
                value=value,
                links=quote(field.m2m_db_table()),
                join=join,
                item=quote(field.m2m_column_name()),
                pk=pk,
            )
        )
    return TAGS_SQL.format(
        kind=kind, pk=pk, lists=", ".join(lists), table=quote(model._meta.db_table), ids="{ids}"
    )


def load_tags(candidates: dict[tuple[str, int], "Candidate"]) -> None:
    """Every candidate's tags (see CANDIDATE_TAGS), in one query."""
    ids: dict[str, list[int]] = {}
    for kind, pk in candidates:
        ids.setdefault(kind, []).append(pk)
    selects, params = [], []
    for kind, pks in ids.items():
        placeholders = ", ".join(["%s"] * len(pks))
        selects.append(tags_sql(kind, connection.vendor).format(ids=placeholders))
        params += pks
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        rows = cursor.fetchall()
    for kind, pk, *lists in rows:
        candidates[(kind, pk)].tags = {
            name: frozenset(filter(None, (ids_text or "").split(",")))
            for name, ids_text in zip(CANDIDATE_TAGS, lists, strict=True)
        }


def load_candidates(model: type[Contribution], profile: Profile, ids: set[int]) -> list[Candidate]:
    """The candidate rows and their text similarity: computed by the database on
    PostgreSQL, in Python on SQLite. One query."""
    if not ids:
        return []
    items = (
        published(model, profile)
        .filter(pk__in=ids)
        .select_related("organisation")
        .defer("description", "search_vector")
    )
    if is_postgresql():
        query = search_query(profile.query_words())
        title = profile.title.strip()
        items = items.annotate(
            title_similarity=TrigramSimilarity("title", title)
            if title
            else Value(0.0, output_field=FloatField()),
        )
        if query is not None:
            own = SearchVector(Value(profile.title), weight="A", config=SEARCH_CONFIG)
            own = own + SearchVector(Value(profile.summary), weight="B", config=SEARCH_CONFIG)
            # The candidate's rank for the profile's words, relative to the rank of the
            # profile's own title and summary: 1 when it covers the words as well, 0 when
            # the profile's own rank is 0 (PostgreSQL reads "OncoKB.org" as a host name,
            # not as the words "oncokb" and "org"). COALESCE, because LEAST would skip
            # the NULL that NULLIF makes of that division by zero.
            items = items.annotate(
                content_similarity=Least(
                    Coalesce(
                        SearchRank(F("search_vector"), query)
                        / NullIf(SearchRank(own, query), Value(0.0)),
                        Value(0.0),
                    ),
                    Value(1.0),
                    output_field=FloatField(),
                )
            )
        else:
            items = items.annotate(content_similarity=Value(0.0, output_field=FloatField()))
    candidates = []
    for item in items:
        candidate = Candidate(item=item)
        if is_postgresql():
            candidate.title_similarity = float(item.title_similarity or 0.0)
            candidate.content_similarity = float(item.content_similarity or 0.0)
        else:
            candidate.title_similarity = title_similarity(profile.title, item.title)
            candidate.content_similarity = content_similarity(profile.text, item_text(item))
        candidates.append(candidate)
    return candidates


def item_text(item: Contribution) -> str:
    return f"{item.title} {item.summary}"


def title_similarity(a: str, b: str) -> float:
    """SQLite's stand-in for trigram similarity: the better of difflib's ratio of the
    lower-cased titles and the overlap of their normalised words."""
    a_words = [normalise(w) for w in words_of(a)]
    b_words = [normalise(w) for w in words_of(b)]
    ratio = difflib.SequenceMatcher(None, " ".join(a_words), " ".join(b_words)).ratio()
    return max(ratio if a_words and b_words else 0.0, dice(a_words, b_words))


def content_similarity(a: str, b: str) -> float:
    """SQLite's stand-in for the full-text rank: the overlap of normalised words."""
    return dice({normalise(w) for w in words_of(a)}, {normalise(w) for w in words_of(b)})


def load_places() -> Places:
    """Region and area names, one small query; shared by all candidates of a lookup."""
    from pathway.models import Region, TherapeuticArea

    rows = (
        Region.objects.order_by()
        .annotate(kind=Value("region"))
        .values_list("kind", "pk", "name", "is_global")
        .union(
            TherapeuticArea.objects.order_by()
            .annotate(kind=Value("area"), is_global=Value(False))
            .values_list("kind", "pk", "name", "is_global"),
            all=True,
        )
        .order_by()
    )
    places = Places()
    for kind, pk, name, is_global in rows:
        if kind == "region":
            places.regions[str(pk)] = (name, bool(is_global))
        else:
            places.areas[str(pk)] = name
    return places
