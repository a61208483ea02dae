"""Links from a row to one item, a resource or an initiative."""

from django.db import models


def contribution_link(
    model: type[models.Model], verbose_name: str, related_name: str, one_to_one: bool = False
) -> models.ForeignKey:
    """One side of a pair of optional links to a resource and to an initiative, of
    which a row sets exactly one (see one_contribution)."""
    field = models.OneToOneField if one_to_one else models.ForeignKey
    return field(
        model,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name=related_name,
    )


def one_contribution(name: str, prefix: str = "") -> models.CheckConstraint:
    """Exactly one of the `{prefix}resource` and `{prefix}initiative` links is set."""
    return models.CheckConstraint(
        condition=models.Q(
            **{f"{prefix}resource__isnull": False, f"{prefix}initiative__isnull": True}
        )
        | models.Q(**{f"{prefix}resource__isnull": True, f"{prefix}initiative__isnull": False}),
        name=name,
    )
