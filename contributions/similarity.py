"""Likely duplicates and synergies: which published contributions resemble a given one.

A lookup compares a profile (a saved item, or a draft being typed: its title, summary
and whatever tags are chosen) with the published resources and initiatives, and
returns the closest ones, each with the reasons it was chosen in plain words
("same barrier: Test not reimbursed; both in Germany; similar title").

    score = (1 - s) × text similarity + s × structural overlap

- Text similarity, 0 to 1. On PostgreSQL: the trigram similarity of the titles
  (pg_trgm) and the full-text rank of the candidate's stored search vector for the
  profile's words, relative to the rank the profile's own text gets for them. On
  SQLite, which has neither, the same two ideas in Python: difflib's ratio of the
  titles and the overlap of normalised words in title and summary.
- Structural overlap, 0 to 1: shared barriers, stages, geography, therapeutic areas
  and audiences (Dice coefficient per kind of tag, weighted) and the same
  organisation. `s` is STRUCTURE_SHARE scaled by the weight of the kinds of tag the
  profile has: a draft with only a title is judged by its text alone.

A lookup makes at most eight queries (nine on PostgreSQL) whatever the number of
items: on PostgreSQL, which of the profile's words are too common to look up alone;
per kind a text prefilter (index-backed on PostgreSQL) and a structural prefilter
(items sharing a barrier), both LIMITed, and the candidate rows with their text
scores; then every candidate's tags; and the names of regions and areas. Nothing is
queried per candidate; a step with nothing to look for (no words, no barriers, no
candidates) is skipped.
"""

import difflib
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
)
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    FloatField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Least
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import (
    SEARCH_CONFIG,
    TAG_FIELDS,
    Contribution,
    Initiative,
    Resource,
    SimilarityDecision,
    Status,
)

KINDS: dict[str, type[Contribution]] = {"resource": Resource, "initiative": Initiative}

# How many candidates each prefilter passes on, per kind. Enough for the best five
# to be among them; small enough that scoring them costs next to nothing.
CANDIDATES = 20
# The share of the score that structure can take when the profile has every tag.
STRUCTURE_SHARE = 0.5
# Weights of the structural signals. Barriers say most about what the work is for.
STRUCTURE_WEIGHTS = {
    "barriers": 0.35,
    "stages": 0.15,
    "geography": 0.2,
    "therapeutic_areas": 0.12,
    "audiences": 0.1,
    "organisation": 0.08,
}
# Shown as related work from this score; a strong match must be marked before submitting.
SHOWN = 0.25
STRONG = 0.5
# Text signals reported as reasons, and how many reasons a match gives at most.
SIMILAR_TITLE = 0.45
MAX_REASONS = 4
# Geography: sharing a country counts fully, sharing only a region less, sharing
# only "Global" (work that applies everywhere) a little.
SAME_REGION = 0.6
BOTH_GLOBAL = 0.3

MAX_WORDS = 16
# SQLite's prefilter ORs one LIKE per word; keep that short.
MAX_LIKE_WORDS = 8

# fmt: off
STOPWORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off",
    "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your", "yours", "new", "help", "helps",
    "use", "used", "using", "one", "two", "three", "via", "per", "within", "without",
    "make", "makes", "made",
})
# fmt: on
SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ers", "er", "ed", "es", "s")
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words_of(text: str) -> list[str]:
    """The content words of `text`, lower-cased, in order, without stop words."""
    return [w for w in WORD.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS]


