"""Choosing, building and sending digests.

Periods. A weekly period starts on Monday 00:00 UTC, a monthly one on the 1st at
00:00 UTC. The digest of a period goes out from SEND_HOUR on its first day and
covers what was published, or substantially updated (a curator accepted a
revision), during the period before it — or since the subscriber's previous
digest, if that was later (after a switch from weekly to monthly, say).

Fan-out (after Zulip's digest). `due_subscription_ids` selects everyone due in one
query; batches of BATCH_SIZE ids go to `send_batch` in Celery tasks. Subscribers
with the same interests share the matching, and subscribers whose digests hold the
same items share one rendering: the personal parts (address, manage and
unsubscribe links) are filled into the shared rendering last.

Exactly once. Every (subscription, period) has one DigestDelivery row, unique, so
a second run, a duplicate beat or a retried task cannot create a second one. Rows
are claimed (inserted) before anything is sent. Each message is then sent inside
its own database transaction that first locks the row — re-checking that it is
still unsent and the subscriber still subscribed — and marks it sent in the same
commit. So:

- two workers holding the same row never both send: the second waits for the
  lock, then sees "sent" and skips;
- a worker killed mid-SMTP dies with its transaction: the row is still "claimed"
  and nothing was delivered (an SMTP server discards a transaction whose data
  never ended), so a later run sends it. Rows claimed longer than RECLAIM_AFTER
  ago and not sent are taken up again by the next run, which the hourly beat
  entry provides;
- the one window left is the instant between the SMTP server's "250 OK" and our
  COMMIT. We accept a possible duplicate there rather than a possibly lost digest
  for every kill during the far longer SMTP conversation. The Message-ID is fixed
  per delivery, so a repeat carries the same Message-ID as the first copy.

SMTP failures end the batch: the task retries it with backoff (see tasks.py) and
after the last retry marks the rest failed; later runs take failed rows up again
until MAX_ATTEMPTS. An address the server refuses outright is marked refused.
"""

import functools
import logging
import re
import smtplib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.policy import SMTP as SMTP_POLICY
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import connection, transaction
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from contributions.models import Initiative, Resource, Revision
from outbox.emails import OneLineHeader, absolute_url, build
from pathway.models import Country, Stage, TherapeuticArea

from .models import DigestDelivery, Frequency, Subscription, manage_token, start_of_day

logger = logging.getLogger(__name__)

# Digests of a period go out from this hour (UTC) of its first day: Monday morning.
SEND_HOUR = 6
BATCH_SIZE = 500
# Countries named per item; the rest are counted ("and 12 more").
MAX_PLACES = 6
# Sends tried per delivery, over all runs, before it is left as failed for good.
MAX_ATTEMPTS = 8
# A row claimed this long ago and still not sent was claimed by a worker that died
# (or a task that was lost); the next run takes it up again. Much longer than a
# batch takes, so that a normal run is never doubled.
RECLAIM_AFTER = timedelta(minutes=15)

SENDABLE = (DigestDelivery.Status.CLAIMED, DigestDelivery.Status.FAILED)
FINISHED = (
    DigestDelivery.Status.SENT,
    DigestDelivery.Status.SKIPPED_EMPTY,
    DigestDelivery.Status.REFUSED,
)
# Stands in for the subscriber's signed token in a shared rendering.
TOKEN_PLACEHOLDER = "--digest-subscriber-token--"  # noqa: S105 (not a secret)
# Stand in for the items in a rendered frame, and for the recipient in MIME bytes.
TEXT_PLACEHOLDER = "--digest-text-items--"
HTML_PLACEHOLDER = "--digest-html-items--"
ADDRESS_PLACEHOLDER = "digest-recipient@placeholder.invalid"
MESSAGE_ID_PLACEHOLDER = "<digest-message-id@placeholder.invalid>"


# Periods -----------------------------------------------------------------------


def period_start(frequency: str, moment: datetime) -> date:
    """The first day of the period (in UTC) that `moment` falls in."""
    day = moment.astimezone(UTC).date()
    if frequency == Frequency.WEEKLY:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def previous_period_start(frequency: str, start: date) -> date:
    if frequency == Frequency.WEEKLY:
        return start - timedelta(days=7)
    return (start - timedelta(days=1)).replace(day=1)


