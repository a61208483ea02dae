"""Likely duplicates and synergies: which published contributions resemble a given one.

A lookup compares a profile (a saved item, or a draft being typed: its title, summary,
language and whatever tags are chosen) with the published resources and initiatives,
and returns the closest ones, each with the reasons it was chosen in plain words
("same barrier: Test not reimbursed; both in Germany; similar title").

    score = text × (1 + s × (2 × structure − 1)), at most 1

- Text similarity, 0 to 1 (see text_similarity): how much of what the profile says
  the candidate says too, each key weighed by how rare it is in the library; how
  much of the candidate's title the profile says; and the trigram similarity of the
  titles. Keys come from wording.py: words stemmed in each text's own language,
  joined through the synonym table the site search uses, so a French title meets
  its English original through "NGS", "EGFR" and "biopsie liquide".
- Structural overlap, 0 to 1: shared barriers, stages, geography, therapeutic areas
  and audiences (Dice coefficient per kind of tag, weighted) and the same
  organisation. `s` is STRUCTURE_SHARE scaled by the weight of the kinds of tag the
  profile has: tags move a textual match up or down, they cannot make one, and a
  draft with only a title is judged by its text alone.

A match is a *possible duplicate* (strong) when its score is at least STRONG and its
text similarity at least MIN_TEXT, whatever the tags.

The queries of a lookup are listed in candidates.py; their number does not depend on
the number of items, and nothing is queried per candidate.
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from contributions.models import KINDS, Contribution

from . import bounds
from .bounds import MARGIN, Probes, bound_text
from .candidates import Retrieval, candidate_ids, retrieve
from .models import SimilarityDecision
from .profile import (
    AGREEMENT_FLOOR,
    BOTH_GLOBAL,
    BROADER_AREA,
    EVIDENCE,
    MAX_REASONS,
    MIN_TEXT,
    SAME_REGION,
    SHOWN,
    SIMILAR_TITLE,
    STRONG,
    STRUCTURE_SHARE,
    STRUCTURE_WEIGHTS,
    TITLE_ALONE,
    Candidate,
    Profile,
    content_similarity,
    dice,
    load_places,
)
from .rows import load_candidates, load_tags
from .wording import informative_words, matched, share, trigram_similarity


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
        return self.score >= STRONG and self.text >= MIN_TEXT

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


# Scoring --------------------------------------------------------------------------


def compare_text(retrieval: Retrieval, candidate: Candidate) -> None:
    """Set the candidate's text signals against the profile (see text_similarity)."""
    mine = retrieval.reading
    theirs = candidate.read(retrieval.concepts)
    candidate.readings = (mine, theirs)
    weights = retrieval.weights
    found = matched(mine, theirs, mine.all_set)
    candidate.trigram_similarity = trigram_similarity(mine.title_trigrams, theirs.title_trigrams)
    candidate.title_similarity = max(
        candidate.trigram_similarity, dice(mine.title_set, theirs.title_set)
    )
    candidate.content_similarity = content_similarity(
        mine, found, weights, across=mine.language != theirs.language
    )
    candidate.agreement = share(theirs.title_set, matched(theirs, mine, theirs.all_set))
    candidate.evidence = sum(weights.of(k) for k in found)


def text_similarity(candidate: Candidate) -> float:
    """How far the texts say the same thing, 0 to 1.

    The rarity-weighted share of the profile's keys the candidate holds (its title's
    keys count TITLE_SHARE, all its keys the rest), damped down to AGREEMENT_FLOOR
    when the candidate's own title is about something the profile does not mention
    (the same guide for another cancer); or the titles' trigram likeness, if greater.
    Scaled down when the keys shared weigh less than EVIDENCE, a few rare words'
    worth: "cancer cancer cancer" shares everything it says with many items, and
    says nothing.
    """
    damping = AGREEMENT_FLOOR + (1 - AGREEMENT_FLOOR) * candidate.agreement
    said = max(candidate.content_similarity * damping, TITLE_ALONE * candidate.trigram_similarity)
    return min(1.0, said * min(1.0, candidate.evidence / EVIDENCE))


def scores(profile: Profile, candidate: Candidate) -> tuple[float, float, float]:
    """The candidate's score, text similarity and structural overlap."""
    text = text_similarity(candidate)
    signals = structural_signals(profile, candidate)
    available = {name: w for name, w in STRUCTURE_WEIGHTS.items() if profile.has(name)}
    weight = sum(available.values())
    structure = sum(w * signals[name] for name, w in available.items()) / weight if weight else 0
    swing = STRUCTURE_SHARE * weight / sum(STRUCTURE_WEIGHTS.values())
    return min(1.0, text * (1 + swing * (2 * structure - 1))), text, structure