@functools.lru_cache(maxsize=100_000)
def normalise(word: str) -> str:
    """A crude stem, so that "test", "tests" and "testing" (or "reimbursed" and
    "reimbursement") meet: one common suffix off, then the first seven letters."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]


def dice(a: Iterable, b: Iterable) -> float:
    a, b = set(a), set(b)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass
class Profile:
    """What a lookup compares: the text and tags of an item or of a draft.

    Tags are sets of primary keys as strings (country codes for countries).
    `country_regions` are the regions of the profile's countries and `area_parents`
    the broader areas of its therapeutic areas, so that Germany meets Europe and
    Lung cancer meets Oncology.
    """

    title: str
    summary: str = ""
    kind: str | None = None
    pk: int | None = None
    organisation_id: int | None = None
    tags: dict[str, frozenset[str]] = field(default_factory=dict)
    country_regions: frozenset[str] = frozenset()
    area_parents: frozenset[str] = frozenset()
    # {tag kind: {id: name}} of the profile's own tags, for the reasons.
    names: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, item: Contribution) -> "Profile":
        """The profile of a saved item. Uses its tags as loaded: prefetch them
        (ContributionQuerySet.with_tags) to avoid six queries."""
        tags = {name: list(getattr(item, name).all()) for name in TAG_FIELDS}
        return cls.from_tags(
            title=item.title,
            summary=item.summary,
            kind=item.kind,
            pk=item.pk,
            organisation_id=item.organisation_id,
            tags=tags,
        )

    @classmethod
    def from_tags(
        cls,
        *,
        title: str,
        summary: str = "",
        kind: str | None = None,
        pk: int | None = None,
        organisation_id: int | None = None,
        tags: dict[str, Iterable],
    ) -> "Profile":
        """A profile from tag objects, such as a form's cleaned data."""
        rows = {name: list(tags.get(name) or []) for name in TAG_FIELDS}
        return cls(
            title=title or "",
            summary=summary or "",
            kind=kind,
            pk=pk,
            organisation_id=organisation_id,
            tags={name: frozenset(str(row.pk) for row in rows[name]) for name in TAG_FIELDS},
            country_regions=frozenset(
                str(c.region_id) for c in rows["countries"] if c.region_id is not None
            ),
            area_parents=frozenset(
                str(a.parent_id) for a in rows["therapeutic_areas"] if a.parent_id is not None
            ),
            names={
                name: {str(row.pk): getattr(row, "title", None) or row.name for row in rows[name]}
                for name in TAG_FIELDS
            },
        )

    def has(self, signal: str) -> bool:
        if signal == "geography":
            return bool(self.tags.get("countries") or self.tags.get("regions"))
        if signal == "organisation":
            return self.organisation_id is not None
        return bool(self.tags.get(signal))

    @property
    def text(self) -> str:
        return f"{self.title} {self.summary}"

    def query_words(self) -> list[str]:
        """Distinct content words, title first, then the longest of the summary."""
        title = words_of(self.title)
        summary = sorted(words_of(self.summary), key=len, reverse=True)
        seen: list[str] = []
        for word in title + summary:
            if word not in seen and not word.isdigit():
                seen.append(word)
        return seen[:MAX_WORDS]


@dataclass
class Places:
    """Names of the regions (and which is Global) and of the therapeutic areas: the
    broader places and areas a candidate may share with the profile."""

    regions: dict[str, tuple[str, bool]] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)


@dataclass
class Candidate:
    """A published item under consideration, with everything scoring needs: its tags
    as sets of ids (see CANDIDATE_TAGS) and its text similarity to the profile."""

    item: Contribution
    title_similarity: float = 0.0
    content_similarity: float = 0.0
    tags: dict[str, frozenset[str]] = field(default_factory=dict)
    places: Places = field(default_factory=Places)
    linked: bool = False


@dataclass
class Match:
    """A published item resembling the profile: how much, and why."""

    item: Contribution
    score: float
    text: float
    structure: float
    linked: bool = False
    profile: Profile | None = field(default=None, repr=False, compare=False)
    candidate: Candidate | None = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def reasons(self) -> list[str]:
        """Worked out when asked for: a lookup scores many candidates and shows a few."""
        return reasons(self.profile, self.candidate)

    @property
    def strong(self) -> bool:
        return self.score >= STRONG

    @property
    def kind(self) -> str:
        return self.item.kind

    @property
    def key(self) -> str:
        """Names the match in forms: `match-<kind>-<pk>`."""
        return f"match-{self.item.kind}-{self.item.pk}"

    @property
    def explanation(self) -> str:
        return "; ".join(self.reasons)

    @property
    def percent(self) -> int:
        return round(self.score * 100)


