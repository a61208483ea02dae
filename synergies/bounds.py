"""A cheap first rank of a lookup's candidates: an upper bound of each one's score,
so that the texts of those that could not be returned are never compared.

Comparing texts (similarity.compare_text, wording.matched) asks of the candidate's
text its keys, the keys of its words, their cognates and its alternate spellings
(acronyms, words written as one), worked out from its text: most of a lookup's
time. A key of the profile can only be found in a candidate if one of the
profile's *probes* for it (the key itself, the keys of its words, their cognates,
the alternate spellings of the profile's text that stand for it) is in the
candidate's *reach*: the union of all those strings of the candidate's text. The
reach is stored with the item (models.SimilarityProfile.reach), so that bounding a
candidate is one set intersection.

From the keys that could be found, the text signals are bounded (coverage and
evidence of those keys, the title's own words all agreeing) and scored as a match
would be (similarity.score, which grows with each signal): no match scores more.
similarity.scored compares candidates in the order of their bounds and stops when
no bound left reaches the minimum or the `limit`-th best score so far. The matches
it returns are those a full comparison returns (tests/synergies/test_stored.py).
"""

from collections import defaultdict

from .profile import TITLE_SHARE, Candidate
from .wording import Concepts, Reading, Weights, trigram_similarity, trigrams

# Compared and returned with a bound of at least the threshold less this: a bound
# and a score computed in another order may differ in the last bits.
MARGIN = 1e-6
# Off in tests that compare with a full comparison.
PRUNING = True


def reach(reading: Reading) -> frozenset[str]:
    """Every string by which a key of another text may be found in `reading`
    (see wording.matched): its keys, the keys of its words, their cognates and its
    alternate spellings."""
    return reading.all_set | reading.word_set | reading.cognate_set | reading.alternates.keys()


class Probes:
    """The profile's keys by what would find them in a candidate (wording.matched),
    with their weights."""

    def __init__(self, mine: Reading, weights: Weights) -> None:
        keys = mine.all_set
        found: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            found[key].add(key)
            for part in mine.parts.get(key, ()):
                found[part].add(key)
            for form in mine.cognates.get(key, ()):
                found[form].add(key)
        for alternate, stands_for in mine.alternates.items():
            if stands_for <= keys:
                found[alternate] |= stands_for
        self.mine = mine
        self.found = dict(found)
        self.strings = frozenset(found)
        self.weight = {key: weights.of(key) for key in keys}
        self.title_total = sum(self.weight[key] for key in mine.title_set)
        self.total = sum(self.weight.values())

    def could_find(self, theirs: frozenset[str]) -> frozenset[str]:
        """The keys of the profile that a text of this reach may hold."""
        hit = self.strings & theirs
        return frozenset().union(*(self.found[s] for s in hit)) if hit else frozenset()


def bound_text(probes: Probes, candidate: Candidate, concepts: Concepts) -> None:
    """Set the candidate's text signals to bounds of those compare_text sets: as
    if every key that could be found were found (wording.coverage of them), and
    the candidate's title agreed. The reach is the stored one, or worked out from
    the text; the titles' trigrams are compared exactly."""
    if candidate.reach is None:
        candidate.reach = reach(candidate.read(concepts))
    title = (
        candidate.reading.title_trigrams if candidate.reading else trigrams(candidate.item.title)
    )
    mine, weight = probes.mine, probes.weight
    found = probes.could_find(candidate.reach)
    in_title = sum(weight[k] for k in found & mine.title_set)
    in_all = sum(weight[k] for k in found)
    candidate.trigram_similarity = trigram_similarity(mine.title_trigrams, title)
    candidate.content_similarity = TITLE_SHARE * (
        in_title / probes.title_total if probes.title_total else 0.0
    ) + (1 - TITLE_SHARE) * (in_all / probes.total if probes.total else 0.0)
    candidate.agreement = 1.0
    candidate.evidence = in_all
