"""How django-allauth fits the portal: its emails go through our one email module,
in the recipient's language with links on SITE_URL, a new account keeps the
language it signed up in, and it counts failed log-ins per account and client
address."""

from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation

from core.ratelimit import client_address
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


def on_site(url: str, language: str | None = None) -> str:
    """`url` on SITE_URL: allauth builds its links from the request's Host header,
    which the client chooses; an emailed link must lead to the portal. With
    `language`, the link leads to the page in that language."""
    if language is not None:
        url = translate_url(url, language)
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return emails.absolute_url(path + (f"#{parts.fragment}" if parts.fragment else ""))


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        language = recipient_language(email, context)
        # Every link allauth puts in an email (activate_url, password_reset_url,
        # signup_url, …) is rebuilt on SITE_URL, in the recipient's language.
        links = {
            name: on_site(value, language)
            for name, value in context.items()
            if name.endswith("_url") and isinstance(value, str) and value
        }
        # Stored and sent after commit like every other notification, so a
        # verification link is not lost while the mail server is down.
        with emails.in_language(language):
            emails.queue(
                template_name(template_prefix),
                email,
                {"email": email, **context, **links},
                language=language,
            )

    def save_user(self, request: HttpRequest, user, form, commit: bool = True):
        # The account's emails are written in the language it signed up in.
        user.language = emails.supported_language(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def get_client_ip(self, request: HttpRequest) -> str:
        # The portal's one reading of TRUSTED_PROXY_COUNT (allauth's own raises
        # ImproperlyConfigured, a 500, on a short X-Forwarded-For from a client).
        return client_address(request)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth's login_failed "key" limit counts per account; counting per account
        # and client address means nobody can lock a curator out from elsewhere,
        # while the per-address limits still slow a guesser down.
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"{client_address(request)}:{login}"


def recipient_language(email: str, context: dict[str, Any]) -> str:
    """The language of an account email: the account's, or for an address with no
    account (someone signing up with an address taken), the page's."""
    user = context.get("user")
    if user is None or not getattr(user, "pk", None):
        user = get_user_model().objects.filter(email__iexact=email).first()
    if user is not None:
        return emails.language_of(user)
    return emails.supported_language(translation.get_language())
