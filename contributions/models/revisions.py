"""Proposed changes to published items, reviewed by curators."""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.exceptions import StateConflict

from .events import ModerationEvent
from .items import (
    PLACEMENT_FIELDS,
    Contribution,
    Initiative,
    Resource,
)
from .links import contribution_link, one_contribution
from .workflow import MAX_NOTE_LENGTH, Status, TransitionNotAllowed


class RevisionChanged(StateConflict):
    """The proposed change was edited after the curator looked at it."""

    def __init__(self, contribution: Contribution) -> None:
        self.contribution = contribution
        super().__init__(
            _(
                "The proposed change to “%(title)s” was edited after you opened it. "
                "Review it again before deciding."
            )
            % {"title": contribution.title}
        )


class RevisionQuerySet(models.QuerySet):
    def pending(self) -> "RevisionQuerySet":
        return self.filter(status=Revision.Status.PENDING)


class Revision(models.Model):
    """A proposed change to a published item. The published version stays live
    until a curator accepts the change; then the change is applied to it.

    `data` holds the proposed values of the editable fields as JSON: plain values
    for text, numbers and dates (ISO), primary keys for foreign keys and lists of
    primary keys for many-to-many fields.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    resource = contribution_link(Resource, _("resource"), "revisions")
    initiative = contribution_link(Initiative, _("initiative"), "revisions")
    data = models.JSONField(_("proposed values"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposed_revisions",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    note = models.TextField(_("curator's note"), blank=True, max_length=MAX_NOTE_LENGTH)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decided_revisions",
    )
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            one_contribution("revision_one_contribution"),
            # One open proposal per item: a further edit updates it.
            models.UniqueConstraint(
                fields=["resource"],
                condition=models.Q(status="pending"),
                name="revision_one_pending_per_resource",
            ),
            models.UniqueConstraint(
                fields=["initiative"],
                condition=models.Q(status="pending"),
                name="revision_one_pending_per_initiative",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return _("Proposed change to “%(title)s”") % {"title": self.contribution.title}

    @property
    def contribution(self) -> Contribution:
        return self.resource or self.initiative

    @classmethod
    def propose(cls, contribution: Contribution, data: dict, by) -> "Revision":
        """Record (or update) the pending change to a published item. Like a
        submission, the change goes to review: it must leave the item placed on
        the pathway (see placement_lost_by)."""
        if contribution.status != Status.PUBLISHED:
            raise TransitionNotAllowed(contribution, "revise")
        errors = placement_lost_by(contribution, data)
        if errors:
            raise ValidationError(errors)
        revision, _created = cls.objects.update_or_create(
            **{contribution.kind: contribution, "status": cls.Status.PENDING},
            defaults={"data": data, "proposed_by": by},
        )
        return revision

    def changes(self) -> list[tuple[models.Field, object, object]]:
        """(field, live value, proposed value) for each field the revision changes."""
        return changed_fields(self.contribution, self.data)

    def accept(self, by, note: str = "", seen: datetime | None = None) -> "ModerationEvent":
        """Apply the change to the live item and record it in its history.

        Locks the revision, then the item, and works on both as they are now:
        the change applied is the one stored (not an older copy in memory), only
        the fields it revises are written (a curator's archive or review note
        made meanwhile stays), and an item no longer published is left alone.
        `seen` is the revision's `updated_at` as the curator saw it: a change
        edited since raises RevisionChanged rather than accepting it unseen.
        """
        from ..notifications import notify  # imports these models

        with transaction.atomic():
            locked = Revision.objects.select_for_update().get(pk=self.pk)
            live = self.contribution
            item = type(live)._default_manager.select_for_update().get(pk=live.pk)
            # A change proposed before the item was archived must not bring it back.
            if locked.status != self.Status.PENDING or item.status != Status.PUBLISHED:
                live.status = item.status
                raise TransitionNotAllowed(item, "accept_revision")
            if seen is not None and locked.updated_at != seen:
                raise RevisionChanged(item)
            # Proposals older than the rule may not satisfy it.
            errors = placement_lost_by(item, locked.data)
            if errors:
                raise ValidationError(errors)
            item.reviewed_by = by
            item.review_note = note
            apply_json(item, locked.data, also=("reviewed_by", "review_note"))
            self.data = locked.data
            self.status = self.Status.ACCEPTED
            self._decide(by, note)
            event = ModerationEvent.objects.create(
                **{item.kind: item},
                actor=by,
                action="accept_revision",
                from_status=item.status,
                to_status=item.status,
                note=note,
            )
            setattr(self, item.kind, item)
            notify(event)
            return event

    def decline(self, by, note: str, seen: datetime | None = None) -> "ModerationEvent":
        """Leave the live item as it is and record why; `seen` as for accept()."""
        from ..notifications import notify  # imports these models

        if not note.strip():
            raise ValidationError({"note": _("Say why the change was not accepted.")})
        with transaction.atomic():
            locked = Revision.objects.select_for_update().get(pk=self.pk)
            if locked.status != self.Status.PENDING:
                raise TransitionNotAllowed(self.contribution, "decline_revision")
            if seen is not None and locked.updated_at != seen:
                raise RevisionChanged(self.contribution)
            self.status = self.Status.DECLINED
            self._decide(by, note)
            item = self.contribution
            event = ModerationEvent.objects.create(
                **{item.kind: item},
                actor=by,
                action="decline_revision",
                from_status=item.status,
                to_status=item.status,
                note=note,
            )
            notify(event)
            return event

    def _decide(self, by, note: str) -> None:
        self.decided_by = by
        self.decided_at = timezone.now()
        self.note = note
        self.save(update_fields=["status", "decided_by", "decided_at", "note", "updated_at"])


# How Revision.data stores values: the one conversion of a form's or serializer's
# cleaned values and of a saved item's fields, compared and applied by the same rules.


def to_json(field: models.Field, value):
    """A value as a form or serializer cleans it (model instances, dates) in the
    form Revision.data stores it."""
    if field.many_to_many:
        return sorted(json_pk(obj) for obj in value or [])
    if field.is_relation:
        return json_pk(value) if value is not None else None
    return value.isoformat() if hasattr(value, "isoformat") else value


def json_pk(obj: models.Model) -> int | str:
    """A primary key as stored: countries' keys are Country objects on an instance
    but plain codes in the database (and in Revision.data)."""
    return obj.pk if isinstance(obj.pk, int) else str(obj.pk)


def field_to_json(instance: models.Model, field: models.Field):
    """A saved item's field in the form Revision.data stores it."""
    if field.many_to_many:
        if instance.pk is None:
            return []
        return sorted(getattr(instance, field.name).values_list("pk", flat=True))
    value = getattr(instance, field.attname)
    return value.isoformat() if hasattr(value, "isoformat") else value


