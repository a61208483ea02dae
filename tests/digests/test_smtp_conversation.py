"""The SMTP conversation of a digest (digests/mailing.py): MAIL, RCPT and DATA sent
together where the server advertises PIPELINING and one at a time where it does
not, addresses quoted and dots doubled as smtplib does it."""

import smtplib

import pytest

from digests.mailing import dot_stuffed, quote_address, sendmail

from .smtp import SMTPServer

MESSAGE = b"Subject: Hello\r\n\r\n.A line with a dot\r\nAnd one without\r\n..two\r\n"


@pytest.mark.parametrize(
    "address",
    [
        "reader@example.org",
        "Reader.Name+digest@sub.example.org",
        "o'hara!#$%&*/=?^_`{|}~-@example-lab.org",
        '"quoted name"@example.org',
        "Reader <reader@example.org>",
        "reader@[127.0.0.1]",
        ".leading@example.org",
        "double..dot@example.org",
        "trailing@example.org.",
    ],
)
def test_addresses_are_quoted_as_smtplib_quotes_them(address):
    assert quote_address(address) == smtplib.quoteaddr(address)


def test_lines_that_begin_with_a_dot_get_another_and_the_data_ends_with_a_dot_line():
    assert dot_stuffed(MESSAGE) == (
        b"Subject: Hello\r\n\r\n..A line with a dot\r\nAnd one without\r\n...two\r\n.\r\n"
    )
    assert dot_stuffed(b"no final line break") == b"no final line break\r\n.\r\n"


def conversation(server: SMTPServer, monkeypatch) -> list[str]:
    """What the client does, in order: "send" for each write, "reply" for each
    reply read, while sending MESSAGE to reader@example.org."""
    steps = []
    send, getreply = smtplib.SMTP.send, smtplib.SMTP.getreply
    smtp = smtplib.SMTP("127.0.0.1", server.port, timeout=5)
    smtp.ehlo()

    def recorded_send(self, data):
        steps.append("send")
        return send(self, data)

    def recorded_reply(self):
        steps.append("reply")
        return getreply(self)

    monkeypatch.setattr(smtplib.SMTP, "send", recorded_send)
    monkeypatch.setattr(smtplib.SMTP, "getreply", recorded_reply)
    sendmail(smtp, "digest@example.org", "reader@example.org", MESSAGE)
    monkeypatch.undo()
    smtp.quit()
    return steps


@pytest.fixture
def server(request):
    server = SMTPServer(pipelining=request.param).start()
    yield server
    server.stop()


@pytest.mark.parametrize("server", [True], indirect=True)
def test_with_pipelining_mail_rcpt_and_data_go_out_before_their_replies(server, monkeypatch):
    steps = conversation(server, monkeypatch)

    # Two round trips: the three commands, then the message.
    assert steps == ["send", "reply", "reply", "reply", "send", "reply"]
    [received] = server.received
    assert received.to == "reader@example.org"
    assert received.raw.replace(b"\r\n", b"\n") == MESSAGE.replace(b"\r\n", b"\n")


@pytest.mark.parametrize("server", [False], indirect=True)
def test_without_pipelining_each_command_waits_for_its_reply(server, monkeypatch):
    steps = conversation(server, monkeypatch)

    assert steps == ["send", "reply"] * 4
    [received] = server.received
    assert received.raw.replace(b"\r\n", b"\n") == MESSAGE.replace(b"\r\n", b"\n")
