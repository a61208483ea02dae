"""What the portal knows about a resource's link: when it was last checked, what it
answered, and which organisations were told about their links, once per month.

contributions/linkcheck.py checks the links and writes these rows; the tasks in
contributions/tasks.py run it on a schedule.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .items import Resource


class LinkCheck(models.Model):
    """The last check of one resource's link."""

    resource = models.OneToOneField(
        Resource, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="link_check"
    )
    url = models.URLField(_("link checked"), max_length=500)
    checked_at = models.DateTimeField(_("last checked"))
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("problem"), max_length=200, blank=True)
    working_at = models.DateTimeField(
        _("last found working"),
        null=True,
        blank=True,
        help_text=_("When the link last answered with a page."),
    )

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        indexes = [models.Index(fields=["checked_at"], name="linkcheck_checked_at")]

    def __str__(self) -> str:
        return self.url

    @property
    def is_broken(self) -> bool:
        return bool(self.error) or self.status_code is None or self.status_code >= 400


class LinkReport(models.Model):
    """One organisation was told about its links in one month: a re-run of the
    monthly task finds the row and sends nothing again."""

    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="link_reports",
    )
    period = models.DateField(_("month"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    broken = models.PositiveSmallIntegerField(_("broken links"), default=0)
    unchecked = models.PositiveSmallIntegerField(_("links not working for a year"), default=0)

    class Meta:
        verbose_name = _("link report")
        verbose_name_plural = _("link reports")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period"], name="link_report_once_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.period:%Y-%m}"
