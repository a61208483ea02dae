"""The field-by-field diff of a revision against the live item."""

import difflib
import re
from dataclasses import dataclass, field

from django.db import models

from contributions.models import (
    Revision,
)


@dataclass
class FieldChange:
    label: str
    kind: str  # "text", "tags" or "value"
    segments: list[tuple[str, str]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    before: str = ""
    after: str = ""


def revision_diff(revision: Revision) -> list[FieldChange]:
    """What the revision changes, field by field, in words a curator reads."""
    changes = []
    for model_field, live, proposed in revision.changes():
        label = str(model_field.verbose_name).capitalize()
        if model_field.many_to_many:
            live_pks, proposed_pks = set(live or []), set(proposed or [])
            names = {
                obj.pk: str(obj)
                for obj in model_field.related_model._default_manager.filter(
                    pk__in=live_pks | proposed_pks
                )
            }
            changes.append(
                FieldChange(
                    label,
                    "tags",
                    added=sorted(names.get(pk, str(pk)) for pk in proposed_pks - live_pks),
                    removed=sorted(names.get(pk, str(pk)) for pk in live_pks - proposed_pks),
                )
            )
        elif isinstance(model_field, models.ForeignKey):
            related = model_field.related_model._default_manager
            names = {obj.pk: str(obj) for obj in related.filter(pk__in=[live, proposed])}
            changes.append(
                FieldChange(
                    label, "value", before=names.get(live, "—"), after=names.get(proposed, "—")
                )
            )
        elif model_field.choices:
            labels = {str(key): str(value) for key, value in model_field.flatchoices}
            changes.append(
                FieldChange(
                    label,
                    "value",
                    before=labels.get(str(live), str(live or "—")),
                    after=labels.get(str(proposed), str(proposed or "—")),
                )
            )
        elif isinstance(model_field, models.CharField | models.TextField):
            changes.append(
                FieldChange(label, "text", segments=inline_diff(live or "", proposed or ""))
            )
        else:
            changes.append(
                FieldChange(
                    label,
                    "value",
                    before="—" if live in (None, "") else str(live),
                    after="—" if proposed in (None, "") else str(proposed),
                )
            )
    return changes


WORDS = re.compile(r"\s+|\w+|[^\w\s]")

# How many pairs of lines or words one text's diff may compare in all. difflib's
# SequenceMatcher takes time growing faster than the product of the two lengths
# on repetitive text ("a " 10,000 times against "b " 10,000 times took over a
# minute); within this budget its worst case stays near a fifth of a second. Past
# it, what is left is compared coarsely (common beginning and end, the rest shown
# as removed and added).
DIFF_BUDGET = 100_000


def inline_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The text as (operation, text) segments: "same", "removed" or "added".

    Lines are compared first and words only inside the lines that changed, which
    keeps long descriptions fast to compare and the result readable. The segments
    are plain text; the template escapes them.
    """
    budget = [DIFF_BUDGET]
    segments: list[tuple[str, str]] = []
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    for op, i1, i2, j1, j2 in bounded_opcodes(old_lines, new_lines, budget):
        if op == "equal":
            segments.append(("same", "".join(old_lines[i1:i2])))
            continue
        old_words = WORDS.findall("".join(old_lines[i1:i2]))
        new_words = WORDS.findall("".join(new_lines[j1:j2]))
        for word_op, a1, a2, b1, b2 in bounded_opcodes(old_words, new_words, budget):
            if word_op == "equal":
                segments.append(("same", "".join(old_words[a1:a2])))
                continue
            if a1 != a2:
                segments.append(("removed", "".join(old_words[a1:a2])))
            if b1 != b2:
                segments.append(("added", "".join(new_words[b1:b2])))
    merged: list[tuple[str, str]] = []
    for op, text in segments:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return merged


def bounded_opcodes(old: list[str], new: list[str], budget: list[int]) -> list[tuple]:
    """difflib's opcodes for old → new while `budget` (pairs left to compare, a
    one-item list shared by the calls of one diff) allows; otherwise the common
    beginning and end as equal and everything between as one replacement."""
    pairs = len(old) * len(new)
    if pairs <= budget[0]:
        budget[0] -= pairs
        return difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    opcodes = []
    if start:
        opcodes.append(("equal", 0, start, 0, start))
    if start < len(old) - end or start < len(new) - end:
        opcodes.append(("replace", start, len(old) - end, start, len(new) - end))
    if end:
        opcodes.append(("equal", len(old) - end, len(old), len(new) - end, len(new)))
    return opcodes
