"""Related work and potential partners, worked out once per change and stored.

Finding the work related to an item searches the whole library (similarity.py),
and its potential partners group the barrier and place links of every published
item (partners.py): a few hundred milliseconds at 100,000 items, too much for each
view of a page. So they are computed when an item is published or changed, by a
Celery task (in-process on the embedded default), and kept in RelatedWork:

- the changed item itself;
- the items it now lists, and those that listed it, whose lists may change with
  it (once, not in a cascade);
- anything older than RELATED_WORK_MAX_AGE, by the hourly refresh: potential
  partners depend on what every organisation publishes, which no single change
  names.

A page reads the stored lists in at most four queries, keeping only items still
published and organisations still verified or visible, so an archived item drops
out at once. An item with nothing stored yet (just published, worker down, loaded
in bulk) is worked out on the spot, as before.
"""

import logging
import threading
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from contributions.models import KINDS, Contribution, Initiative, Status
from stakeholders.models import Organisation

from .models import RelatedWork
from .partners import potential_partners
from .similarity import related_to

logger = logging.getLogger(__name__)


@dataclass
class RelatedItem:
    """A stored related item, as the panel shows it."""

    item: Contribution
    explanation: str

    @property
    def kind(self) -> str:
        return self.item.kind

    @property
    def reasons(self) -> list[str]:
        return [self.explanation] if self.explanation else []


@dataclass
class RelatedPartner:
    """A stored potential partner, as the panel shows it."""

    organisation: Organisation
    explanation: str


def key_of(kind: str, pk: int) -> str:
    return f" {kind}:{pk} "


def stored_for(item: Contribution) -> RelatedWork | None:
    return RelatedWork.objects.filter(**{item.kind: item}).first()


def compute(item: Contribution) -> RelatedWork:
    """Work out and store the related work (and partners) of the published `item`."""
    related = related_to(item)
    partners = potential_partners(item) if isinstance(item, Initiative) else []
    stored, _created = RelatedWork.objects.update_or_create(
        **{item.kind: item},
        defaults={
            "related": [
                {"kind": m.kind, "pk": m.item.pk, "explanation": m.explanation} for m in related
            ],
            "partners": [
                {"organisation": p.organisation.pk, "explanation": p.explanation} for p in partners
            ],
            "keys": "".join(key_of(m.kind, m.item.pk) for m in related),
            "computed_at": timezone.now(),
        },
    )
    return stored


def listing(kind: str, pk: int) -> list[tuple[str, int]]:
    """The items whose stored related work lists this one."""
    rows = RelatedWork.objects.filter(keys__contains=key_of(kind, pk))
    return [
        ("resource", r) if r else ("initiative", i)
        for r, i in rows.values_list("resource_id", "initiative_id")
    ]


def refresh(kind: str, pk: int) -> list[tuple[str, int]]:
    """Bring the stored related work of one item up to date; returns the other items
    whose lists may have changed with it."""
    # With its stored profile: its keys are read instead of its text.
    item = (
        KINDS[kind].objects.with_tags().select_related("similarity_profile").filter(pk=pk).first()
    )
    affected = set(listing(kind, pk))
    if item is None or item.status != Status.PUBLISHED:
        RelatedWork.objects.filter(**{kind: pk}).delete()
    else:
        stored = compute(item)
        affected |= {(entry["kind"], entry["pk"]) for entry in stored.related}
    affected.discard((kind, pk))
    return sorted(affected)


def read(item: Contribution) -> tuple[list[RelatedItem], list[RelatedPartner]] | None:
    """The stored related work and partners of `item`, or None if nothing is stored."""
    stored = stored_for(item)
    if stored is None:
        return None
    found = {}
    for kind, model in KINDS.items():
        pks = [entry["pk"] for entry in stored.related if entry["kind"] == kind]
        if pks:
            for related in (
                model.objects.published().filter(pk__in=pks).select_related("organisation")
            ):
                found[(kind, related.pk)] = related
    items = [
        RelatedItem(found[(entry["kind"], entry["pk"])], entry["explanation"])
        for entry in stored.related
        if (entry["kind"], entry["pk"]) in found
    ]
    organisations = {}
    if stored.partners:
        organisations = Organisation.objects.select_related("group").in_bulk(
            [entry["organisation"] for entry in stored.partners]
        )
    partners = [
        RelatedPartner(organisations[entry["organisation"]], entry["explanation"])
        for entry in stored.partners
        if entry["organisation"] in organisations
    ]
    return items, partners


# Scheduling: at most one task per item and transaction, after the commit.


class Batch:
    """The items changed in one transaction, enqueued when it commits."""

    def __init__(self) -> None:
        self.items: set[tuple[str, int]] = set()
        self.sent = False

    def send(self) -> None:
        from .tasks import refresh_related_work

        self.sent = True
        for kind, pk in sorted(self.items):
            try:
                refresh_related_work.delay(kind, pk)
            except Exception:
                # The broker is down: the hourly refresh catches up, and until then
                # the page works its related work out on the spot.
                logger.exception("Could not enqueue the related work of %s %s", kind, pk)


_current = threading.local()


def schedule(kind: str, pk: int) -> None:
    """Refresh the item's related work once the transaction commits."""
    batch = getattr(_current, "batch", None)
    connection = transaction.get_connection()
    waiting = (
        batch is not None
        and not batch.sent
        and connection.in_atomic_block
        and any(func == batch.send for _savepoints, func, _robust in connection.run_on_commit)
    )
    if waiting:
        batch.items.add((kind, pk))
        return
    # The first change of this transaction (or the last one rolled back, which
    # dropped its callback).
    batch = _current.batch = Batch()
    batch.items.add((kind, pk))
    transaction.on_commit(batch.send)


def item_saved(sender, instance: Contribution, raw: bool = False, **kwargs) -> None:
    if not raw and instance.affects_public_pages():
        schedule(instance.kind, instance.pk)


def item_links_changed(sender, instance, action: str, reverse: bool, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Contribution):
        if instance.affects_public_pages():
            schedule(instance.kind, instance.pk)
    elif model in KINDS.values():
        # From the other side (a barrier's items changed): each item changed.
        for pk in pk_set or ():
            schedule(model._meta.model_name, pk)


def decision_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """A partner marked two items as related: both lists change."""
    if raw:
        return
    for side in (instance.subject, instance.match):
        if side is not None and side.is_published:
            schedule(side.kind, side.pk)


def connect_signals() -> None:
    """Called from SynergiesConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_save

    from .models import SimilarityDecision

    for model in KINDS.values():
        post_save.connect(item_saved, sender=model, dispatch_uid=f"related-work-{model.__name__}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                item_links_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"related-work-{model.__name__}-{field.name}",
            )
    post_save.connect(
        decision_saved, sender=SimilarityDecision, dispatch_uid="related-work-decision"
    )
