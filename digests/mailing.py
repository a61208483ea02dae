"""Talking to the mail server about one digest: sending its prepared bytes, and
what the server's reply means for that recipient (RFC 5321: a 4xx reply is
temporary, a 5xx reply permanent), with the back-off before another try.
sending.py records each outcome on the delivery row."""

import re
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

from .rendering import Prepared, personalise

# Wait before trying a temporarily failed digest again, by the attempts made so far
# (the last one repeats): greylisting asks for minutes, an outage may take hours.
RETRY_BACKOFF = (
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(minutes=30),
    timedelta(hours=1),
    timedelta(hours=2),
    timedelta(hours=4),
    timedelta(hours=8),
    timedelta(hours=16),
)
# Sends tried per delivery, over all runs (about 32 hours with the back-off), before
# it is left as failed for good.
MAX_ATTEMPTS = len(RETRY_BACKOFF) + 1


def backoff(attempts: int) -> timedelta:
    """How long a digest that failed its `attempts`-th try waits for the next."""
    return RETRY_BACKOFF[min(max(attempts, 1), len(RETRY_BACKOFF)) - 1]


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

    def send(self, prepared: Prepared, recipient, message_id: str) -> None:
        """Send to `recipient` (a sending.Recipient), or raise the SMTP error."""
        data = prepared.bytes_for(recipient.email, recipient.token, message_id)
        if self.smtp and data is not None:
            smtp = self.connection.connection
            if smtp is not None and smtp.sock is None:
                # The server closed the connection after its reply (421): open another.
                self.connection.connection = None
            self.connection.open()
            sendmail(self.connection.connection, self.envelope_from, recipient.email, data)
        else:
            message = personalise(prepared.message, recipient.email, recipient.token, message_id)
            self.connection.send_messages([message])


# Lines of the message that begin with a dot get another (RFC 5321, 4.5.2).
LEADING_DOT = re.compile(rb"^\.", re.MULTILINE)
CRLF = b"\r\n"
# An address that smtplib.quoteaddr would give back as it is, between < and >: a
# dot-atom local part and domain (RFC 5322, 3.2.3). Parsing every address with the
# email package cost more than the rest of a message's SMTP conversation.
PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\Z"
)


def quote_address(address: str) -> str:
    """The address as MAIL and RCPT take it: smtplib.quoteaddr's result."""
    if PLAIN_ADDRESS.match(address):
        return f"<{address}>"
    return smtplib.quoteaddr(address)


def dot_stuffed(data: bytes) -> bytes:
    """The message as DATA sends it: a dot doubled where a line begins with one
    (a search through the bytes, where the substitution went through every line)."""
    if data.startswith(b".") or b"\n." in data:
        data = LEADING_DOT.sub(b"..", data)
    if not data.endswith(CRLF):
        data += CRLF
    return data + b"." + CRLF


def sendmail(smtp: smtplib.SMTP, sender: str, recipient: str, data: bytes) -> None:
    """smtplib's `sendmail` for one recipient and a message already in SMTP bytes,
    raising the same errors for the same replies. Where the server advertises
    PIPELINING (RFC 2920) MAIL, RCPT and DATA go out together and their three
    replies are read after: two round trips a message instead of four."""
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("pipelining") or not sender.isascii():
        smtp.sendmail(sender, [recipient], data)
        return
    size = f" SIZE={len(data)}" if smtp.has_extn("size") else ""
    smtp.send(
        f"MAIL FROM:{quote_address(sender)}{size}\r\nRCPT TO:{quote_address(recipient)}\r\nDATA\r\n"
    )
    code, reply = smtp.getreply()
    if code != 250:
        give_up(smtp, code, replies_left=2)
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = smtp.getreply()
    if code not in (250, 251):
        give_up(smtp, code, replies_left=1)
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    code, reply = smtp.getreply()
    if code != 354:
        give_up(smtp, code, replies_left=0)
        raise smtplib.SMTPDataError(code, reply)
    smtp.send(dot_stuffed(data))
    code, reply = smtp.getreply()
    if code != 250:
        give_up(smtp, code, replies_left=0)
        raise smtplib.SMTPDataError(code, reply)


def give_up(smtp: smtplib.SMTP, code: int, replies_left: int) -> None:
    """End a pipelined transaction after a refusal, as smtplib's sendmail does: a
    421 closes the connection; otherwise read the replies still to come (the
    commands sent after a refused one are refused too; a DATA accepted without a
    recipient gets an empty message), then RSET for the next recipient."""
    if code == 421:
        smtp.close()
        return
    try:
        codes = [smtp.getreply()[0] for _ in range(replies_left)]
        if codes and codes[-1] == 354:
            smtp.send(b"." + CRLF)
            smtp.getreply()
        smtp.rset()
    except smtplib.SMTPServerDisconnected:
        pass


class Outcome:
    SENT = "sent"
    DONE = "done"  # sent, or no longer wanted, by the time this batch came to it
    REFUSED = "refused"  # 5xx to DATA: this message, for good
    REFUSED_ADDRESS = "refused_address"  # 5xx to RCPT: the address, for good
    DEFERRED = "deferred"  # 4xx: try again later
    INTERRUPTED = "interrupted"  # the server is unreachable or dropped us


def outcome_of(error: Exception) -> str:
    """What an SMTP error means for one recipient (RFC 5321 reply codes)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code = min(code for code, _message in error.recipients.values())
        return Outcome.REFUSED_ADDRESS if code >= 500 else Outcome.DEFERRED
    if isinstance(error, smtplib.SMTPDataError):
        return Outcome.REFUSED if error.smtp_code >= 500 else Outcome.DEFERRED
    # The sender refused, a failed greeting or log-in, a dropped connection, a
    # socket error: nothing the next recipient would fare better with.
    return Outcome.INTERRUPTED


SMTP_ERRORS = (smtplib.SMTPException, OSError)


class Interrupted(Exception):
    """The mail server could not be reached or dropped the connection."""