def current_period(frequency: str, now: datetime | None = None) -> date:
    """The period whose digest is due now: the latest one whose send time has come."""
    return period_start(frequency, (now or timezone.now()) - timedelta(hours=SEND_HOUR))


def is_period_start(frequency: str, day: date) -> bool:
    return day.weekday() == 0 if frequency == Frequency.WEEKLY else day.day == 1


# What is new, and who wants it --------------------------------------------------


@dataclass(frozen=True)
class Interests:
    """A subscriber's interests; an empty set means "any"."""

    stages: frozenset[int] = frozenset()
    barriers: frozenset[int] = frozenset()
    countries: frozenset[str] = frozenset()
    regions: frozenset[int] = frozenset()
    areas: frozenset[int] = frozenset()
    resources: bool = True
    initiatives: bool = True

    def wants_kind(self, kind: str) -> bool:
        return self.resources if kind == "resource" else self.initiatives

    def matches(self, item: "Item") -> bool:
        """Like the library's filters: any value within a dimension, every dimension.
        Countries and regions are one dimension (where), as the form presents them:
        an item in a chosen country, in a chosen region, or in a country of a chosen
        region matches."""
        if not self.wants_kind(item.kind):
            return False
        if self.stages and not self.stages & item.stage_ids:
            return False
        if self.barriers and not self.barriers & item.barrier_ids:
            return False
        if self.areas and not self.areas & item.area_ids:
            return False
        where = self.countries or self.regions
        return not where or bool(
            self.countries & item.country_codes or self.regions & item.region_ids
        )

    def is_near(self, item: "Item") -> bool:
        """A new initiative in one of the subscriber's countries, on their barriers."""
        return (
            item.kind == "initiative"
            and item.is_new
            and bool(self.countries & item.country_codes)
            and (not self.barriers or bool(self.barriers & item.barrier_ids))
        )


@dataclass(frozen=True)
class Item:
    """A published resource or initiative as a digest shows and matches it."""

    kind: str
    pk: int
    title: str
    summary: str
    url: str
    organisation: str
    places: str
    is_new: bool
    published_at: datetime
    stage_ids: frozenset[int]
    # Stages in pathway order, for grouping.
    stage_order: tuple[int, ...]
    barrier_ids: frozenset[int]
    country_codes: frozenset[str]
    # The item's regions and the regions of its countries.
    region_ids: frozenset[int]
    # The item's areas and their parents: a Lung cancer item is an Oncology item.
    area_ids: frozenset[int]

    @functools.cached_property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)

    @property
    def kind_label(self) -> str:
        return _("Resource") if self.kind == "resource" else _("Initiative")


def new_items(window_start: datetime, window_end: datetime) -> list[Item]:
    """Everything published, or revised by an accepted revision, in the window;
    a fixed number of queries however many items there are."""
    country_regions = dict(Country.objects.values_list("pk", "region_id"))
    area_parents = dict(TherapeuticArea.objects.values_list("pk", "parent_id"))
    stage_positions = dict(Stage.objects.values_list("pk", "position"))
    found = []
    for model in (Resource, Initiative):
        kind = model._meta.model_name
        items = (
            candidates(model, window_start, window_end)
            .select_related("organisation")
            .prefetch_related("countries", "regions")
            .order_by("-published_at", "-pk")
        )
        items = list(items)
        tags = tag_ids(model, [item.pk for item in items])
        for item in items:
            codes = frozenset(country.pk for country in item.countries.all())
            regions = {region.pk for region in item.regions.all()}
            regions |= {country_regions[code] for code in codes if country_regions.get(code)}
            areas = tags["therapeutic_areas"][item.pk]
            areas |= {area_parents[pk] for pk in areas if area_parents.get(pk)}
            stages = tags["stages"][item.pk]
            places = [country.name for country in item.countries.all()] or [
                region.name for region in item.regions.all()
            ]
            if len(places) > MAX_PLACES:
                rest = len(places) - MAX_PLACES
                places = [*places[:MAX_PLACES], _("%(count)d more") % {"count": rest}]
            found.append(
                Item(
                    kind=kind,
                    pk=item.pk,
                    title=item.title,
                    summary=item.summary,
                    url=absolute_url(item.get_absolute_url()),
                    organisation=item.organisation.name,
                    places=", ".join(places),
                    is_new=item.published_at >= window_start,
                    published_at=item.published_at,
                    stage_ids=frozenset(stages),
                    stage_order=tuple(sorted(stages, key=lambda pk: stage_positions[pk])),
                    barrier_ids=frozenset(tags["barriers"][item.pk]),
                    country_codes=codes,
                    region_ids=frozenset(regions),
                    area_ids=frozenset(areas),
                )
            )
    found.sort(key=lambda item: (item.published_at, item.key), reverse=True)
    return found