def score(profile: Profile, candidate: Candidate) -> Match:
    total, text, structure = scores(profile, candidate)
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
    signals["therapeutic_areas"] = areas(profile, candidate)
    signals["geography"] = geography(profile, candidate)[0]
    signals["organisation"] = float(
        profile.organisation_id is not None
        and profile.organisation_id == candidate.row.organisation_id
    )
    return signals


def areas(profile: Profile, candidate: Candidate) -> float:
    """The same therapeutic areas count fully, an area and one of its broader ones
    (Lung cancer and Oncology) half; two areas under the same broader one (Lung
    and Breast cancer) nothing: sibling areas are different work."""
    mine = profile.tags.get("therapeutic_areas", frozenset())
    theirs = candidate.tags["therapeutic_areas"]
    same = dice(mine, theirs)
    if same or not mine or not theirs:
        return same
    broader = (mine & candidate.tags["area_parents"]) or (theirs & profile.area_parents)
    return BROADER_AREA if broader else 0.0


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
        words = shared_words(candidate)
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
    if profile.organisation_id and profile.organisation_id == candidate.row.organisation_id:
        found.append(_("same organisation"))
    return found[:MAX_REASONS]


def shared_words(candidate: Candidate) -> list[str]:
    """Words of the candidate's title and summary that the profile also uses (as
    keys, see wording.py), longest first."""
    if candidate.readings is None:
        return []
    mine, theirs = candidate.readings
    mine = mine.all_set
    seen: dict[str, str] = {}
    for key in [*theirs.title_keys, *theirs.summary_keys]:
        if key.key in mine and key.key not in seen and not key.words[0].isdigit():
            seen[key.key] = " ".join(key.words)
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
    has_words = informative_words(profile.title) or informative_words(profile.summary)
    if not has_words and not forced:
        return []
    retrieval = retrieve(profile)
    candidates: dict[tuple[str, int], Candidate] = {}
    for kind, model in KINDS.items():
        ids = candidate_ids(retrieval, kind)
        ids |= {pk for forced_kind, pk in forced if forced_kind == kind}
        for candidate in load_candidates(model, profile, ids, retrieval.concepts):
            candidate.linked = (kind, candidate.row.pk) in linked
            candidates[(kind, candidate.row.pk)] = candidate
    if not candidates:
        return []
    load_tags(candidates)
    places = load_places(retrieval.version)
    for candidate in candidates.values():
        candidate.places = places
    matches = scored(profile, retrieval, candidates, limit, minimum, include)
    matches.sort(key=lambda m: (not m.linked, -m.score, m.item.title))
    best = [m for m in matches if m.linked or m.score >= minimum][:limit]
    shown = {(m.kind, m.item.pk) for m in best}
    return best + [m for m in matches if (m.kind, m.item.pk) in include - shown]


def scored(
    profile: Profile,
    retrieval: Retrieval,
    candidates: dict[tuple[str, int], Candidate],
    limit: int,
    minimum: float,
    include: set[tuple[str, int]],
) -> list[Match]:
    """The matches of the candidates that find_similar may return: every linked and
    included one, and the others in the order of their bounds (bounds.py) until no
    bound left reaches `minimum` or the best `limit` scores so far. The texts of the
    others are never compared: none of them would have been returned."""
    probes = Probes(retrieval.reading, retrieval.weights)
    forced = [c for label, c in candidates.items() if c.linked or label in include]
    ranked = []
    for label, candidate in candidates.items():
        if not (candidate.linked or label in include):
            bound_text(probes, candidate, retrieval.concepts)
            ranked.append((round(scores(profile, candidate)[0], 4), label, candidate))
    ranked.sort(key=lambda entry: (-entry[0], entry[1]))
    # Places in the list left for items that are not linked, and their best scores.
    places = limit - sum(c.linked for c in candidates.values())
    best: list[float] = []
    matches = []
    for candidate in forced:
        compare_text(retrieval, candidate)
        matches.append(score(profile, candidate))
    for bound, _label, candidate in ranked:
        if bounds.PRUNING and (
            bound + MARGIN < minimum
            or places <= 0
            or (len(best) >= places and bound + MARGIN < best[places - 1])
        ):
            break
        compare_text(retrieval, candidate)
        match = score(profile, candidate)
        matches.append(match)
        if match.score >= minimum:
            best = sorted([*best, match.score], reverse=True)[: max(places, 0)]
    return matches


def score_pair(profile: Profile, item: Contribution) -> Match:
    """How much one published `item` resembles `profile`, scored as a lookup would."""
    retrieval = retrieve(profile)
    [candidate] = load_candidates(type(item), profile, {item.pk}, retrieval.concepts)
    compare_text(retrieval, candidate)
    load_tags({(item.kind, item.pk): candidate})
    candidate.places = load_places(retrieval.version)
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
