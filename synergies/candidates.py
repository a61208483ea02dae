"""Candidate selection: the few published items worth scoring for a profile.

Found through the site search (search.matching), so that acronyms and their
expansions, US and UK spelling and terms in other languages (the synonym table) and
words stemmed in every language configuration in use all count, the same way on
PostgreSQL and SQLite; never through planner statistics, so that an original is
reachable whatever the size of the library and whether it was analysed:

- word hits: for each informative word of the profile (with its synonyms), at most
  COMMON of the items holding it, in one UNION ALL query for both kinds (index-backed:
  GIN on PostgreSQL, FTS5 on SQLite) and kept in the cache until published content
  changes (see hits); words known to be held by more (common.py, counted once per
  content version) are not searched at all. A word held by fewer items than that
  is a *rare* word, and all its items are found; the number found is also how rare it is, the
  weight of the word in the scores (wording.Weights). Candidates are the items
  holding the most weight of rare words (the pre-rank), and
- when several words are common, pairs of them together, the same way;
- for short drafts, the items with the most similar titles (pg_trgm's similarity
  on PostgreSQL; on SQLite the titles holding a word beginning like one of the
  draft's, ranked by the same trigram similarity in Python);
- structural candidates: of the items holding a rare word, those sharing the most
  barriers and countries with the profile, whatever their age.

Then every candidate's row with its stored profile (one query per kind, rows.py),
the tags of those without one (one query) and the names of regions and areas (none
while the content version is unchanged). Nothing is queried per candidate.
"""

import functools
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Count, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from contributions.models import KINDS, Contribution
from core import content_version
from search.index import KIND_NUMBERS, ROWID_FACTOR
from search.matching import Matches
from search.synonyms import Group, Phrase
from search.text import words as folded_words

from . import common as common_words
from .cognates import COGNATE, MatchesPrefix, Prefixes, cognate_lookups
from .common import CommonWords
from .expansion import expansion
from .findings import Shared
from .models import SimilarityProfile
from .profile import Profile, load_concepts, stored_reading
from .wording import (
    COMMON,
    Concepts,
    Reading,
    Weights,
    lookup_words,
    rarity,
    trigram_similarity,
    trigrams,
)

# Candidates per kind from the words, from the titles, and from the tags.
CANDIDATES = 50
TITLE_CANDIDATES = 10
STRUCTURE_CANDIDATES = 10
# Structural candidates are the items sharing most tags among this many best
# placed by the words.
STRUCTURE_POOL = 200
# A draft of at most this many informative words is short: its title is also
# compared letter by letter (a word half typed, a misspelling).
SHORT = 6
# Common words are looked up two by two, at most PAIRED of them, when the rare words
# found fewer than FEW items.
PAIRED = 3
FEW = 10
TRIGRAM_THRESHOLD = 0.3


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def published(model: type[Contribution], profile: Profile):
    items = model.objects.published()
    if profile.kind == model._meta.model_name and profile.pk is not None:
        items = items.exclude(pk=profile.pk)
    return items


@dataclass
class Retrieval:
    """What the search found for a profile: its words, each word's items per kind
    (complete for rare words), and the weights of the profile's keys."""

    profile: Profile
    concepts: Concepts
    # The site-wide content version when the lookup began (core.content_version).
    version: int | None = None
    groups: list[Group] = field(default_factory=list)
    hits: dict[str, dict[int, list[int]]] = field(default_factory=dict)
    pair_hits: dict[str, dict[tuple[int, int], list[int]]] = field(default_factory=dict)
    # {kind: {word number: items holding a cognate of the word (cognates.py)}}.
    cognate_hits: dict[str, dict[int, list[int]]] = field(default_factory=dict)
    weights: Weights = field(default_factory=Weights)
    # {kind: numbers of the words known common without a search (common.py)}.
    known_common: dict[str, set[int]] = field(default_factory=dict)

    @functools.cached_property
    def reading(self) -> Reading:
        profile = self.profile
        args = (profile.title, profile.summary, profile.language)
        return stored_reading(profile.stored, *args, self.concepts) or self.concepts.reading(*args)

    def found(self, number: int) -> int:
        """How many items hold word `number`, at most COMMON."""
        if any(number in known for known in self.known_common.values()):
            return COMMON
        return min(COMMON, sum(len(hits.get(number, ())) for hits in self.hits.values()))

    def word_weight(self, number: int) -> float:
        return rarity(self.found(number))

    def common(self, kind: str) -> list[int]:
        known = self.known_common.get(kind, set())
        return [
            n
            for n in range(len(self.groups))
            if n in known or len(self.hits[kind].get(n, ())) >= COMMON
        ]


