"""What the synergy finder compares: profiles of items and drafts, their words, and
the candidates and matches a lookup produces."""

import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Value

from contributions.models import TAG_FIELDS, Contribution
from core import content_version
from search import stopwords, synonyms
from search import text as search_text

from . import wording
from .wording import Concepts, Key, Reading, Weights, coverage

# The share of the score that tags can move it, up or down, when the profile has
# every kind of tag: tags raise or lower a textual match, they cannot make one.
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
# A possible duplicate needs at least this text similarity, whatever its tags.
MIN_TEXT = 0.55
# Text similarity (similarity.text_similarity): the profile's title keys count
# TITLE_SHARE of its keys; the share of them a candidate holds counts
# AGREEMENT_FLOOR of itself when none of the candidate's title words are in the
# profile; the titles' trigram likeness alone counts TITLE_ALONE; shared keys weigh
# at least EVIDENCE (wording.Weights) for the text to count fully. Calibrated on
# the labelled set of tests/synergies (test_labelled_set.py prints the curve).
TITLE_SHARE = 0.3
AGREEMENT_FLOOR = 0.6
TITLE_ALONE = 0.8
EVIDENCE = 8.0
# An area and a broader one (Lung cancer, Oncology) count this much of the same area.
BROADER_AREA = 0.5
# Text signals reported as reasons, and how many reasons a match gives at most.
SIMILAR_TITLE = 0.45
MAX_REASONS = 4
# Geography: sharing a country counts fully, sharing only a region less, sharing
# only "Global" (work that applies everywhere) a little.
SAME_REGION = 0.6
BOTH_GLOBAL = 0.3


def content_similarity(
    mine: Reading, found: frozenset[str], weights: Weights, across: bool
) -> float:
    """The rarity-weighted share of the profile's keys (`mine`) that were `found` in
    a candidate: its title's keys count TITLE_SHARE, all its keys the rest.

    Across languages (`across`), words of the profile's language that no item holds,
    or that have no cognate key (too short to tell: "guide", "set"), could only have
    been matched by a translation ("recherche" for "testing", "Leitfaden" for
    "guide"): unless the candidate holds them, they do not count against it.

    It never falls when more keys are found (a key found adds its weight to the
    share's numerator, and at most as much to its denominator, which is never less
    than the numerator): bounds.py works out an upper bound with it from every key
    that could be found."""
    title_keys, all_keys = mine.title_set, mine.all_set
    if across:
        untranslated = (weights.nowhere | mine.without_cognate) - found
        title_keys, all_keys = title_keys - untranslated, all_keys - untranslated
    return TITLE_SHARE * coverage(title_keys, found, weights) + (1 - TITLE_SHARE) * coverage(
        all_keys, found, weights
    )


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
    language: str = "en"
    organisation_id: int | None = None
    tags: dict[str, frozenset[str]] = field(default_factory=dict)
    country_regions: frozenset[str] = frozenset()
    area_parents: frozenset[str] = frozenset()
    # {tag kind: {id: name}} of the profile's own tags, for the reasons.
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    # A saved item's stored profile (models.SimilarityProfile), if it was loaded with
    # the item: its keys are read instead of its text (see stored_reading).
    stored: object = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, item: Contribution) -> "Profile":
        """The profile of a saved item. Uses its tags as loaded: prefetch them
        (ContributionQuerySet.with_tags) to avoid six queries; and its stored
        profile if selected with it (select_related("similarity_profile"))."""
        tags = {name: list(getattr(item, name).all()) for name in TAG_FIELDS}
        profile = cls.from_tags(
            title=item.title,
            summary=item.summary,
            kind=item.kind,
            pk=item.pk,
            language=item.language,
            organisation_id=item.organisation_id,
            tags=tags,
        )
        profile.stored = item._state.fields_cache.get("similarity_profile")
        return profile

    @classmethod
    def from_tags(
        cls,
        *,
        title: str,
        summary: str = "",
        kind: str | None = None,
        pk: int | None = None,
        language: str = "en",
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
            language=language or "en",
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


@dataclass
class Places:
    """Names of the regions (and which is Global) and of the therapeutic areas: the
    broader places and areas a candidate may share with the profile."""

    regions: dict[str, tuple[str, bool]] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    """What scoring reads of a candidate item: a few columns, not a model instance,
    which a lookup builds only for the items it compares (Candidate.item)."""

    kind: str
    pk: int
    title: str
    summary: str
    language: str
    organisation_id: int | None

    @classmethod
    def of(cls, item: Contribution) -> "Row":
        return cls(
            item.kind, item.pk, item.title, item.summary, item.language, item.organisation_id
        )


@dataclass
class Candidate:
    """A published item under consideration, with everything scoring needs: its tags
    as sets of ids (see CANDIDATE_TAGS) and its text similarity to the profile.

    `row` is what scoring reads of the item; the item itself (a model instance, for
    the matches) is built when asked for, by `build`, or given (Candidate.of)."""

    row: Row
    title_similarity: float = 0.0
    content_similarity: float = 0.0
    # The candidate's own title keys found in the profile's text.
    agreement: float = 0.0
    trigram_similarity: float = 0.0
    # The weight of the profile's keys the candidate holds.
    evidence: float = 0.0
    # The profile's and the candidate's texts as read (wording.Reading), for reasons.
    readings: tuple | None = None
    tags: dict[str, frozenset[str]] = field(default_factory=dict)
    places: Places = field(default_factory=Places)
    linked: bool = False
    # The candidate's stored profile (models.SimilarityProfile, or its columns) if
    # current for its text and the synonym table, its reach (bounds.reach) for the
    # cheap first rank, and its text as read (see read).
    stored: object = field(default=None, repr=False)
    reach: frozenset[str] | None = field(default=None, repr=False)
    reading: Reading | None = field(default=None, repr=False)
    instance: Contribution | None = field(default=None, repr=False)
    build: Callable[[], Contribution] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, item: Contribution) -> "Candidate":
        return cls(row=Row.of(item), instance=item)

    @property
    def item(self) -> Contribution:
        if self.instance is None:
            self.instance = self.build()
        return self.instance

    def read(self, concepts: Concepts) -> Reading:
        """The candidate's text as read: as its stored profile read it, or read now."""
        if self.reading is None:
            row = self.row
            text = (row.title, row.summary, row.language)
            self.reading = stored_reading(self.stored, *text, concepts) or concepts.reading(*text)
        return self.reading