# Candidate selection ---------------------------------------------------------------


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
        .defer("body", "search_vector")
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
            # profile's own title and summary: 1 when it covers the words as well.
            items = items.annotate(
                content_similarity=Least(
                    SearchRank(F("search_vector"), query) / SearchRank(own, query),
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


# Scoring --------------------------------------------------------------------------


def score(profile: Profile, candidate: Candidate) -> Match:
    text = 0.5 * candidate.title_similarity + 0.5 * candidate.content_similarity
    signals = structural_signals(profile, candidate)
    available = {name: w for name, w in STRUCTURE_WEIGHTS.items() if profile.has(name)}
    weight = sum(available.values())
    structure = sum(w * signals[name] for name, w in available.items()) / weight if weight else 0
    share = STRUCTURE_SHARE * weight / sum(STRUCTURE_WEIGHTS.values())
    total = (1 - share) * text + share * structure
    return Match(
        item=candidate.item,
        score=round(total, 4),
        text=round(text, 4),
        structure=round(structure, 4),
        linked=candidate.linked,
        profile=profile,
        candidate=candidate,
    )


def structural_signals(profile: Profile, candidate: Candidate) -> dict[str, float]:
    tags = candidate.tags
    signals = {
        name: dice(profile.tags.get(name, ()), tags[name])
        for name in ("barriers", "stages", "audiences")
    }
    signals["therapeutic_areas"] = dice(
        profile.tags.get("therapeutic_areas", frozenset()) | profile.area_parents,
        tags["therapeutic_areas"] | tags["area_parents"],
    )
    signals["geography"] = geography(profile, candidate)[0]
    signals["organisation"] = float(
        profile.organisation_id is not None
        and profile.organisation_id == candidate.item.organisation_id
    )
    return signals


def geography(profile: Profile, candidate: Candidate) -> tuple[float, list[str]]:
    """How far the two work in the same places, and the shared place names."""
    tags, regions = candidate.tags, candidate.places.regions
    shared = profile.tags.get("countries", frozenset()) & tags["countries"]
    if shared:
        return 1.0, sorted(profile.names["countries"][c] for c in shared)
    mine = profile.tags.get("regions", frozenset()) | profile.country_regions
    both = [regions[r] for r in mine & (tags["regions"] | tags["country_regions"]) if r in regions]
    local = sorted(name for name, is_global in both if not is_global)
    if local:
        return SAME_REGION, local
    if both:
        return BOTH_GLOBAL, sorted(name for name, _is_global in both)
    return 0.0, []


def names(shared: Iterable[str]) -> str:
    shared = sorted(shared)
    if len(shared) <= 2:
        return _(" and ").join(shared)
    return _("%(first)s and %(n)d more") % {"first": ", ".join(shared[:2]), "n": len(shared) - 2}


def shared_names(profile: Profile, candidate: Candidate, name: str) -> list[str]:
    shared = profile.tags.get(name, frozenset()) & candidate.tags[name]
    return [profile.names[name][pk] for pk in shared]


def reasons(profile: Profile, candidate: Candidate) -> list[str]:
    """Why the candidate resembles the profile, the most telling few first."""
    found: list[str] = []
    if candidate.linked:
        found.append(_("marked as related work"))
    if barriers := shared_names(profile, candidate, "barriers"):
        found.append(
            ngettext("same barrier: %(names)s", "same barriers: %(names)s", len(barriers))
            % {"names": names(barriers)}
        )
    _weight, places = geography(profile, candidate)
    if places:
        found.append(_("both in %(places)s") % {"places": names(places)})
    if candidate.title_similarity >= SIMILAR_TITLE:
        found.append(_("similar title"))
    else:
        words = shared_words(profile.text, item_text(candidate.item))
        if len(words) >= 2:
            found.append(_("both mention %(words)s") % {"words": names(words[:3])})
    if stages := shared_names(profile, candidate, "stages"):
        found.append(
            ngettext("same stage: %(names)s", "same stages: %(names)s", len(stages))
            % {"names": names(stages)}
        )
    mine = profile.tags.get("therapeutic_areas", frozenset()) | profile.area_parents
    theirs = candidate.tags["therapeutic_areas"] | candidate.tags["area_parents"]
    area_names = candidate.places.areas | profile.names.get("therapeutic_areas", {})
    if areas := [area_names[pk] for pk in mine & theirs if pk in area_names]:
        found.append(_("both about %(names)s") % {"names": names(areas)})
    if audiences := shared_names(profile, candidate, "audiences"):
        found.append(_("both for %(names)s") % {"names": names(audiences)})
    if profile.organisation_id and profile.organisation_id == candidate.item.organisation_id:
        found.append(_("same organisation"))
    return found[:MAX_REASONS]


def shared_words(a: str, b: str) -> list[str]:
    """Words of `b` that `a` also uses (after normalising), longest first."""
    mine = {normalise(w) for w in words_of(a)}
    seen: dict[str, str] = {}
    for word in words_of(b):
        stem = normalise(word)
        if stem in mine and stem not in seen and not word.isdigit():
            seen[stem] = word
    return sorted(seen.values(), key=len, reverse=True)


# Lookups ---------------------------------------------------------------------------


def find_similar(
    profile: Profile,
    limit: int = 5,
    minimum: float = SHOWN,
    linked: Iterable[tuple[str, int]] = (),
    include: Iterable[tuple[str, int]] = (),
) -> list[Match]:
    """The published items most like `profile`, best first, at most `limit` of them.

    `linked` items (kind, pk), marked as related work by a partner, come first
    whatever their score. `include` items are scored whatever the prefilters find
    and returned whatever their score, on top of the `limit`. Unpublished ones of
    either are left out.
    """
    linked, include = set(linked), set(include)
    forced = linked | include
    terms = prefilter_terms(profile)
    candidates: dict[tuple[str, int], Candidate] = {}
    for kind, model in KINDS.items():
        ids = set(text_prefilter(model, profile, terms[kind]))
        ids |= set(structure_prefilter(model, profile))
        ids |= {pk for forced_kind, pk in forced if forced_kind == kind}
        for candidate in load_candidates(model, profile, ids):
            candidate.linked = (kind, candidate.item.pk) in linked
            candidates[(kind, candidate.item.pk)] = candidate
    if not candidates:
        return []
    load_tags(candidates)
    places = load_places()
    for candidate in candidates.values():
        candidate.places = places
    matches = [score(profile, candidate) for candidate in candidates.values()]
    matches.sort(key=lambda m: (not m.linked, -m.score, m.item.title))
    best = [m for m in matches if m.linked or m.score >= minimum][:limit]
    shown = {(m.kind, m.item.pk) for m in best}
    return best + [m for m in matches if (m.kind, m.item.pk) in include - shown]


def score_pair(profile: Profile, item: Contribution) -> Match:
    """How much one published `item` resembles `profile`, scored as a lookup would."""
    [candidate] = load_candidates(type(item), profile, {item.pk})
    load_tags({(item.kind, item.pk): candidate})
    candidate.places = load_places()
    return score(profile, candidate)


def related_to(item: Contribution, limit: int = 5) -> list[Match]:
    """Up to `limit` published items related to `item`: those a partner linked as
    related work first, then the most similar. One query more than find_similar, if
    `item`'s tags are prefetched."""
    linked = set()
    for resource, initiative, match_resource, match_initiative in (
        SimilarityDecision.objects.related()
        .involving(item)
        .values_list("resource_id", "initiative_id", "match_resource_id", "match_initiative_id")
    ):
        for kind, pk in (
            ("resource", resource),
            ("initiative", initiative),
            ("resource", match_resource),
            ("initiative", match_initiative),
        ):
            if pk is not None and (kind, pk) != (item.kind, item.pk):
                linked.add((kind, pk))
    return find_similar(Profile.of(item), limit=limit, linked=linked)


def record_decisions(
    item: Contribution, marks: dict[tuple[str, int], str], matches: list[Match], by
) -> list[SimilarityDecision]:
    """Store what the partner marked for each match of `item`, with the score and
    the reasons they saw; marking a match again changes the decision."""
    found = {(m.kind, m.item.pk): m for m in matches}
    decisions = []
    for (kind, pk), choice in marks.items():
        match = found.get((kind, pk))
        if match is None or choice not in SimilarityDecision.Choice.values:
            continue
        decision, _created = SimilarityDecision.objects.update_or_create(
            **{item.kind: item, f"match_{kind}": match.item},
            defaults={
                "choice": choice,
                "score": match.score,
                "reasons": match.reasons,
                "decided_by": by,
                "decided_at": timezone.now(),
            },
        )
        decisions.append(decision)
    return decisions


# Potential partners ----------------------------------------------------------------


@dataclass
class Partner:
    """An organisation working on the same barriers in the same places."""

    organisation: object
    barriers: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    same_country: bool = False

    @property
    def explanation(self) -> str:
        return _("works on %(barriers)s in %(places)s") % {
            "barriers": names(self.barriers),
            "places": names(self.places),
        }


def potential_partners(initiative: Initiative, limit: int = 6) -> list[Partner]:
    """Organisations whose published work addresses one of the initiative's barriers
    in one of its countries (or regions), other than its own and its partners.

    Two queries, if the initiative's tags and partners are prefetched: one UNION of
    the matching (organisation, barrier, place) rows over both kinds, one for the
    organisations. Sharing a country ranks above sharing a region only.
    """
    from stakeholders.models import Organisation

    barriers = [b.pk for b in initiative.barriers.all()]
    countries = [c.pk for c in initiative.countries.all()]
    regions = {r.pk for r in initiative.regions.all() if not r.is_global}
    regions |= {c.region_id for c in initiative.countries.all() if c.region_id is not None}
    if not barriers or not (countries or regions):
        return []
    excluded = {initiative.organisation_id}
    excluded |= {org.pk for org in initiative.partner_organisations.all()}
    parts = []
    for _kind, model in KINDS.items():
        through = model.barriers.through
        item = model._meta.model_name
        rows = through.objects.filter(
            barrier_id__in=barriers, **{f"{item}__status": Status.PUBLISHED}
        ).exclude(**{f"{item}__organisation__in": excluded})
        if countries:
            parts.append(
                rows.filter(**{f"{item}__countries__in": countries})
                .annotate(place_kind=Value("country", output_field=CharField()))
                .values_list(
                    f"{item}__organisation_id",
                    "barrier__title",
                    "place_kind",
                    f"{item}__countries__name",
                )
            )
        if regions:
            parts.append(
                rows.filter(**{f"{item}__regions__in": regions})
                .annotate(place_kind=Value("region", output_field=CharField()))
                .values_list(
                    f"{item}__organisation_id",
                    "barrier__title",
                    "place_kind",
                    f"{item}__regions__name",
                )
            )
    found: dict[int, Partner] = {}
    for organisation_id, barrier, place_kind, place in parts[0].union(*parts[1:], all=True):
        partner = found.setdefault(organisation_id, Partner(organisation=None))
        partner.barriers.add(barrier)
        partner.places.add(place)
        partner.same_country |= place_kind == "country"
    for organisation in Organisation.objects.filter(pk__in=found).select_related("group"):
        found[organisation.pk].organisation = organisation
    partners = [p for p in found.values() if p.organisation is not None]
    partners.sort(key=lambda p: (not p.same_country, -len(p.barriers), p.organisation.name.lower()))
    return partners[:limit]
