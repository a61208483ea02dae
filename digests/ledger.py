"""The delivery row's own transaction around each message (the protocol is in
sending.py's docstring): take the row with a locking statement that re-checks that
it is still unsent and still wanted, send, mark how it went and count the attempt,
COMMIT.

Two ways of running the same statements in the same transactions:

- `AtomicLedger`: `transaction.atomic()` around each message, so BEGIN, the take,
  the mark and COMMIT are four round trips to the database. On SQLite, and
  wherever the caller is already in a transaction (each message is then a
  savepoint of the caller's).
- `ChainedLedger`: on PostgreSQL with the connection in autocommit, as a worker's
  is. PostgreSQL runs the statements of one query string in order, and a BEGIN
  among them opens a transaction that lasts past the end of the string (the
  protocol's "multiple statements in a simple query"). So one round trip carries
  the mark and COMMIT of one message with the BEGIN and take of the next; the last
  COMMIT goes when the batch ends. Each message still has its own transaction and
  its row is locked from its take to its COMMIT; between the mail server's
  "250 OK" and our COMMIT there is one round trip where there were two, so the
  instant in which a crash can cause a duplicate is no longer than it was. A row's
  mark waits, uncommitted and holding only that row, while the next row is taken.
  Its statements are prepared once per connection (`prepare_statements`).

The COMMIT does not wait for the disk (`synchronous_commit` off for these
transactions alone): see "Exactly once" in sending.py.
"""

import functools
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime

from django.db import DatabaseError, Error, connection, transaction

from .mailing import MAX_ATTEMPTS
from .models import DigestDelivery, Subscription

SENDABLE = (DigestDelivery.Status.CLAIMED, DigestDelivery.Status.FAILED)


# Server-side prepared statements of a chained ledger, by what they do.
PREPARED = {"take": "digest_take", "mark": "digest_mark", "refuse": "digest_refuse"}


@functools.cache
def statements() -> dict[str, str]:
    """The statements run for every message, written out once: at 100,000
    messages a run, compiling them through the ORM costs more than running them.

    The take only locks the row and re-checks it; the mark records the attempt
    with its outcome. Counting the attempt in the take would write the row twice
    in one transaction, and a transaction that does not commit counts nothing
    either way. PostgreSQL locks with SELECT … FOR UPDATE, which re-checks the
    row as an UPDATE does after waiting for another holder's COMMIT but writes no
    new version of it (a quarter of the database's CPU per message). SQLite has
    no row locks: there the take is an UPDATE that changes nothing, which takes
    the database's write lock."""
    quote = connection.ops.quote_name
    delivery = quote(DigestDelivery._meta.db_table)
    subscription = quote(Subscription._meta.db_table)
    # Table names from the models, every value a parameter.
    wanted = (
        "WHERE id = %s AND status IN (%s, %s) AND attempts < %s "  # noqa: S608
        "AND (retry_at IS NULL OR retry_at <= %s) AND subscription_id IN "
        f"(SELECT id FROM {subscription} WHERE id = %s AND unsubscribed_at IS NULL "
        "AND refused_at IS NULL AND paused = %s)"
    )
    if connection.vendor == "postgresql":
        take = f"SELECT 1 FROM {delivery} {wanted} FOR UPDATE OF {delivery}"  # noqa: S608
    else:
        take = f"UPDATE {delivery} SET attempts = attempts {wanted}"  # noqa: S608
    return {
        "take": take,
        "mark": (
            f"UPDATE {delivery} SET status = %s, attempts = attempts + 1, "  # noqa: S608
            "claimed_at = %s, sent_at = %s, last_error = %s, retry_at = %s WHERE id = %s"
        ),
        "refuse": (
            f"UPDATE {subscription} SET refused_at = %s "  # noqa: S608
            "WHERE id = %s AND refused_at IS NULL"
        ),
    }


@functools.cache
def executions() -> dict[str, str]:
    """The statements as EXECUTEs of the chained ledger's prepared statements."""
    return {
        name: f"EXECUTE {PREPARED[name]}({', '.join(['%s'] * sql.count('%s'))})"
        for name, sql in statements().items()
    }


def prepare_statements(cursor) -> None:
    """Prepare the statements on this connection (PostgreSQL) unless done: the
    database then parses and plans them once per connection instead of once per
    message, which halves its CPU per message."""
    cursor.execute(
        "SELECT name FROM pg_prepared_statements WHERE name = ANY(%s)", [list(PREPARED.values())]
    )
    done = {name for (name,) in cursor.fetchall()}
    for name, sql in statements().items():
        if PREPARED[name] not in done:
            numbered = sql.split("%s")
            cursor.execute(
                f"PREPARE {PREPARED[name]} AS "
                + "".join(f"{part}${n}" for n, part in enumerate(numbered[:-1], 1))
                + numbered[-1]
            )