def candidates(model, window_start: datetime, window_end: datetime):
    """Published items of `model` that are new or revised in the window."""
    kind = model._meta.model_name
    in_window = Q(published_at__gte=window_start, published_at__lt=window_end)
    revised = Revision.objects.filter(
        status=Revision.Status.ACCEPTED,
        decided_at__gte=window_start,
        decided_at__lt=window_end,
        **{f"{kind}__isnull": False},
    ).values(kind)
    return model.objects.published().filter(in_window | Q(pk__in=revised))


def tag_ids(model, pks: list[int]) -> dict[str, dict[int, set]]:
    """{field: {item pk: {tag pk, ...}}} for the tags digests match on, read from
    the through tables without loading the tag rows."""
    found: dict[str, dict[int, set]] = {}
    kind = model._meta.model_name
    for name, column in (
        ("stages", "stage_id"),
        ("barriers", "barrier_id"),
        ("therapeutic_areas", "therapeuticarea_id"),
    ):
        through = getattr(model, name).through
        found[name] = defaultdict(set)
        for item_pk, tag_pk in through.objects.filter(**{f"{kind}_id__in": pks}).values_list(
            f"{kind}_id", column
        ):
            found[name][item_pk].add(tag_pk)
    return found


@dataclass
class Section:
    stage: Stage | None
    items: list[Item]


@dataclass
class Digest:
    sections: list[Section] = field(default_factory=list)
    nearby: list[Item] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(section.items) for section in self.sections) + len(self.nearby)

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @property
    def key(self) -> tuple:
        """Equal for digests that render identically."""
        return (
            tuple(
                (section.stage.pk if section.stage else None, tuple(i.key for i in section.items))
                for section in self.sections
            ),
            tuple(item.key for item in self.nearby),
        )


def select(interests: Interests, items: Iterable[Item], stages: dict[int, Stage]) -> Digest:
    """The subscriber's digest: matching items grouped by pathway stage (each under
    the first of its stages the subscriber follows), then initiatives near them."""
    grouped: dict[int | None, list[Item]] = defaultdict(list)
    chosen = set()
    nearby = []
    for item in items:
        if interests.matches(item):
            followed = [
                pk for pk in item.stage_order if not interests.stages or pk in interests.stages
            ]
            grouped[followed[0] if followed else None].append(item)
            chosen.add(item.key)
    for item in items:
        if item.key not in chosen and interests.is_near(item):
            nearby.append(item)
    sections = [
        Section(stages[pk], grouped[pk])
        for pk in sorted(
            (pk for pk in grouped if pk is not None), key=lambda pk: stages[pk].position
        )
    ]
    if None in grouped:
        sections.append(Section(None, grouped[None]))
    return Digest(sections, nearby)


# Rendering -------------------------------------------------------------------
#
# Sending 100,000 digests is mostly rendering and MIME encoding, so both are done
# as rarely as possible. Each item, each section heading and each frame (all
# around the items, which depends only on how many there are) goes through the
# template engine once per batch; a digest is put together from these pieces.
# Each frame is MIME-encoded once too, with placeholders for the items, the
# address, the Message-ID and the token, which are then filled in as bytes.
# Bodies go out 8bit (lines of at most 998 bytes, as Django sent them until 6.0),
# so a placeholder is never cut by quoted-printable line breaks. A digest with
# a longer line, or an address that is not plain ASCII, is built as a whole
# message instead.

