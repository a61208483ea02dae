"""What partners said about similar work shown to them while submitting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contributions.models import (
    Contribution,
    Initiative,
    Resource,
    contribution_link,
    one_contribution,
)


class SimilarityDecisionQuerySet(models.QuerySet):
    def with_matches(self) -> "SimilarityDecisionQuerySet":
        """Decisions with the matched items and who decided, in one query (review page)."""
        return self.select_related(
            "match_resource__organisation", "match_initiative__organisation", "decided_by"
        ).order_by("choice", "-score", "id")

    def related(self) -> "SimilarityDecisionQuerySet":
        return self.filter(choice=SimilarityDecision.Choice.RELATED)

    def of(self, item: Contribution) -> "SimilarityDecisionQuerySet":
        """What was decided while `item` was being submitted."""
        return self.filter(**{item.kind: item})

    def involving(self, item: Contribution) -> "SimilarityDecisionQuerySet":
        """Decisions with `item` on either side: made for it, or about it by someone else."""
        return self.filter(Q(**{item.kind: item}) | Q(**{f"match_{item.kind}": item}))


class SimilarityDecision(models.Model):
    """What a partner said about a likely duplicate or synergy shown while submitting.

    The subject (resource or initiative) is the item being submitted, the match the
    published item it resembles. "Related" links the two: both pages list the other
    as related work. Curators see every decision on the review page.
    """

    class Choice(models.TextChoices):
        SAME = "same", _("The same thing")
        RELATED = "related", _("Related work")
        DISTINCT = "distinct", _("Distinct")

    resource = contribution_link(Resource, _("resource"), "similarity_decisions")
    initiative = contribution_link(Initiative, _("initiative"), "similarity_decisions")
    match_resource = contribution_link(
        Resource, _("matching resource"), "similarity_decisions_as_match"
    )
    match_initiative = contribution_link(
        Initiative, _("matching initiative"), "similarity_decisions_as_match"
    )
    choice = models.CharField(_("decision"), max_length=10, choices=Choice.choices)
    # The similarity when the partner decided, and why the match was shown, so that
    # curators see what the partner saw even after either item changes.
    score = models.FloatField(_("similarity"), default=0.0)
    reasons = models.JSONField(_("reasons shown"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="similarity_decisions",
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    objects = SimilarityDecisionQuerySet.as_manager()

    class Meta:
        # Created in contributions before the synergies app existed; the table stayed.
        db_table = "contributions_similaritydecision"
        ordering = ["-decided_at", "-id"]
        verbose_name = _("similarity decision")
        verbose_name_plural = _("similarity decisions")
        constraints = [
            one_contribution("similarity_decision_one_subject"),
            one_contribution("similarity_decision_one_match", prefix="match_"),
            models.CheckConstraint(
                condition=~models.Q(resource=models.F("match_resource"))
                & ~models.Q(initiative=models.F("match_initiative")),
                name="similarity_decision_not_itself",
            ),
            # One decision per pair: deciding again changes it.
            models.UniqueConstraint(
                fields=["resource", "match_resource"], name="similarity_decision_rr"
            ),
            models.UniqueConstraint(
                fields=["resource", "match_initiative"], name="similarity_decision_ri"
            ),
            models.UniqueConstraint(
                fields=["initiative", "match_resource"], name="similarity_decision_ir"
            ),
            models.UniqueConstraint(
                fields=["initiative", "match_initiative"], name="similarity_decision_ii"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.match}: {self.get_choice_display()}"

    @property
    def subject(self) -> Contribution:
        return self.resource or self.initiative

    @property
    def match(self) -> Contribution:
        return self.match_resource or self.match_initiative
