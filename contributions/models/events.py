"""The moderation history: one ModerationEvent per status change."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .items import Contribution, Initiative, Resource
from .links import contribution_link, one_contribution
from .workflow import MAX_NOTE_LENGTH, RejectionReason, Status


class ModerationEvent(models.Model):
    """One status change of a resource or initiative: who, when, from, to, why."""

    resource = contribution_link(Resource, _("resource"), "moderation_events")
    initiative = contribution_link(Initiative, _("initiative"), "moderation_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="moderation_events",
    )
    action = models.CharField(_("action"), max_length=20)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), blank=True, max_length=MAX_NOTE_LENGTH)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation events")
        constraints = [
            one_contribution("moderation_event_one_contribution"),
        ]

    def __str__(self) -> str:
        return f"{self.contribution}: {self.from_status} → {self.to_status}"

    @property
    def contribution(self) -> Contribution:
        return self.resource or self.initiative

    def reason_labels(self) -> list[str]:
        labels = dict(RejectionReason.choices)
        return [str(labels.get(code, code)) for code in self.reasons]
