"""Rendering digests: each piece through the template engine once, each digest put
together from its pieces, each subscriber's copy filled in last.
"""

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from email.policy import SMTP as SMTP_POLICY
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from outbox.emails import OneLineHeader, absolute_url, build
from pathway.models import Stage

from .digest import Digest, Item, Window
from .models import Frequency, manage_token

# Stands in for the subscriber's signed token in a shared rendering.
TOKEN_PLACEHOLDER = "--digest-subscriber-token--"  # noqa: S105 (not a secret)
# Stand in for the items in a rendered frame, and for the recipient in MIME bytes.
TEXT_PLACEHOLDER = "--digest-text-items--"
HTML_PLACEHOLDER = "--digest-html-items--"
ADDRESS_PLACEHOLDER = "digest-recipient@placeholder.invalid"
MESSAGE_ID_PLACEHOLDER = "<digest-message-id@placeholder.invalid>"

# Sending 100,000 digests is mostly rendering and MIME encoding, so both are done
# as rarely as possible. Each item, each section heading and each frame (all
# around the items, which depends only on how many there are) goes through the
# template engine once per worker process and window (sending.window_content); a
# digest is put together from these pieces.
# Each frame is MIME-encoded once too, with placeholders for the items, the
# address, the Message-ID and the token, which are then filled in as bytes.
# Bodies go out 8bit (lines of at most 998 bytes, as Django sent them until 6.0),
# so a placeholder is never cut by quoted-printable line breaks. A digest with
# a longer line, or an address that is not plain ASCII, is built as a whole
# message instead.

# RFC 5322's limit on the length of a line.
MAX_LINE = 998
NEWLINES = re.compile(r"\r\n|\r|\n")


@dataclass
class Piece:
    """A rendered item or section heading, in both parts and as 8bit MIME bytes."""

    text: str
    html: str

    def __post_init__(self) -> None:
        self.mime_text = crlf(self.text)
        self.mime_html = crlf(self.html)
        self.longest = max(
            (len(line) for line in (self.mime_text + self.mime_html).split(b"\r\n")),
            default=0,
        )


@dataclass
class Frame:
    """The message around the items, for one window and number of items."""

    message: EmailMultiAlternatives
    mime: bytes | None


@dataclass
class Prepared:
    """A digest ready to be personalised: its items' text and HTML in their frame,
    as the message with TOKEN_PLACEHOLDER in its links (made when first needed: most
    digests go out as bytes only), and its MIME bytes with placeholders (None: build
    it in full)."""

    frame: Frame
    pieces: list[Piece]
    mime: bytes | None = None

    # The items' text and HTML, joined only when a digest is built as a message.
    @functools.cached_property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @functools.cached_property
    def html(self) -> str:
        return "".join(piece.html for piece in self.pieces)

    @functools.cached_property
    def message(self) -> EmailMultiAlternatives:
        frame = self.frame.message
        message = EmailMultiAlternatives(
            subject=frame.subject,
            body=frame.body.replace(TEXT_PLACEHOLDER, self.text),
            from_email=frame.from_email,
            headers=frame.extra_headers,
        )
        message.attach_alternative(
            frame.alternatives[0].content.replace(HTML_PLACEHOLDER, self.html), "text/html"
        )
        return message

    def bytes_for(self, address: str, token: str, message_id: str) -> bytes | None:
        """The subscriber's message as sent over SMTP, or None when it must be
        built in full."""
        if self.mime is None or not address.isascii():
            return None
        return (
            self.mime.replace(ADDRESS_PLACEHOLDER.encode(), address.encode())
            .replace(MESSAGE_ID_PLACEHOLDER.encode(), message_id.encode())
            .replace(TOKEN_PLACEHOLDER.encode(), manage_token(token).encode())
        )


