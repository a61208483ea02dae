"""Every email the portal sends is built here, from a template triple:

    templates/emails/<name>.subject.txt   one line
    templates/emails/<name>.txt           the plain-text part
    templates/emails/<name>.html          the HTML part (extends emails/base.html)

Each is written in its recipient's language: `build` renders it, subject
included, under translation.override(language), and callers build the context's
links and labels under the same override (`in_language`), so that reverse() gives
the language's URLs. The message says its language (Content-Language, and the
HTML part's lang attribute).

Bulk mail (digests) carries List-Unsubscribe and List-Unsubscribe-Post headers
(RFC 8058) so that mail clients can offer one-click unsubscribe.
"""

import logging
from collections.abc import Iterable
from contextlib import AbstractContextManager

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import OutgoingEmail

logger = logging.getLogger(__name__)


class OneLineHeader(str):
    """A header value written on one line. Python's email package otherwise
    splits a long value without spaces into RFC 2047 encoded words, which turns
    the URL in List-Unsubscribe into something mail clients cannot use."""

    def __new__(cls, name: str, value: str) -> "OneLineHeader":
        header = super().__new__(cls, value)
        header.name = name
        return header

    def __getnewargs__(self) -> tuple[str, str]:
        return (self.name, str(self))

    def fold(self, *, policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


def unfolded(headers: dict) -> dict:
    """Headers with the List-Unsubscribe pair kept on one line each."""
    return {
        name: OneLineHeader(name, value) if name.startswith("List-Unsubscribe") else value
        for name, value in headers.items()
    }


def absolute_url(path: str) -> str:
    """A link that works from an email: SITE_URL plus the path."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def supported_language(code: str | None) -> str:
    """`code` if the portal offers it (or a variant of it: "pt-br" is "pt"), else
    the default language."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def language_of(recipient) -> str:
    """The language to write to `recipient` (a user or a subscription) in."""
    return supported_language(getattr(recipient, "language", ""))


def in_language(language: str | None) -> AbstractContextManager:
    """Build an email's context (links, labels) in the language it is written in."""
    return translation.override(language or settings.LANGUAGE_CODE)


def build(
    name: str,
    to: str | list[str],
    context: dict,
    *,
    unsubscribe_url: str = "",
    headers: dict | None = None,
    language: str | None = None,
) -> EmailMultiAlternatives:
    """Render the template triple `name` into a message with text and HTML parts,
    in `language` (default: the active language)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}.subject.txt", context).split())
        text = render_to_string(f"emails/{name}.txt", context)
        html = render_to_string(f"emails/{name}.html", context)
    all_headers = {"Content-Language": language, **(headers or {})}
    if unsubscribe_url:
        unsubscribe_url = absolute_url(unsubscribe_url)
        all_headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        all_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
        headers=unfolded(all_headers),
    )
    message.attach_alternative(html, "text/html")
    return message


def queue(name: str, to: str, context: dict, **options) -> OutgoingEmail:
    """Render a notification now, store it, and send it after the transaction commits.

    If the broker cannot be reached the row stays pending and the periodic
    `send_pending_emails` task sends it once the broker is back.
    """
    from .tasks import send_email

    message = build(name, to, context, **options)
    email = OutgoingEmail.objects.create(
        template=name,
        to=to,
        subject=message.subject,
        text=message.body,
        html=message.alternatives[0].content,
        headers=message.extra_headers,
    )
    transaction.on_commit(lambda: enqueue(send_email, email.pk))
    return email


def enqueue(task, *args) -> None:
    """Hand a task to the broker, tolerating an unreachable broker: the row stays pending.

    One attempt, without the publish retry policy: this runs in requests (after
    commit), and a broker that is down or frozen must cost a request about a second
    (the broker's socket timeouts, settings.REDIS_TIMEOUT), not several. The row is
    the promise: the periodic sweep sends what could not be enqueued.
    """
    try:
        task.apply_async(args, retry=False)
    except Exception as error:
        logger.warning(
            "Could not enqueue %s%r (%s); the periodic sweep will retry", task.name, args, error
        )


def message_from_row(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers=unfolded(email.headers),
    )
    message.attach_alternative(email.html, "text/html")
    return message


def send_many(messages: Iterable[EmailMultiAlternatives]) -> int:
    """Send several messages over one connection; returns how many were sent."""
    messages = list(messages)
    if not messages:
        return 0
    with mailers.default as connection:
        return connection.send_messages(messages) or 0
