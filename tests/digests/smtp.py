"""A real SMTP server (aiosmtpd) on 127.0.0.1 for tests: it records every message
it accepts, and can refuse addresses, answer chosen replies to a recipient's RCPT
or DATA (greylisting, a full mailbox, a message refused), fail for a while, or
hold a conversation open so that a test can kill the client in the middle of it;
with or without PIPELINING advertised."""

import asyncio
import socket
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    recipients: list[str]
    message: EmailMessage
    raw: bytes

    @property
    def to(self) -> str:
        return self.recipients[0]

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def text(self) -> str:
        return self.message.get_body(preferencelist=("plain",)).get_content()

    @property
    def html(self) -> str:
        return self.message.get_body(preferencelist=("html",)).get_content()


@dataclass
class Handler:
    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    # {address: replies}: the next RCPT (or DATA) for the address gets the first
    # reply, which is then used up; "250" lets that one through.
    rcpt_replies: dict[str, list[str]] = field(default_factory=dict)
    data_replies: dict[str, list[str]] = field(default_factory=dict)
    # Every reply given to a RCPT or DATA other than 250: (command, address, reply).
    replies: list[tuple[str, str, str]] = field(default_factory=list)
    # Answer "451" to this many DATA commands before accepting again.
    fail_next: int = 0
    # Hold the RCPT of the n-th message addressed to `hold_for` (1-based) until released.
    hold_for: str = ""
    hold_at: int = 0
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    _seen: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Advertise PIPELINING (RFC 2920), as Postfix does: clients may then send MAIL,
    # RCPT and DATA at once. aiosmtpd answers them in order either way.
    pipelining: bool = False

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        reply = self.next_reply(self.rcpt_replies, "RCPT", address)
        if reply:
            return reply
        if self.hold_at and address.endswith(self.hold_for):
            with self.lock:
                self._seen += 1
                hold = self._seen == self.hold_at
            if hold:
                self.holding.set()
                while not self.release.is_set():
                    await asyncio.sleep(0.02)
                return "421 4.3.0 Closing"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.fail_next:
                self.fail_next -= 1
                return "451 4.3.0 Try again later"
        for address in envelope.rcpt_tos:
            reply = self.next_reply(self.data_replies, "DATA", address)
            if reply:
                return reply
        with self.lock:
            self.received.append(
                Received(
                    list(envelope.rcpt_tos),
                    message_from_bytes(envelope.content, policy=policy.default),
                    envelope.content,
                )
            )
        return "250 Message accepted for delivery"

    def next_reply(self, replies: dict[str, list[str]], command: str, address: str) -> str:
        """The reply chosen for this command and address, if any ("" to accept)."""
        with self.lock:
            queue = replies.get(address)
            if not queue:
                return ""
            reply = queue.pop(0)
            if reply.startswith("250"):
                return ""
            self.replies.append((command, address, reply))
            return reply


class SMTPServer:
    def __init__(self, pipelining: bool = False) -> None:
        self.handler = Handler(pipelining=pipelining)
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)

    def to(self, address: str) -> list[Received]:
        return [message for message in self.received if address in message.recipients]

    def wait_for(self, predicate, timeout: float = 30.0) -> list[Received]:
        """Wait until predicate(received messages) is true; return the messages."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            received = self.received
            if predicate(received):
                return received
            time.sleep(0.05)
        raise AssertionError(f"Timed out waiting for mail; got {len(self.received)} messages")

    def start(self) -> "SMTPServer":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.handler.release.set()
        self.controller.stop()