def take_parameters(delivery_id: int, subscription_id: int, now: datetime) -> list:
    return [delivery_id, *SENDABLE, MAX_ATTEMPTS, now, subscription_id, False]


def mark_statements(
    delivery_id: int,
    subscription_id: int,
    status: str,
    claimed_at: datetime,
    sent_at: datetime | None,
    error: str,
    retry_at: datetime | None,
    refused_at: datetime | None,
    prepared: bool = False,
) -> list[tuple[str, list]]:
    """The statements recording how a message went: its row's status and attempt,
    and the subscription's refused address (a 5xx reply to RCPT)."""
    sql = executions() if prepared else statements()
    found = [(sql["mark"], [status, claimed_at, sent_at, error, retry_at, delivery_id])]
    if refused_at is not None:
        found.append((sql["refuse"], [refused_at, subscription_id]))
    return found


class AtomicLedger:
    """One `transaction.atomic()` per message."""

    def __init__(self) -> None:
        self.cursor = connection.cursor()

    @contextmanager
    def message(self, delivery_id: int, subscription_id: int, now: datetime) -> Iterator[bool]:
        """Take the row for the block (True), or find it done (False)."""
        take = statements()["take"]
        if connection.vendor == "postgresql":
            take = "SET LOCAL synchronous_commit TO OFF; " + take
        with transaction.atomic():
            self.cursor.execute(take, take_parameters(delivery_id, subscription_id, now))
            yield self.cursor.rowcount == 1

    def mark(self, *args, **kwargs) -> None:
        """Record how the message went (mark_statements' arguments), in its
        transaction."""
        for sql, parameters in mark_statements(*args, **kwargs):
            self.cursor.execute(sql, parameters)

    def commit(self) -> None:
        """Every message's transaction is over when its block ends."""

    def close(self) -> None:
        self.cursor.close()


class ChainedLedger:
    """Each message's COMMIT sent with the next message's BEGIN (module docstring)."""

    def __init__(self) -> None:
        self.cursor = connection.cursor()
        prepare_statements(self.cursor)
        # Statements that end the open transaction, sent before its COMMIT.
        self.pending: list[tuple[str, list]] = []
        self.open = False

    @contextmanager
    def message(self, delivery_id: int, subscription_id: int, now: datetime) -> Iterator[bool]:
        sql, parameters = self.ending()
        sql.append("BEGIN; SET LOCAL synchronous_commit TO OFF; " + executions()["take"])
        parameters += take_parameters(delivery_id, subscription_id, now)
        self.run(sql, parameters)
        self.open = True
        try:
            yield self.cursor.rowcount == 1
        except BaseException:
            self.rollback()
            raise

    def mark(self, *args, **kwargs) -> None:
        """Record how the message went; committed with the next message's take,
        or by commit()."""
        self.pending += mark_statements(*args, **kwargs, prepared=True)

    def commit(self) -> None:
        """Commit the open transaction, if any (before other statements run on
        this connection, and at the end of the batch)."""
        if self.open:
            self.run(*self.ending())

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self.cursor.close()

    def ending(self) -> tuple[list[str], list]:
        """The statements that finish the open transaction and COMMIT it."""
        sql, parameters = [], []
        for statement, values in self.pending:
            sql.append(statement)
            parameters += values
        if self.open:
            sql.append("COMMIT")
        self.pending = []
        self.open = False
        return sql, parameters

    def run(self, sql: list[str], parameters: list) -> None:
        try:
            self.cursor.execute("; ".join(sql), parameters)
        except DatabaseError:
            # A failed statement aborts the transaction that the string opened.
            self.rollback()
            raise

    def rollback(self) -> None:
        self.pending = []
        self.open = False
        # If the connection is gone, the transaction went with it.
        with suppress(Error):
            self.cursor.execute("ROLLBACK")


@contextmanager
def ledger(chained: bool = True) -> Iterator[AtomicLedger | ChainedLedger]:
    """The ledger for this connection: chained on PostgreSQL outside a transaction
    (unless `chained` is false: then nothing else may use the connection between
    messages), atomic otherwise. Whatever it holds is committed on leaving."""
    chained = (
        chained
        and connection.vendor == "postgresql"
        and connection.get_autocommit()
        and not connection.in_atomic_block
    )
    found = ChainedLedger() if chained else AtomicLedger()
    try:
        yield found
    finally:
        found.close()