def retrieve(profile: Profile, concepts: Concepts | None = None) -> Retrieval:
    """Look the profile's words up in every kind (one query, two when several words
    are common) and weigh its keys."""
    version = content_version.current()
    concepts = concepts or load_concepts(version)
    retrieval = Retrieval(profile, concepts, version)
    looked_up = lookup_words(profile.title, profile.summary)
    retrieval.groups = expansion(concepts.table).groups(looked_up)
    words: dict[tuple, list] = {
        (n,): [group.alternatives] for n, group in enumerate(retrieval.groups)
    }
    words |= cognate_lookups(retrieval.groups, profile.language)
    known = common_words.load(version)
    wanted = {}
    for kind in KINDS:
        held = set() if known is None else _known_common(known, kind, words)
        retrieval.known_common[kind] = {label[-1] for label in held if len(label) == 1}
        wanted[kind] = {label: phrases for label, phrases in words.items() if label not in held}
    shared = Shared(version)
    # One round trip to the cache for the words, and for the pairs of the words known
    # common that the lookup may pair below (see Shared).
    shared.prefetch(
        shared.key(kind, phrases)
        for kind in KINDS
        for phrases in [*wanted[kind].values(), *_pairs(retrieval, kind, known_only=True).values()]
    )
    found = hits(profile, wanted, shared)
    retrieval.hits = {
        kind: {label[0]: pks for label, pks in by_label.items() if len(label) == 1}
        for kind, by_label in found.items()
    }
    retrieval.cognate_hits = {
        kind: {label[1]: pks for label, pks in by_label.items() if label[0] == COGNATE}
        for kind, by_label in found.items()
    }
    # Common words two by two, when the rare ones alone found few items.
    pairs = {
        kind: _pairs(retrieval, kind) for kind in KINDS if len(pre_rank(retrieval, kind)) < FEW
    }
    retrieval.pair_hits = hits(profile, pairs, shared)
    shared.save()
    by_word = {group.word: retrieval.found(n) for n, group in enumerate(retrieval.groups)}
    reading = retrieval.reading
    items = {}
    for key in [*reading.title_keys, *reading.summary_keys]:
        counts = [by_word[w] for w in key.words if w in by_word]
        if counts:
            items[key.key] = min(items.get(key.key, COMMON), *counts)
    retrieval.weights = Weights(items)
    return retrieval


def _pairs(
    retrieval: Retrieval, kind: str, known_only: bool = False
) -> dict[tuple[int, int], list[tuple[Phrase, ...]]]:
    """The first PAIRED common words of `kind` two by two, with their phrases (only
    those known common before any search, `known_only`)."""
    if known_only:
        common = sorted(retrieval.known_common.get(kind, ()))[:PAIRED]
    else:
        common = retrieval.common(kind)[:PAIRED]
    return {
        (a, b): [retrieval.groups[a].alternatives, retrieval.groups[b].alternatives]
        for a, b in itertools.combinations(common, 2)
    }


def _known_common(known: CommonWords, kind: str, words: dict[tuple, list]) -> set[tuple]:
    """The labels of `words` that a search would find more than COMMON items of
    `kind` for (common.py): not searched."""
    return {
        label
        for label, phrases in words.items()
        if (
            known.holds_prefix(kind, phrases[0])
            if isinstance(phrases[0], Prefixes)
            else known.holds(kind, phrases[0])
        )
    }


