"""A cheap first rank of a lookup's candidates: an upper bound of each one's score,
so that the texts of those that could not be returned are never compared.

Comparing texts (similarity.compare_text, wording.matched) asks of the candidate's
text its keys, the keys of its words, their cognates, its words as written and its
alternate spellings (acronyms, words written as one), worked out from its text:
most of a lookup's time. A key of the profile can only be found in a candidate if
one of the profile's *probes* for it (the key itself, the keys of its words, the
alternate spellings of the profile's text that stand for it; across languages also
the cognates of its words and its words as written) is in the candidate's *reach*:
the union of all those strings of the candidate's text. The
reach is stored with the item (models.SimilarityProfile.reach), so that bounding a
candidate is one set intersection.

From the keys that could be found, the text signals are bounded (the content
similarity and evidence of those keys, profile.content_similarity, which grows
with the keys found, also across languages where keys no item holds do not count;
the title's own words all agreeing) and scored as a match would be
(similarity.score, which grows with each signal): no match scores more.

similarity.scored compares candidates in the order of their bounds and stops when
no bound left reaches the minimum or the `limit`-th best score so far. The matches
it returns are those a full comparison returns (tests/synergies/test_stored.py).

Any new way of matching in wording.matched must be mirrored here, in Probes and
reach; tests/synergies/test_stored.py checks the bound of every candidate of the
labelled set against its score, and the lookups' results with and without it.
"""

from collections import defaultdict

from .profile import Candidate, content_similarity
from .wording import Concepts, Reading, Weights, trigram_similarity, trigrams

# Compared and returned with a bound of at least the threshold less this: a bound
# and a score computed in another order may differ in the last bits.
MARGIN = 1e-6
# Off in tests that compare with a full comparison.
PRUNING = True


def reach(reading: Reading) -> frozenset[str]:
    """Every string by which a key of another text may be found in `reading`
    (see wording.matched): its keys, the keys of its words, their cognates, its
    words as written and its alternate spellings."""
    return (
        reading.all_set
        | reading.word_set
        | reading.cognate_set
        | reading.written_set
        | reading.alternates.keys()
    )


class Probes:
    """The profile's keys by what would find them in a candidate (wording.matched):
    in a text of the same language, and in a text of another language."""

    def __init__(self, mine: Reading, weights: Weights) -> None:
        keys = mine.all_set
        same: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            same[key].add(key)
            for part in mine.parts.get(key, ()):
                same[part].add(key)
        for alternate, stands_for in mine.alternates.items():
            if stands_for <= keys:
                same[alternate] |= stands_for
        # Across languages, also its cognates and its words as written.
        across: dict[str, set[str]] = defaultdict(set, {s: set(k) for s, k in same.items()})
        for key in keys:
            for form in (*mine.cognates.get(key, ()), *mine.written.get(key, ())):
                across[form].add(key)
        self.mine, self.weights = mine, weights
        self.found = {False: dict(same), True: dict(across)}
        self.strings = {False: frozenset(same), True: frozenset(across)}

    def could_find(self, theirs: frozenset[str], across: bool) -> frozenset[str]:
        """The keys of the profile that a text of this reach may hold, in another
        language (`across`) or in the profile's."""
        hit = self.strings[across] & theirs
        found = self.found[across]
        return frozenset().union(*(found[s] for s in hit)) if hit else frozenset()


def bound_text(probes: Probes, candidate: Candidate, concepts: Concepts) -> None:
    """Set the candidate's text signals to bounds of those compare_text sets: as
    if every key that could be found were found, and the candidate's title agreed.
    The reach is the stored one, or worked out from the text; the titles' trigrams
    are compared exactly."""
    if candidate.reach is None:
        candidate.reach = reach(candidate.read(concepts))
    title = candidate.reading.title_trigrams if candidate.reading else trigrams(candidate.row.title)
    mine, weights = probes.mine, probes.weights
    across = mine.language != candidate.row.language
    found = probes.could_find(candidate.reach, across)
    candidate.trigram_similarity = trigram_similarity(mine.title_trigrams, title)
    candidate.content_similarity = content_similarity(mine, found, weights, across)
    candidate.agreement = 1.0
    candidate.evidence = sum(weights.of(k) for k in found)
