"""Run the labelled drafts through the synergy finder as the app does, and measure.

Each draft is looked up twice, the way a partner meets the finder:

- "while typing": the form holds the title and summary (and the organisation the
  form preselects), as /contributions/similar/ receives them before any tag is ticked;
- "in the submission check": the same with the draft's tags.

Both bind the submission form of the draft's kind with a partner of the draft's
organisation and ask SimilarityCheck for its matches, exactly as the views do, so
that whatever the form drops (an over-long summary) is dropped here too.

Measures: top-1 for duplicates (the original comes first), duplicates whose original
is flagged "possible duplicate" (a strong match, which the partner must mark), hard
negatives and related drafts that get any strong match (the submission would be held
for them), and precision and recall of "flag a match scoring at least t" over t.
"""

import os
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from accounts.models import User
from contributions.forms import FORMS
from contributions.models import KINDS
from gaps.models import CoverageEntry
from stakeholders.models import Membership, Organisation
from synergies.check import SimilarityCheck
from synergies.profile import MIN_TEXT, STRONG, TAG_FIELDS

from .drafts import DUPLICATE, NEGATIVE, RELATED, Draft
from .library import tag_ids

TYPING, CHECK = "while typing", "submission check"
MODES = (TYPING, CHECK)
THRESHOLDS = [round(0.25 + 0.05 * n, 2) for n in range(12)]
if STRONG not in THRESHOLDS:
    THRESHOLDS = sorted([*THRESHOLDS, STRONG])


@dataclass(frozen=True)
class Found:
    """One match the finder returned: the item's key (its slug), score, text
    similarity and flag."""

    key: str
    score: float
    text: float
    strong: bool


@dataclass
class Outcome:
    draft: Draft
    mode: str
    matches: list[Found]
    seconds: float

    @property
    def top(self) -> str | None:
        return self.matches[0].key if self.matches else None

    @property
    def flagged(self) -> list[Found]:
        return [m for m in self.matches if m.strong]

    def of_target(self) -> Found | None:
        return next((m for m in self.matches if m.key == self.draft.target), None)


def partners(drafts: Iterable[Draft]) -> dict[str, User]:
    """An approved member of each organisation that writes drafts, by its key."""
    found = {}
    for organisation in Organisation.objects.filter(slug__in={d.organisation for d in drafts}):
        user = User.objects.create_user(
            username=f"drafter-{organisation.slug}", email=f"{organisation.slug}@example.org"
        )
        Membership.objects.create(
            user=user, organisation=organisation, status=Membership.Status.APPROVED
        )
        found[organisation.slug] = user
    return found


def form_data(draft: Draft, mode: str, organisation: Organisation, ids: dict) -> dict:
    """What the form posts: text fields, and in the submission check the ticked tags."""
    data = {
        "title": draft.title,
        "summary": draft.summary,
        "organisation": str(organisation.pk),
        "language": draft.language,
    }
    if mode == CHECK:
        for name in TAG_FIELDS:
            if slugs := draft.tags.get(name):
                data[name] = [str(ids[name][slug]) for slug in slugs]
    return data


def evaluate(drafts: Iterable[Draft], users: dict[str, User]) -> list[Outcome]:
    """Every draft in both modes, in the order given."""
    ids = tag_ids()
    outcomes = []
    for draft in drafts:
        user = users[draft.organisation]
        organisation = Organisation.objects.get(slug=draft.organisation)
        for mode in MODES:
            form = FORMS[KINDS[draft.kind]](form_data(draft, mode, organisation, ids), user=user)
            form.is_valid()
            started = time.perf_counter()
            check = SimilarityCheck.for_form(form, {}, user)
            matches = [Found(m.item.slug, m.score, m.text, m.strong) for m in check.matches]
            outcomes.append(Outcome(draft, mode, matches, time.perf_counter() - started))
    return outcomes


@dataclass(frozen=True)
class Figures:
    """The issue's measures for one mode, as shares."""

    top_1: float
    duplicates_flagged: float
    negatives_flagged: float
    related_flagged: float


