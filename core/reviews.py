"""Reference content that curators review once a year (stages, barriers).

A page shows when its text was last reviewed; a year later it is due again, and the
curators' yearly reminder (curation/tasks.py) lists what is due, once per due item
per year: `review_reminded_on` records the reminder, claimed in the same
transaction as the emails that carry it.
"""

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def a_year_after(day: date) -> date:
    """The same day a year later (28 February after a 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


class ReviewQuerySet(models.QuerySet):
    def due_for_review(self, today: date | None = None) -> "ReviewQuerySet":
        """Never reviewed, or reviewed a year ago or more."""
        cutoff = a_year_before(today or timezone.localdate())
        return self.filter(models.Q(reviewed_on__isnull=True) | models.Q(reviewed_on__lte=cutoff))

    def to_remind(self, today: date | None = None) -> "ReviewQuerySet":
        """Due, and not already in a reminder of the past year."""
        today = today or timezone.localdate()
        return self.due_for_review(today).filter(
            models.Q(review_reminded_on__isnull=True)
            | models.Q(review_reminded_on__lte=a_year_before(today))
        )


class ReviewedContent(models.Model):
    """A row whose text curators review yearly (an abstract base)."""

    reviewed_on = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "When a curator last checked that this text is correct and up to date. "
            "The next review is due a year later."
        ),
    )
    review_reminded_on = models.DateField(
        _("review reminder sent"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    @property
    def review_due_on(self) -> date | None:
        return a_year_after(self.reviewed_on) if self.reviewed_on else None