# RFC 5322's limit on the length of a line.
MAX_LINE = 998
NEWLINES = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Window:
    frequency: str
    period: date
    start: date

    @property
    def start_at(self) -> datetime:
        return start_of_day(self.start)

    @property
    def end_at(self) -> datetime:
        return start_of_day(self.period)


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
    """A digest ready to be personalised: the message with TOKEN_PLACEHOLDER in
    its links, and its MIME bytes with placeholders (None: build it in full)."""

    message: EmailMultiAlternatives
    mime: bytes | None = None

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
        text = "".join(piece.text for piece in pieces)
        html = "".join(piece.html for piece in pieces)
        frame = self.frame(digest.count)
        message = EmailMultiAlternatives(
            subject=frame.message.subject,
            body=frame.message.body.replace(TEXT_PLACEHOLDER, text),
            from_email=frame.message.from_email,
            headers=frame.message.extra_headers,
        )
        message.attach_alternative(
            frame.message.alternatives[0].content.replace(HTML_PLACEHOLDER, html), "text/html"
        )
        mime = None
        if frame.mime is not None and max(piece.longest for piece in pieces) <= MAX_LINE:
            mime = frame.mime.replace(
                TEXT_PLACEHOLDER.encode(), b"".join(piece.mime_text for piece in pieces)
            ).replace(HTML_PLACEHOLDER.encode(), b"".join(piece.mime_html for piece in pieces))
        return Prepared(message, mime)

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
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<digest.{period:%Y%m%d}.{delivery_id}@{host}>"


# Fan-out ---------------------------------------------------------------------


def due_subscription_ids(frequency: str, period: date, now: datetime | None = None) -> list[int]:
    """Everyone whose digest for the period is still to send, in one query: no
    delivery yet, or one that failed, or one claimed so long ago that its worker
    must have died."""
    now = now or timezone.now()
    settled = DigestDelivery.objects.filter(
        subscription=OuterRef("pk"), period_start=period
    ).filter(
        Q(status__in=FINISHED)
        | Q(attempts__gte=MAX_ATTEMPTS)
        | Q(status=DigestDelivery.Status.CLAIMED, claimed_at__gt=now - RECLAIM_AFTER)
    )
    return list(
        Subscription.objects.receiving(frequency, period)
        .filter(~Exists(settled))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def batches(ids: list[int], size: int = BATCH_SIZE) -> Iterable[list[int]]:
    for offset in range(0, len(ids), size):
        yield ids[offset : offset + size]


# Sending a batch -----------------------------------------------------------------


class DeliveryInterrupted(Exception):
    """The mail server could not be reached or failed mid-batch; retry later."""


@dataclass
class Recipient:
    subscription_id: int
    email: str
    token: str
    interests: Interests
    window: Window
    delivery_id: int = 0


@dataclass
class BatchResult:
    sent: int = 0
    skipped_empty: int = 0
    refused: int = 0
    already_done: int = 0


def interests_of(subscription_ids: list[int]) -> dict[int, dict[str, set]]:
    """Each subscription's interest ids, read from the through tables in five queries."""
    found: dict[int, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for name, column in (
        ("stages", "stage_id"),
        ("barriers", "barrier_id"),
        ("countries", "country_id"),
        ("regions", "region_id"),
        ("therapeutic_areas", "therapeuticarea_id"),
    ):
        through = getattr(Subscription, name).through
        for subscription_id, pk in through.objects.filter(
            subscription_id__in=subscription_ids
        ).values_list("subscription_id", column):
            found[subscription_id][name].add(pk)
    return found


def claim(frequency: str, period: date, subscription_ids: list[int]) -> list[Recipient]:
    """Claim the period's delivery row of each subscription still due, and return
    the recipients whose rows are still to send."""
    subscriptions = list(
        Subscription.objects.receiving(frequency, period)
        .filter(pk__in=subscription_ids)
        .annotate(
            last_period=Max(
                "deliveries__period_start",
                filter=Q(deliveries__status__in=FINISHED, deliveries__period_start__lt=period),
            )
        )
        .values("pk", "email", "token", "include_resources", "include_initiatives", "last_period")
        .order_by("pk")
    )
    if not subscriptions:
        return []
    ids = [row["pk"] for row in subscriptions]
    now = timezone.now()
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(subscription_id=pk, period_start=period, claimed_at=now) for pk in ids],
        ignore_conflicts=True,
    )
    deliveries = dict(
        DigestDelivery.objects.filter(
            period_start=period,
            subscription_id__in=ids,
            status__in=SENDABLE,
            attempts__lt=MAX_ATTEMPTS,
        ).values_list("subscription_id", "pk")
    )
    tags = interests_of(ids)
    natural_start = previous_period_start(frequency, period)
    recipients = []
    for row in subscriptions:
        if row["pk"] not in deliveries:
            continue
        chosen = tags.get(row["pk"], {})
        interests = Interests(
            stages=frozenset(chosen.get("stages", ())),
            barriers=frozenset(chosen.get("barriers", ())),
            countries=frozenset(chosen.get("countries", ())),
            regions=frozenset(chosen.get("regions", ())),
            areas=frozenset(chosen.get("therapeutic_areas", ())),
            resources=row["include_resources"],
            initiatives=row["include_initiatives"],
        )
        start = max(natural_start, row["last_period"] or natural_start)
        recipients.append(
            Recipient(
                subscription_id=row["pk"],
                email=row["email"],
                token=row["token"],
                interests=interests,
                window=Window(frequency, period, start),
                delivery_id=deliveries[row["pk"]],
            )
        )
    return recipients