def figures(outcomes: list[Outcome], mode: str) -> Figures:
    mine = [o for o in outcomes if o.mode == mode]
    by_label = {
        label: [o for o in mine if o.draft.label == label]
        for label in (DUPLICATE, NEGATIVE, RELATED)
    }
    duplicates = by_label[DUPLICATE]

    def rate(hits: int, total: int) -> float:
        return hits / total if total else 0.0

    return Figures(
        top_1=rate(sum(o.top == o.draft.target for o in duplicates), len(duplicates)),
        duplicates_flagged=rate(
            sum(bool((m := o.of_target()) and m.strong) for o in duplicates), len(duplicates)
        ),
        negatives_flagged=rate(
            sum(bool(o.flagged) for o in by_label[NEGATIVE]), len(by_label[NEGATIVE])
        ),
        related_flagged=rate(
            sum(bool(o.flagged) for o in by_label[RELATED]), len(by_label[RELATED])
        ),
    )


def analyse_contribution_tables() -> None:
    """What autovacuum does on a live PostgreSQL soon after items arrive: planner
    statistics for the items, their tag links and coverage entries. Run through the
    test's own connection, inside its transaction, so the test sees them."""
    tables = {CoverageEntry._meta.db_table}
    for model in KINDS.values():
        tables.add(model._meta.db_table)
        tables |= {getattr(model, name).through._meta.db_table for name in TAG_FIELDS}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(quote(table) for table in sorted(tables)))


def tables_with_word_statistics() -> int:
    """How many of the item tables have planner statistics on their search words:
    the statistics the finder must not depend on."""
    tables = [model._meta.db_table for model in KINDS.values()]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM pg_stats WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND attname = 'search_vector' "
            "AND most_common_elems IS NOT NULL",
            [tables],
        )
        return cursor.fetchone()[0]


# Figures -----------------------------------------------------------------------------


def share(hits: int, total: int) -> str:
    return f"{hits / total:5.2f} ({hits:>3}/{total:<3})" if total else "    -"


def summary_rows(outcomes: list[Outcome]) -> list[tuple[str, dict[str, str]]]:
    """The headline figures per mode, against the issue's targets."""
    rows: dict[str, dict[str, str]] = defaultdict(dict)
    for mode in MODES:
        mine = [o for o in outcomes if o.mode == mode]
        duplicates = [o for o in mine if o.draft.label == DUPLICATE]
        negatives = [o for o in mine if o.draft.label == NEGATIVE]
        relateds = [o for o in mine if o.draft.label == RELATED]
        twins = [o for o in negatives if o.draft.tag_twin]
        found = [o for o in duplicates if o.of_target()]
        strong = [o for o in duplicates if (m := o.of_target()) and m.strong]
        rows["duplicates: original first (top-1), >= 0.95"][mode] = share(
            sum(o.top == o.draft.target for o in duplicates), len(duplicates)
        )
        rows["duplicates: original among the matches"][mode] = share(len(found), len(duplicates))
        rows["duplicates: original flagged possible duplicate, >= 0.90"][mode] = share(
            len(strong), len(duplicates)
        )
        rows["hard negatives: flagged, <= 0.05"][mode] = share(
            sum(bool(o.flagged) for o in negatives), len(negatives)
        )
        rows["  of which tag twins flagged"][mode] = share(
            sum(bool(o.flagged) for o in twins), len(twins)
        )
        rows["related: flagged (any strong match), <= 0.20"][mode] = share(
            sum(bool(o.flagged) for o in relateds), len(relateds)
        )
        rows["related: the related item flagged"][mode] = share(
            sum(bool((m := o.of_target()) and m.strong) for o in relateds), len(relateds)
        )
        times = sorted(o.seconds for o in mine)
        rows["lookup time, median / max (ms)"][mode] = (
            f"{1000 * times[len(times) // 2]:5.0f} / {1000 * times[-1]:.0f}" if times else "-"
        )
    return list(rows.items())


