"""Measuring a search function on the labelled query set (queries.py).

A search function takes the words and the filters of a query and returns what it
found, best first, as (kind, slug) pairs: `search("liquid biopsy", {"country": "PL"})`.
Each query is scored on that ranking:

- success@5: a "just what I wanted" result (grade 2) is among the first five.
- reciprocal rank: 1 / the rank of the first result graded 1 or 2 among the first
  ten, 0 if there is none; MRR is its mean. Any positive grade counts, because a
  useful result on top already serves the person; success@5 keeps the bar at grade 2.
- nDCG@10: the graded gain (2^grade - 1) of the first ten results, discounted by
  log2(rank + 1), relative to the best possible ordering of the judged items.
- zero results: an answerable query got nothing at all.
- absurd results, for queries with no good answer: a result among the first five
  whose text holds fewer than half (rounded up) of the query's significant words.
  Words are compared without case or accents; two words of five letters or more
  match on their first five letters (settings and setting, tumours and tumour),
  shorter ones only whole (NGS does not match "alongside"). So a result that plainly
  contains what was asked is not absurd, while "Setting up a molecular tumour board"
  for "diabetes insulin pump settings" is. Returning nothing is never absurd.

A search that returns the same thing twice is credited once, at its first rank.
"""

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .queries import CLASSES, Key, Query

SearchFunction = Callable[[str, Mapping[str, str]], Sequence[Key]]

SUCCESS_DEPTH = 5
RANK_DEPTH = 10
ABSURD_DEPTH = 5

# What issue #12 asks of the site-wide search, on both databases.
TARGETS = {
    "success@5": 0.9,
    "MRR": 0.8,
    "zero results": 0.05,
    "absurd": 0.0,
}

# Words that carry no topic, in the portal's languages, folded (see fold()).
# fmt: off
STOP_WORDS = frozenset({
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "could", "do", "does",
    "for", "from", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my",
    "of", "on", "or", "our", "should", "so", "that", "the", "their", "them", "there", "they",
    "this", "to", "too", "was", "what", "when", "where", "whether", "which", "who", "why",
    "will", "with", "would", "you", "your", "de", "del", "des", "du", "el", "en", "et", "la",
    "las", "le", "les", "los", "un", "una", "une", "y", "das", "der", "die", "ein", "eine",
    "fur", "im", "mit", "und", "von", "zu", "che", "di", "il", "lo", "per", "da", "dos", "em",
    "na", "no", "o", "os", "dla", "u", "w", "z",
})
# fmt: on
# Letters that Unicode does not decompose into a base letter and an accent.
UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower case without accents, so that "Płuc" and "pluc" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def significant_words(text: str) -> list[str]:
    """The words of a query that say what it is about, without repeats."""
    return list(dict.fromkeys(word for word in words(text) if word not in STOP_WORDS))


def words_match(a: str, b: str) -> bool:
    """Whether two folded words are the same word, allowing for its forms."""
    if len(a) >= 5 and len(b) >= 5:
        return a[:5] == b[:5]
    return a == b


def success_at(ranking: Sequence[Key], judgements: Mapping[Key, int], depth: int) -> float:
    """1 if a grade-2 result is among the first `depth`, else 0."""
    return float(any(judgements.get(key, 0) == 2 for key in ranking[:depth]))


def reciprocal_rank(
    ranking: Sequence[Key], judgements: Mapping[Key, int], depth: int = RANK_DEPTH
) -> float:
    """1 / the rank of the first result graded 1 or more among the first `depth`."""
    for rank, key in enumerate(ranking[:depth], start=1):
        if judgements.get(key, 0) >= 1:
            return 1 / rank
    return 0.0


def ndcg(ranking: Sequence[Key], judgements: Mapping[Key, int], depth: int = RANK_DEPTH) -> float:
    """Discounted cumulative gain of the first `depth` results, over the ideal one."""

    def dcg(grades: Iterable[int]) -> float:
        return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, 1))

    ideal = dcg(sorted(judgements.values(), reverse=True)[:depth])
    if not ideal:
        return 0.0
    return dcg(judgements.get(key, 0) for key in ranking[:depth]) / ideal


def absurd_results(
    text: str, ranking: Sequence[Key], texts: Mapping[Key, str], depth: int = ABSURD_DEPTH
) -> list[Key]:
    """The results among the first `depth` that share too little with the query.

    A result missing from `texts` cannot be explained by any text, so it is absurd.
    """
    wanted = significant_words(text)
    needed = math.ceil(len(wanted) / 2)
    absurd = []
    for key in ranking[:depth]:
        found = set(words(texts.get(key, "")))
        shared = sum(any(words_match(word, other) for other in found) for word in wanted)
        if shared < needed or key not in texts:
            absurd.append(key)
    return absurd


@dataclass(frozen=True)
class Outcome:
    """What a search returned for one query, and how that scores."""

    query: Query
    ranking: tuple[Key, ...]
    absurd: tuple[Key, ...]

    @property
    def success_at_5(self) -> float:
        return success_at(self.ranking, self.query.judgements, SUCCESS_DEPTH)

    @property
    def reciprocal_rank(self) -> float:
        return reciprocal_rank(self.ranking, self.query.judgements)

    @property
    def ndcg(self) -> float:
        return ndcg(self.ranking, self.query.judgements)