def hits(
    profile: Profile,
    wanted: dict[str, dict[tuple[int, ...], list[tuple[Phrase, ...]]]],
    shared: Shared,
) -> dict[str, dict[tuple[int, ...], list[int]]]:
    """{kind: {label: ids of at most COMMON published items holding every one of the
    label's words}}, for `wanted` {kind: {label: the words' phrases}}; the profile's
    own item left out.

    What the database answers is kept under the site-wide content version (see
    Shared): the words of the field ("cancer", "testing") come back in nearly every
    lookup. What neither the process nor the cache holds is looked up in one query
    (see _hits_sql)."""
    keys = {
        (kind, label): shared.key(kind, phrases)
        for kind, words in wanted.items()
        for label, phrases in words.items()
    }
    kept = shared.get_many(keys.values())
    missing = {
        kind: {label: phrases for label, phrases in words.items() if keys[kind, label] not in kept}
        for kind, words in wanted.items()
    }
    looked_up = _hits_sql(missing)
    shared.found({keys[label]: pks for label, pks in looked_up.items()})
    own = (profile.kind, profile.pk)
    found: dict[str, dict[tuple[int, ...], list[int]]] = {kind: {} for kind in wanted}
    for (kind, label), key in keys.items():
        pks = kept.get(key, looked_up.get((kind, label), []))
        if own[0] == kind:
            pks = [pk for pk in pks if pk != own[1]]
        if pks:
            found[kind][label] = pks[:COMMON]
    return found


def _hits_sql(
    wanted: dict[str, dict[tuple[int, ...], list[tuple[Phrase, ...]]]],
) -> dict[tuple[str, tuple[int, ...]], list[int]]:
    """{(kind, label): ids of at most COMMON + 1 published items holding every one
    of the label's words}, in one query, index-backed (GIN on PostgreSQL, FTS5 on
    SQLite). One more than COMMON, so that a word stays common for its own item
    (which a lookup leaves out afterwards).

    Each kind's published rows are compiled once, and each word's match is added to
    them as SQL: compiling a queryset per word took longer than the database took to
    answer."""
    parts, labels = [], []
    for kind, words in wanted.items():
        if not words:
            continue
        query = KINDS[kind].objects.published().order_by().values_list("pk", flat=True).query
        compiler = query.get_compiler(connection=connection)
        base, base_params = compiler.as_sql()
        for label, phrases in words.items():
            conditions, params = [], list(base_params)
            for alternatives in phrases:
                match = (
                    MatchesPrefix(kind, alternatives)
                    if isinstance(alternatives, Prefixes)
                    else Matches(kind, alternatives)
                )
                sql, more = compiler.compile(match.resolve_expression(query))
                conditions.append(sql)
                params += more
            # Only integers and compiled SQL are formatted in; words are parameters.
            parts.append(
                (
                    f"SELECT {len(labels)} AS label, hit.* FROM "  # noqa: S608
                    f"({base} AND {' AND '.join(conditions)} LIMIT {COMMON + 1}) hit",
                    params,
                )
            )
            labels.append((kind, label))
    found: dict[tuple[str, tuple[int, ...]], list[int]] = {label: [] for label in labels}
    for number, pk in _union(parts):
        found[labels[number]].append(pk)
    return found


def _union(parts: list[tuple[str, list]]) -> list[tuple]:
    if not parts:
        return []
    sql = " UNION ALL ".join(part for part, _params in parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [p for _part, params in parts for p in params])
        return cursor.fetchall()


def pre_rank(retrieval: Retrieval, kind: str) -> dict[int, float]:
    """Each item holding rare words (or rare pairs of common words, or a word's rare
    cognates in other languages) of the profile, with the weight of the words it
    holds."""
    ranks: dict[int, float] = defaultdict(float)
    for number, pks in retrieval.hits[kind].items():
        if len(pks) < COMMON:
            weight = retrieval.word_weight(number)
            for pk in pks:
                ranks[pk] += weight
    for pks in retrieval.pair_hits.get(kind, {}).values():
        if len(pks) < COMMON:
            weight = rarity(len(pks))
            for pk in pks:
                ranks[pk] += weight
    for number, pks in retrieval.cognate_hits.get(kind, {}).items():
        if len(pks) < COMMON:
            weight = rarity(len(pks))
            # Items holding the word itself, when all of them are known (a rare word).
            word_hits = retrieval.hits[kind].get(number, ())
            own = set(word_hits) if len(word_hits) < COMMON else set()
            for pk in pks:
                if pk not in own:
                    ranks[pk] += weight
    return ranks


