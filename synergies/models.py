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


class RelatedWork(models.Model):
    """The related work and potential partners of one published item, worked out
    when the item, or work related to it, changed (synergies/related.py), so that
    its page reads them instead of searching the whole library on every view.

    Each entry keeps what the page shows: the item or organisation, and the
    explanation in words. `keys` names the related items (" resource:12
    initiative:5 ") so that the rows listing an item are found when it changes.
    """

    resource = contribution_link(Resource, _("resource"), "related_work", one_to_one=True)
    initiative = contribution_link(Initiative, _("initiative"), "related_work", one_to_one=True)
    # [{"kind": "resource", "pk": 12, "explanation": "same barrier: …"}], best first.
    related = models.JSONField(_("related work"), default=list, blank=True)
    # [{"organisation": 7, "explanation": "works on … in …"}], best first.
    partners = models.JSONField(_("potential partners"), default=list, blank=True)
    keys = models.TextField(editable=False, blank=True)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("related work")
        verbose_name_plural = _("related work")
        constraints = [one_contribution("related_work_one_item")]

    def __str__(self) -> str:
        return str(self.resource or self.initiative)


class SimilarityProfile(models.Model):
    """What the synergy finder compares of one published item, worked out when the
    item is saved (synergies/stored.py) so that a lookup reads it instead of reading
    the candidates' texts and gathering their tags.

    `keys` are the title and summary as read (wording.read), as JSON: [title keys,
    summary keys], one [key, word, …] list per key. `reach` serves the cheap first
    rank of a lookup (bounds.py). `tags` are the item's tags as the finder compares
    them ({"barriers": ["3", …], "country_regions": […], …}, see
    candidates.CANDIDATE_TAGS). `version` names the synonym table and reading code
    the keys were made with, `source` the title, summary and language they were read
    from: keys made with another version, or from another text, are not used (the
    lookup reads the text instead) until the row is refreshed.
    """

    resource = contribution_link(Resource, _("resource"), "similarity_profile", one_to_one=True)
    initiative = contribution_link(
        Initiative, _("initiative"), "similarity_profile", one_to_one=True
    )
    version = models.CharField(max_length=32, editable=False)
    source = models.CharField(max_length=32, editable=False)
    # JSON, decoded only for the candidates whose texts a lookup compares.
    keys = models.TextField(default="[[], []]", editable=False)
    # Every string by which another text's keys may be found in this one
    # (bounds.reach), separated by spaces.
    reach = models.TextField(default="", editable=False)
    tags = models.JSONField(default=dict, editable=False)

    class Meta:
        verbose_name = _("similarity profile")
        verbose_name_plural = _("similarity profiles")
        constraints = [one_contribution("similarity_profile_one_item")]

    def __str__(self) -> str:
        return str(self.resource or self.initiative)

    def affects_public_pages(self) -> bool:
        """Not shown on any page (core.content_version): the item's own change
        already counted."""
        return False
