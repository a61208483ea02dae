from functools import cached_property

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account: a partner, a curator or an admin.

    Email is the identity people know; it is unique regardless of case.
    Curators are users in the "Curators" group (or superusers).
    """

    email = models.EmailField(_("email address"))

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email or self.username

    @cached_property
    def is_curator(self) -> bool:
        if not self.is_active:
            return False
        return self.is_superuser or self.groups.filter(name=CURATORS_GROUP).exists()


CURATORS_GROUP = "Curators"