class Renderer:
    """Renders the digests of one window from pieces rendered once each."""

    def __init__(self, window: Window) -> None:
        self.window = window
        self.frames: dict[int, Frame] = {}
        self.pieces: dict[tuple, Piece] = {}

    def render(self, digest: Digest) -> Prepared:
        pieces = []
        for section in digest.sections:
            pieces.append(self.heading(section.stage))
            pieces += [self.item(item) for item in section.items]
        if digest.nearby:
            pieces.append(self.heading(None, nearby=True))
            pieces += [self.item(item) for item in digest.nearby]
        frame = self.frame(digest.count)
        mime = None
        if frame.mime is not None and max(piece.longest for piece in pieces) <= MAX_LINE:
            mime = frame.mime.replace(
                TEXT_PLACEHOLDER.encode(), b"".join(piece.mime_text for piece in pieces)
            ).replace(HTML_PLACEHOLDER.encode(), b"".join(piece.mime_html for piece in pieces))
        return Prepared(frame, pieces, mime)

    def item(self, item: Item) -> Piece:
        return self.piece(item.key, "emails/digest_item", {"item": item})

    def heading(self, stage: Stage | None, nearby: bool = False) -> Piece:
        key = ("nearby",) if nearby else ("stage", stage.pk if stage else None)
        return self.piece(key, "emails/digest_section", {"stage": stage, "nearby": nearby})

    def piece(self, key: tuple, template: str, context: dict) -> Piece:
        if key not in self.pieces:
            self.pieces[key] = Piece(
                render_to_string(f"{template}.txt", context),
                render_to_string(f"{template}.html", context),
            )
        return self.pieces[key]

    def frame(self, count: int) -> Frame:
        if count not in self.frames:
            manage = absolute_url(reverse("digests:manage", args=[TOKEN_PLACEHOLDER]))
            unsubscribe = absolute_url(reverse("digests:unsubscribe", args=[TOKEN_PLACEHOLDER]))
            context = {
                "count": count,
                "weekly": self.window.frequency == Frequency.WEEKLY,
                "first_day": self.window.start,
                "last_day": self.window.period - timedelta(days=1),
                "text_items": TEXT_PLACEHOLDER,
                "html_items": HTML_PLACEHOLDER,
                "manage_url": manage,
                "unsubscribe_url": unsubscribe,
                "library_url": absolute_url(reverse("contributions:resources")),
            }
            message = build("digest", [], context, unsubscribe_url=unsubscribe)
            self.frames[count] = Frame(message, mime_form(message))
        return self.frames[count]


def mime_form(message: EmailMultiAlternatives) -> bytes | None:
    """The message as SMTP bytes with placeholders for the recipient's address and
    Message-ID, and 8bit bodies (None if a line is too long for that)."""
    text, html = message.body, message.alternatives[0].content
    template = EmailMultiAlternatives(
        subject=message.subject,
        body=text,
        from_email=message.from_email,
        to=[ADDRESS_PLACEHOLDER],
        headers={
            **{name: OneLineHeader(name, value) for name, value in message.extra_headers.items()},
            "Message-ID": MESSAGE_ID_PLACEHOLDER,
        },
    )
    template.attach_alternative(html, "text/html")
    mime = template.message(policy=SMTP_POLICY)
    for part, content in zip(mime.iter_parts(), (text, html), strict=True):
        part.set_content(content, subtype=part.get_content_subtype(), cte="8bit")
    data = mime.as_bytes()
    if any(len(line) > MAX_LINE for line in data.split(b"\r\n")):
        return None
    return data


def crlf(text: str) -> bytes:
    return NEWLINES.sub("\r\n", text).encode()


def personalise(
    message: EmailMultiAlternatives, email: str, token: str, message_id: str
) -> EmailMultiAlternatives:
    """A copy of a shared rendering for one subscriber: their address and links."""
    signed = manage_token(token)
    headers = {
        name: OneLineHeader(name, value.replace(TOKEN_PLACEHOLDER, signed))
        for name, value in message.extra_headers.items()
    }
    personal = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body.replace(TOKEN_PLACEHOLDER, signed),
        from_email=message.from_email,
        to=[email],
        headers={**headers, "Message-ID": message_id},
    )
    personal.attach_alternative(
        message.alternatives[0].content.replace(TOKEN_PLACEHOLDER, signed), "text/html"
    )
    return personal


def message_id(delivery_id: int, period: date) -> str:
    return message_id_format(period, settings.SITE_URL) % delivery_id


@functools.lru_cache(maxsize=8)
def message_id_format(period: date, site_url: str) -> str:
    host = urlsplit(site_url).hostname or "localhost"
    return f"<digest.{period:%Y%m%d}.%d@{host}>"
