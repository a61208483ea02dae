"""How django-allauth fits the portal: its emails go through our one email module."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter

from outbox import emails

# The emails allauth can send with the portal's settings (email login, verification
# by link, no unknown-account mail). Each has a template triple
# templates/emails/account_<name>.{subject.txt,txt,html}.
ACCOUNT_EMAILS = (
    "email_confirmation_signup",
    "email_confirmation",
    "account_already_exists",
    "password_reset_key",
    "password_reset",
    "password_changed",
    "password_set",
    "email_changed",
    "email_deleted",
)


def template_name(template_prefix: str) -> str:
    """Our template name for an allauth one: "account/email/password_reset_key"
    becomes "account_password_reset_key"."""
    return "account_" + template_prefix.rsplit("/", 1)[-1]


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Stored and sent after commit like every other notification, so a
        # verification link is not lost while the mail server is down.
        emails.queue(template_name(template_prefix), email, {"email": email, **context})