def title_hits(model: type[Contribution], profile: Profile) -> list[int]:
    """Ids of the items whose titles are most like a short profile's title, compared
    as its words only (no control characters, which the database refuses)."""
    title_words = [w for w in folded_words(profile.title[:200]) if len(w) >= 3]
    if not title_words:
        return []
    title = " ".join(title_words)
    items = published(model, profile)
    if is_postgresql():
        return list(
            items.annotate(likeness=TrigramSimilarity("title", title))
            .filter(likeness__gte=TRIGRAM_THRESHOLD)
            .order_by("-likeness", "pk")
            .values_list("pk", flat=True)[:TITLE_CANDIDATES]
        )
    prefixes = " OR ".join(f'"{w[:4]}"*' for w in dict.fromkeys(title_words))
    # Only integer constants are formatted in; the words are a parameter.
    indexed = RawSQL(  # noqa: S611
        f"SELECT rowid / {ROWID_FACTOR} FROM search_fts "  # noqa: S608
        f"WHERE search_fts MATCH %s AND rowid %% {ROWID_FACTOR} = %s LIMIT %s",
        [f"{{title}} : ({prefixes})", KIND_NUMBERS[model._meta.model_name], COMMON],
    )
    mine = trigrams(title)
    rows = items.filter(pk__in=indexed).values_list("pk", "title")
    scored = sorted(((trigram_similarity(mine, trigrams(t)), pk) for pk, t in rows), reverse=True)
    return [pk for likeness, pk in scored[:TITLE_CANDIDATES] if likeness >= TRIGRAM_THRESHOLD]


def structure_hits(model: type[Contribution], profile: Profile, among: list[int]) -> list[int]:
    """Of the items `among` (those holding rare words), the ones sharing the most
    barriers and countries with the profile."""
    barriers = [int(pk) for pk in profile.tags.get("barriers", ())]
    countries = list(profile.tags.get("countries", ()))
    if not among or not (barriers or countries):
        return []
    shared = Q()
    if barriers:
        shared |= Q(barriers__in=barriers)
    if countries:
        shared |= Q(countries__in=countries)
    return list(
        model.objects.filter(pk__in=among)
        .filter(shared)
        .values("pk")
        .annotate(
            barriers_shared=Coalesce(
                Count("barriers", filter=Q(barriers__in=barriers), distinct=True), 0
            ),
            countries_shared=Coalesce(
                Count("countries", filter=Q(countries__in=countries), distinct=True), 0
            ),
        )
        .order_by("-barriers_shared", "-countries_shared", "pk")
        .values_list("pk", flat=True)[:STRUCTURE_CANDIDATES]
    )


def stored_structure_hits(
    model: type[Contribution], profile: Profile, among: list[int]
) -> list[int]:
    """structure_hits, from the stored profiles' tags (models.SimilarityProfile): one
    narrow query instead of counting tag links; the same query as structure_hits if
    any of the items has no stored profile."""
    barriers = profile.tags.get("barriers", frozenset())
    countries = profile.tags.get("countries", frozenset())
    if not among or not (barriers or countries):
        return []
    kind = model._meta.model_name
    rows = list(
        SimilarityProfile.objects.filter(**{f"{kind}__in": among}).values_list(f"{kind}_id", "tags")
    )
    ranked = []
    for pk, tags in rows:
        shared = (
            len(barriers.intersection(tags.get("barriers", ()))),
            len(countries.intersection(tags.get("countries", ()))),
        )
        if any(shared):
            ranked.append((-shared[0], -shared[1], pk))
    if len(rows) < len(set(among)):
        return structure_hits(model, profile, among)
    return [pk for *_shared, pk in sorted(ranked)[:STRUCTURE_CANDIDATES]]


def candidate_ids(retrieval: Retrieval, kind: str) -> set[int]:
    """The ids worth scoring for the profile, of one kind."""
    model, profile = KINDS[kind], retrieval.profile
    ranks = pre_rank(retrieval, kind)
    ordered = sorted(ranks, key=lambda pk: (-ranks[pk], pk))
    ids = set(ordered[:CANDIDATES])
    ids |= set(stored_structure_hits(model, profile, ordered[:STRUCTURE_POOL]))
    if len(lookup_words(profile.title, profile.summary)) <= SHORT:
        ids |= set(title_hits(model, profile))
    return ids
