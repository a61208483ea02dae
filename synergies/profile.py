"""What the synergy finder compares: profiles of items and drafts, their words, and
the candidates and matches a lookup produces."""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from contributions.models import TAG_FIELDS, Contribution

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