@dataclass(frozen=True)
class Row:
    """The scores of a group of queries. Answerable queries give success@5, MRR,
    nDCG@10 and the share with zero results; the others give the share with an
    absurd result. A score is None when the group has no query it applies to."""

    name: str
    queries: int
    success_at_5: float | None
    mrr: float | None
    ndcg_at_10: float | None
    zero_results: float | None
    absurd: float | None

    @classmethod
    def of(cls, name: str, outcomes: Sequence[Outcome]) -> "Row":
        answerable = [outcome for outcome in outcomes if outcome.query.answerable]
        unanswerable = [outcome for outcome in outcomes if not outcome.query.answerable]

        def mean(values: list[float]) -> float | None:
            return sum(values) / len(values) if values else None

        return cls(
            name=name,
            queries=len(outcomes),
            success_at_5=mean([outcome.success_at_5 for outcome in answerable]),
            mrr=mean([outcome.reciprocal_rank for outcome in answerable]),
            ndcg_at_10=mean([outcome.ndcg for outcome in answerable]),
            zero_results=mean([float(not outcome.ranking) for outcome in answerable]),
            absurd=mean([float(bool(outcome.absurd)) for outcome in unanswerable]),
        )


@dataclass(frozen=True)
class Evaluation:
    outcomes: tuple[Outcome, ...]

    def rows(self) -> list[Row]:
        """One row per query class, in the order of CLASSES, then all queries."""
        rows = []
        for name in CLASSES:
            members = [outcome for outcome in self.outcomes if outcome.query.query_class == name]
            if members:
                rows.append(Row.of(name, members))
        return [*rows, self.overall()]

    def overall(self) -> Row:
        return Row.of("all", self.outcomes)

    def shortfalls(self) -> list[str]:
        """Each target of issue #12 the search misses, over all queries."""
        overall = self.overall()
        checks = [
            ("success@5", overall.success_at_5, lambda value, target: value >= target),
            ("MRR", overall.mrr, lambda value, target: value >= target),
            ("zero results", overall.zero_results, lambda value, target: value <= target),
            ("absurd", overall.absurd, lambda value, target: value <= target),
        ]
        return [
            f"{name} is {value:.2f}, the target is {TARGETS[name]:.2f}"
            for name, value, meets in checks
            if value is not None and not meets(value, TARGETS[name])
        ]

    def misses(self) -> list[Outcome]:
        """Answerable queries without a grade-2 result in the first five, and
        unanswerable queries with an absurd result."""
        return [
            outcome
            for outcome in self.outcomes
            if (outcome.query.answerable and not outcome.success_at_5) or outcome.absurd
        ]


def evaluate(
    queries: Iterable[Query], search: SearchFunction, texts: Mapping[Key, str]
) -> Evaluation:
    """Run every query through `search` and score what it returns.

    `texts` holds the text each findable thing can be found by, to judge whether
    the results of a query with no good answer are absurd.
    """
    outcomes = []
    for query in queries:
        ranking = tuple(dict.fromkeys(search(query.text, query.params)))
        absurd = () if query.answerable else tuple(absurd_results(query.text, ranking, texts))
        outcomes.append(Outcome(query=query, ranking=ranking, absurd=absurd))
    return Evaluation(outcomes=tuple(outcomes))


def format_table(evaluation: Evaluation, title: str) -> str:
    """The scores per query class and overall, with the targets, as plain text."""

    def score(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}"

    def share(value: float | None) -> str:
        return "–" if value is None else f"{value:.0%}"

    header = (
        f"{'class':<20} {'queries':>7} {'success@5':>9} {'MRR':>7} {'nDCG@10':>7} "
        f"{'zero results':>12} {'absurd':>6}"
    )
    lines = [title, header, "-" * len(header)]
    for row in evaluation.rows():
        if row.name == "all":
            lines.append("-" * len(header))
        lines.append(
            f"{row.name:<20} {row.queries:>7} {score(row.success_at_5):>9} {score(row.mrr):>7} "
            f"{score(row.ndcg_at_10):>7} {share(row.zero_results):>12} {share(row.absurd):>6}"
        )
    lines.append(
        f"{'target':<20} {'':>7} {'>= ' + score(TARGETS['success@5']):>9} "
        f"{'>= ' + score(TARGETS['MRR']):>7} {'':>7} "
        f"{'<= ' + share(TARGETS['zero results']):>12} {share(TARGETS['absurd']):>6}"
    )
    return "\n".join(lines)


def format_misses(evaluation: Evaluation, shown: int = 3) -> str:
    """One line per missed query, with what came first instead."""
    lines = []
    for outcome in evaluation.misses():
        query = outcome.query
        country = f" [country={query.country}]" if query.country else ""
        first = ", ".join(slug for _kind, slug in outcome.ranking[:shown]) or "nothing"
        lines.append(f"  {query.query_class:<20} {query.text!r}{country} -> {first}")
    return "\n".join(lines)
