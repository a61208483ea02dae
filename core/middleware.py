"""The time budget of a web request.

gunicorn kills a sync worker that takes longer than its timeout (30 s), which the
client sees as a 502 and the logs as a crash. The database work of a request, where
a slow request spends its time, gets a budget well below that, REQUEST_DB_TIMEOUT
seconds:

- on PostgreSQL each statement of a web process's connections may run that long
  (`SET statement_timeout` when the connection opens: one statement per connection,
  not per request; Celery workers and management commands load no middleware and
  keep no limit);
- on SQLite a progress handler stops any statement once the request has run that
  long.

A request stopped this way answers 503 with Retry-After (the API in its error
shape, see core.api_errors), never a 500, and is logged with its path. Any request
slower than SLOW_REQUEST_SECONDS is logged too.
"""

import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import OperationalError, connection
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# PostgreSQL's code for a statement cancelled by statement_timeout.
QUERY_CANCELED = "57014"
# SQLite's message for a statement its progress handler stopped.
SQLITE_INTERRUPTED = "interrupted"
# SQLite calls the progress handler every this many virtual machine instructions.
SQLITE_PROGRESS_STEPS = 10_000
RETRY_AFTER_SECONDS = 30

# When the current request's database work must stop (time.monotonic()), if any.
deadline: ContextVar[float | None] = ContextVar("request_deadline", default=None)


def over_budget(error: BaseException) -> bool:
    """Whether `error` is a statement stopped by the request's time budget."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if getattr(cause, "pgcode", None) == QUERY_CANCELED:
        return True
    return connection.vendor == "sqlite" and str(error) == SQLITE_INTERRUPTED


def sqlite_progress() -> int:
    """Non-zero stops the running statement: past the request's deadline."""
    until = deadline.get()
    return int(until is not None and time.monotonic() > until)


def limit_statements(sender, connection, **kwargs) -> None:
    """Put a new connection of a web process under the time budget."""
    if connection.vendor == "postgresql":
        milliseconds = max(1, int(settings.REQUEST_DB_TIMEOUT * 1000))
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [milliseconds])
    elif connection.vendor == "sqlite":
        connection.connection.set_progress_handler(sqlite_progress, SQLITE_PROGRESS_STEPS)


class RequestBudgetMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response
        # Only processes that serve requests load middleware, so only their
        # connections are limited.
        connection_created.connect(limit_statements, dispatch_uid="core.request_budget")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        token = deadline.set(started + settings.REQUEST_DB_TIMEOUT)
        if connection.vendor == "sqlite" and connection.connection is not None:
            # A connection opened before this middleware loaded (a test's).
            connection.connection.set_progress_handler(sqlite_progress, SQLITE_PROGRESS_STEPS)
        try:
            response = self.get_response(request)
        finally:
            deadline.reset(token)
        elapsed = time.monotonic() - started
        if elapsed > settings.SLOW_REQUEST_SECONDS:
            logger.warning(
                "Slow request: %s %s took %.1f s (status %s)",
                request.method,
                request.path,
                elapsed,
                response.status_code,
            )
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not over_budget(exception):
            return None
        return budget_exceeded(request)


def log_over_budget(request: HttpRequest) -> None:
    logger.warning(
        "Request over its time budget of %s s: %s %s",
        settings.REQUEST_DB_TIMEOUT,
        request.method,
        request.path,
    )


def budget_exceeded(request: HttpRequest) -> HttpResponse:
    """The page for a request stopped by its time budget (logged)."""
    log_over_budget(request)
    # Rendered without the request: nothing in it needs the database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