def revision_data(item: Contribution, fields: list[str], changes: dict) -> dict:
    """The proposed state of a published item's editable `fields`: the live values,
    then the proposal already waiting, then `changes` (cleaned values; a form sends
    them all, an API PATCH some)."""
    data = {name: field_to_json(item, item._meta.get_field(name)) for name in fields}
    pending = item.revisions.pending().first()
    if pending is not None:
        data.update({name: value for name, value in pending.data.items() if name in data})
    for name, value in changes.items():
        if name in data:
            data[name] = to_json(item._meta.get_field(name), value)
    return data


def changed_fields(item: Contribution, data: dict) -> list[tuple[models.Field, object, object]]:
    """(field, live value, proposed value) for each field `data` would change."""
    found = []
    for name, proposed in data.items():
        model_field = item._meta.get_field(name)
        current = field_to_json(item, model_field)
        if current != proposed:
            found.append((model_field, current, proposed))
    return found


def placement_lost_by(item: Contribution, data: dict) -> dict[str, list[str]]:
    """Contribution.placement_lost by the change `data` proposes."""
    return item.placement_lost(
        {
            name: data[name] if name in data else getattr(item, name).exists()
            for name in PLACEMENT_FIELDS
        }
    )


def apply_json(instance: models.Model, data: dict, also: tuple[str, ...] = ()) -> None:
    """Set fields from Revision.data and save those (and `also`) alone; many-to-many
    fields are set after saving."""
    many, fields = {}, [*also]
    for name, value in data.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            many[name] = value
        else:
            setattr(instance, field.attname, field.to_python(value))
            fields.append(field.name)
    if any(field.name == "updated_at" for field in instance._meta.concrete_fields):
        fields.append("updated_at")
    instance.save(update_fields=fields)
    for name, pks in many.items():
        getattr(instance, name).set(pks)