# Stored profiles (models.SimilarityProfile, kept by stored.py) -----------------------

# The modules whose code decides what a text's keys are: stored keys made by other
# code are not used.
READING_MODULES = (wording, search_text, stopwords, synonyms)


@functools.cache
def reading_code() -> bytes:
    """A digest of the code that reads texts into keys and works out their reach."""
    from . import bounds  # the code of the stored reach (bounds.reach); imports this

    digest = hashlib.blake2b(digest_size=16)
    for module in (*READING_MODULES, bounds):
        digest.update(Path(module.__file__).read_bytes())
    return digest.digest()


@functools.lru_cache(maxsize=4)
def keys_version(concepts: Concepts) -> str:
    """What stored keys made with these concepts (the synonym table) and this code
    are stamped with. Concepts are kept while the table is unchanged
    (wording.concepts_of), so this is worked out once per change of the table."""
    digest = hashlib.blake2b(reading_code(), digest_size=16)
    digest.update(repr(concepts.table.entries).encode())
    return digest.hexdigest()


def source_of(title: str, summary: str, language: str) -> str:
    """A digest of the text that keys were read from."""
    text = f"{language}\0{title}\0{summary}".encode()
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def stored_keys(reading: Reading) -> str:
    """The keys of a title and summary as a stored profile holds them: JSON,
    [title keys, summary keys], each key as [key, word, …]."""
    return json.dumps(
        [
            [[key.key, *key.words] for key in keys]
            for keys in (reading.title_keys, reading.summary_keys)
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def is_current(stored, title: str, summary: str, language: str, concepts: Concepts) -> bool:
    """Whether the stored profile's keys were read from this text with these
    concepts and the current code."""
    return (
        stored is not None
        and stored.version == keys_version(concepts)
        and stored.source == source_of(title, summary, language)
    )


def stored_reading(
    stored, title: str, summary: str, language: str, concepts: Concepts
) -> Reading | None:
    """The text as its stored profile read it: the same Reading as
    concepts.reading(title, summary, language) would give, without reading the text;
    None when nothing is stored, or the keys were read from another text or with
    another synonym table or code."""
    if not is_current(stored, title, summary, language, concepts):
        return None
    reading = Reading(title, summary, language, concepts)
    title_keys, summary_keys = json.loads(stored.keys)
    # The keys the text would be read into (Reading's cached properties).
    reading.__dict__["title_keys"] = [Key(k[0], tuple(k[1:])) for k in title_keys]
    reading.__dict__["summary_keys"] = [Key(k[0], tuple(k[1:])) for k in summary_keys]
    return reading


def load_places(version: int | None = None) -> Places:
    """Region and area names, shared by all candidates of a lookup: as read before
    while the site-wide content version (which a change of a region or area bumps)
    is the same, otherwise one small query."""
    if version is None:
        version = content_version.current()
    return content_version.kept("synergies:places", read_places, version)


def load_concepts(version: int | None = None) -> Concepts:
    """The synonym table's concepts (wording.Concepts.load): as read before while the
    site-wide content version is the same, otherwise one small query. A change of
    the table bumps the version (the search app's models are public content,
    settings.PUBLIC_CONTENT_MODELS), in every process: the next lookup reads it."""
    if version is None:
        version = content_version.current()
    return content_version.kept("synergies:concepts", Concepts.load, version)


def read_places() -> Places:
    """Region and area names, one small query."""
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