def threshold_rows(outcomes: list[Outcome], mode: str) -> list[str]:
    """Precision and recall of flagging the matches that score at least t (with the
    text similarity a possible duplicate needs, MIN_TEXT), t = STRONG being the
    finder's own threshold.

    A flag is right when it names the original of a duplicate draft. Recall is the
    share of duplicates whose original is flagged; the last two columns are the
    shares of hard negatives and related drafts with any flag."""
    mine = [o for o in outcomes if o.mode == mode]
    by_label = {
        label: [o for o in mine if o.draft.label == label]
        for label in (DUPLICATE, NEGATIVE, RELATED)
    }
    lines = [f"{'t':>5} {'precision':>9} {'recall':>7} {'negatives':>9} {'related':>8}"]
    for t in THRESHOLDS:
        flags = right = 0
        for o in mine:
            for m in o.matches:
                if flags_at(m, t):
                    flags += 1
                    right += o.draft.label == DUPLICATE and m.key == o.draft.target
        recall = sum(
            bool((m := o.of_target()) and flags_at(m, t)) for o in by_label[DUPLICATE]
        ) / max(1, len(by_label[DUPLICATE]))
        negatives, relateds = (
            sum(any(flags_at(m, t) for m in o.matches) for o in by_label[label])
            / max(1, len(by_label[label]))
            for label in (NEGATIVE, RELATED)
        )
        precision = f"{right / flags:9.2f}" if flags else f"{'-':>9}"
        lines.append(f"{t:5.2f} {precision} {recall:7.2f} {negatives:9.2f} {relateds:8.2f}")
    return lines


def flags_at(match: Found, t: float) -> bool:
    return match.score >= t and match.text >= MIN_TEXT


def variation_rows(outcomes: list[Outcome]) -> list[str]:
    """Top-1 of duplicates by what makes them hard, per mode."""
    groups: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for o in outcomes:
        if o.draft.label == DUPLICATE:
            for variation in o.draft.variations:
                groups[variation][o.mode].append(o.top == o.draft.target)
    lines = [f"{'duplicates that are…':24} {TYPING:>16} {CHECK:>18}"]
    for variation in sorted(groups):
        cells = [share(sum(groups[variation][m]), len(groups[variation][m])) for m in MODES]
        lines.append(f"{variation:24} {cells[0]:>16} {cells[1]:>18}")
    return lines


def miss_rows(outcomes: list[Outcome], limit: int = 12) -> list[str]:
    """Duplicates whose original did not come first, per mode, the first few."""
    lines = []
    for mode in MODES:
        misses = [
            o
            for o in outcomes
            if o.mode == mode and o.draft.label == DUPLICATE and o.top != o.draft.target
        ]
        lines.append(f"{mode}: {len(misses)} duplicates without their original first")
        for o in misses[:limit]:
            got = f"{o.matches[0].key} {o.matches[0].score:.2f}" if o.matches else "nothing"
            mine = o.of_target()
            lines.append(
                f"  {o.draft.title[:48]!r:52} → {got}; original "
                + (f"{mine.score:.2f}" if mine else "not shown")
            )
    return lines


def report(outcomes: list[Outcome], heading: str) -> str:
    """Every table, as text to print."""
    load = os.getloadavg()
    lines = [
        "",
        f"=== Synergy finder on the labelled set: {heading}",
        f"    {len(outcomes) // len(MODES)} drafts, database {connection.vendor}, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        f"{'':58} {TYPING:>16} {CHECK:>18}",
    ]
    for label, cells in summary_rows(outcomes):
        lines.append(f"{label:58} {cells[TYPING]:>16} {cells[CHECK]:>18}")
    for mode in MODES:
        lines += ["", f"Flag at score >= t, {mode}:", *threshold_rows(outcomes, mode)]
    lines += ["", *variation_rows(outcomes), "", *miss_rows(outcomes)]
    return "\n".join(lines)