# A run's batches mostly land on the same few worker processes: each keeps the
# window's items and their rendered pieces between batches, for as long as one
# query says the window's content has not changed.
WINDOW_CACHE: dict[tuple, tuple[list[Item], "Renderer"]] = {}
WINDOW_CACHE_SIZE = 4


def window_content(window: Window) -> tuple[list[Item], "Renderer"]:
    versions = tuple(
        candidates(model, window.start_at, window.end_at)
        .aggregate(n=Count("pk"), changed=Max("updated_at"))
        .values()
        for model in (Resource, Initiative)
    )
    key = (window, settings.SITE_URL, get_language(), versions)
    if key not in WINDOW_CACHE:
        if len(WINDOW_CACHE) >= WINDOW_CACHE_SIZE:
            WINDOW_CACHE.clear()
        WINDOW_CACHE[key] = (new_items(window.start_at, window.end_at), Renderer(window))
    return WINDOW_CACHE[key]


def prepare(recipients: list[Recipient]) -> dict[int, Prepared | None]:
    """Each recipient's shared rendering (None for an empty digest), computing each
    window's items, each set of interests' digest and each digest's rendering once."""
    stages = {stage.pk: stage for stage in Stage.objects.all()}
    windows: dict[Window, tuple[list[Item], Renderer]] = {}
    digests: dict[tuple, Digest] = {}
    renderings: dict[tuple, Prepared | None] = {}
    prepared = {}
    for recipient in recipients:
        window = recipient.window
        if window not in windows:
            windows[window] = window_content(window)
        items, renderer = windows[window]
        selection = (window, recipient.interests)
        if selection not in digests:
            digests[selection] = select(recipient.interests, items, stages)
        digest = digests[selection]
        rendering = (window, digest.key)
        if rendering not in renderings:
            renderings[rendering] = None if digest.is_empty else renderer.render(digest)
        prepared[recipient.delivery_id] = renderings[rendering]
    return prepared


