"""Real SMTP servers for the digest benchmark, that receive every message and count
its recipients, so that the benchmark can prove that each digest arrived once.

- `PostfixSink`: Postfix's `smtp-sink` (Debian: the postfix package; its service
  need not run), a C server that answers SMTP with next to no CPU. With `-D` it
  appends every mail transaction to a dump file, its envelope recipients as
  `X-Rcpt-Args:` lines before the message; the dump is kept in memory-backed
  /dev/shm where there is one and read as it grows.
- `AiosmtpdSink`: aiosmtpd (the test extra) in this process, where smtp-sink is
  not installed. It costs about 2.5 ms of this process's CPU per message, on the
  cores the workers need.
"""

import logging
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections import Counter

SMTP_SINK = "smtp-sink"
# Bytes of the dump read at a time.
CHUNK = 64 << 20
RECIPIENT = re.compile(rb"^X-Rcpt-Args: <([^>\r\n]*)>", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    """An SMTP server on 127.0.0.1 that accepts everything and counts recipients."""

    port: int

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}?timeout=60"

    def recipients(self) -> Counter:
        raise NotImplementedError

    def wait_for(self, count: int, timeout: float = 30) -> tuple[int, int]:
        """(messages received, recipients received more than once)."""
        deadline = time.monotonic() + timeout
        while True:
            recipients = self.recipients()
            received = sum(recipients.values())
            if received >= count or time.monotonic() > deadline:
                return received, sum(1 for n in recipients.values() if n > 1)
            time.sleep(0.2)

    def cpu_seconds(self) -> float | None:
        """CPU time the server used, if it is a process of its own."""
        return None


class PostfixSink(Sink):
    name = "Postfix smtp-sink"

    @staticmethod
    def available() -> bool:
        return shutil.which(SMTP_SINK, path=f"{os.environ.get('PATH', '')}:/usr/sbin") is not None

    def __init__(self) -> None:
        self.port = free_port()
        memory = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
        self.directory = tempfile.mkdtemp(prefix="digest-benchmark-", dir=memory)
        self.dump = os.path.join(self.directory, "transactions")
        self.counted: Counter = Counter()
        self.offset = 0
        self.rest = b""
        self.process: subprocess.Popen | None = None

    def start(self) -> "PostfixSink":
        command = shutil.which(SMTP_SINK, path=f"{os.environ.get('PATH', '')}:/usr/sbin")
        user = pwd.getpwuid(os.getuid()).pw_name
        # A fixed program with our own arguments; 256: the listen backlog.
        self.process = subprocess.Popen(  # noqa: S603
            [command, "-u", user, "-D", self.dump, f"127.0.0.1:{self.port}", "256"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("smtp-sink did not start")

    def recipients(self) -> Counter:
        """Every recipient received so far, read from where the last call stopped."""
        if not os.path.exists(self.dump):
            return self.counted
        with open(self.dump, "rb") as dump:
            dump.seek(self.offset)
            while chunk := dump.read(CHUNK):
                self.offset += len(chunk)
                data, self.rest = self.rest + chunk, b""
                # The end may be in the middle of a line (a transaction being written).
                cut = data.rfind(b"\n") + 1
                data, self.rest = data[:cut], data[cut:]
                self.counted.update(match.decode() for match in RECIPIENT.findall(data))
        return self.counted

    def cpu_seconds(self) -> float | None:
        if self.process is None:
            return None
        try:
            with open(f"/proc/{self.process.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            return None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.directory, ignore_errors=True)


class AiosmtpdSink(Sink):
    name = "aiosmtpd (in this process)"

    def __init__(self) -> None:
        try:
            from aiosmtpd.controller import Controller
        except ImportError as error:
            raise RuntimeError("aiosmtpd is not installed: pip install -e '.[test]'") from error

        # aiosmtpd logs every SMTP command at INFO: far too much for 100,000 messages.
        logging.getLogger("mail.log").setLevel(logging.WARNING)

        self.counted: Counter = Counter()
        self.lock = threading.Lock()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        with self.lock:
            self.counted.update(envelope.rcpt_tos)
        return "250 OK"

    def recipients(self) -> Counter:
        with self.lock:
            return Counter(self.counted)

    def start(self) -> "AiosmtpdSink":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()


def make_sink(kind: str) -> Sink:
    """`kind`: "smtp-sink", "aiosmtpd", or "auto" (smtp-sink where installed)."""
    if kind == "auto":
        kind = "smtp-sink" if PostfixSink.available() else "aiosmtpd"
    if kind == "smtp-sink":
        if not PostfixSink.available():
            raise RuntimeError("smtp-sink is not installed (Debian: apt-get install postfix).")
        return PostfixSink()
    return AiosmtpdSink()