class Sender:
    """Sends digests over one mailer connection: as prepared bytes through Django's
    SMTP backend, as message objects through any other backend (the console in
    development, the outbox in tests)."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.smtp = isinstance(connection, SMTPBackend)
        self.envelope_from = (
            connection.prep_address(settings.DEFAULT_FROM_EMAIL) if self.smtp else ""
        )

    def send(self, prepared: Prepared, recipient: "Recipient", message_id: str) -> None:
        data = prepared.bytes_for(recipient.email, recipient.token, message_id)
        if self.smtp and data is not None:
            self.connection.open()
            self.connection.connection.sendmail(self.envelope_from, [recipient.email], data)
        else:
            message = personalise(prepared.message, recipient.email, recipient.token, message_id)
            self.connection.send_messages([message])


PERMANENT_ERRORS = (smtplib.SMTPRecipientsRefused,)
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


def send_batch(frequency: str, period: date, subscription_ids: list[int]) -> BatchResult:
    """Claim, build and send the period's digests of these subscriptions.

    Raises DeliveryInterrupted when the mail server fails; every row not sent is
    then still claimed (or failed), ready for the retry.
    """
    result = BatchResult()
    recipients = claim(frequency, period, subscription_ids)
    if not recipients:
        return result
    prepared = prepare(recipients)
    empty = [pk for pk, message in prepared.items() if message is None]
    if empty:
        result.skipped_empty = DigestDelivery.objects.filter(
            pk__in=empty, status__in=SENDABLE
        ).update(status=DigestDelivery.Status.SKIPPED_EMPTY, last_error="")
    to_send = [r for r in recipients if prepared[r.delivery_id] is not None]
    if not to_send:
        return result
    try:
        with mailers.default as connection:
            sender = Sender(connection)
            for recipient in to_send:
                outcome = send_one(sender, recipient, prepared[recipient.delivery_id], period)
                if outcome == "sent":
                    result.sent += 1
                elif outcome == "refused":
                    result.refused += 1
                else:
                    result.already_done += 1
    except TRANSIENT_ERRORS as error:
        raise DeliveryInterrupted(f"{type(error).__name__}: {error}") from error
    return result


def send_one(sender: Sender, recipient: Recipient, shared: Prepared, period: date) -> str:
    """Send one digest in one transaction that holds its delivery row; see the
    module docstring for why."""
    take, mark = statements()
    failure = None
    with transaction.atomic(), connection.cursor() as cursor:
        # The UPDATE locks the row until COMMIT and re-checks, after any other
        # holder's COMMIT, that it is still unsent and its subscriber still wants it.
        cursor.execute(
            take,
            [
                timezone.now(),
                recipient.delivery_id,
                *SENDABLE,
                MAX_ATTEMPTS,
                recipient.subscription_id,
                False,
            ],
        )
        if cursor.rowcount != 1:
            return "done"
        try:
            sender.send(shared, recipient, message_id(recipient.delivery_id, period))
        except PERMANENT_ERRORS as error:
            outcome, status, error_text = "refused", DigestDelivery.Status.REFUSED, describe(error)
            logger.warning("Digest %s refused: %s", recipient.delivery_id, error_text)
        except TRANSIENT_ERRORS as error:
            # Commit the attempt and its reason (the row stays claimed), then stop.
            outcome, status, error_text = "", DigestDelivery.Status.CLAIMED, describe(error)
            failure = error
        else:
            outcome, status, error_text = "sent", DigestDelivery.Status.SENT, ""
        sent_at = timezone.now() if outcome == "sent" else None
        cursor.execute(mark, [status, sent_at, error_text, recipient.delivery_id])
    if failure is not None:
        raise failure
    return outcome


@functools.cache
def statements() -> tuple[str, str]:
    """The two statements run for every message, written out once: at 100,000
    messages a run, compiling them through the ORM costs more than running them."""
    quote = connection.ops.quote_name
    delivery = quote(DigestDelivery._meta.db_table)
    subscription = quote(Subscription._meta.db_table)
    # Table names from the models, every value a parameter.
    take = (
        f"UPDATE {delivery} SET attempts = attempts + 1, claimed_at = %s "  # noqa: S608
        "WHERE id = %s AND status IN (%s, %s) AND attempts < %s AND subscription_id IN "
        f"(SELECT id FROM {subscription} WHERE id = %s AND unsubscribed_at IS NULL "
        "AND paused = %s)"
    )
    mark = f"UPDATE {delivery} SET status = %s, sent_at = %s, last_error = %s WHERE id = %s"  # noqa: S608
    return take, mark


def give_up(period: date, subscription_ids: list[int], reason: str) -> int:
    """After the last retry: the batch's unsent rows become failed, for a later run."""
    return DigestDelivery.objects.filter(
        period_start=period,
        subscription_id__in=subscription_ids,
        status=DigestDelivery.Status.CLAIMED,
    ).update(status=DigestDelivery.Status.FAILED, last_error=reason[:2000])


def describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]
