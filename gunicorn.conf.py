"""Gunicorn settings for production (`gunicorn -c gunicorn.conf.py ft3portal.wsgi`).

Every value can be overridden on the command line or with GUNICORN_CMD_ARGS.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")

# Threaded workers (gthread): a few threads per process. Chosen by measurement
# (README, "Performance"): with the page cache most answers take a millisecond or
# two and wait on Redis or the database, so threads keep the CPU busy where sync
# workers sat idle; and the arbiter's heartbeat runs beside the threads, so a long
# streamed download (the CSV of 100,000 items) is not killed as a hung worker
# after `timeout`, which a sync worker, silent for the whole request, would be.
# Slow clients are taken away by the buffering reverse proxy in front (nginx,
# docker-compose.yml). Django's ORM and psycopg2 are thread-safe per connection:
# each thread has its own (persistent, CONN_MAX_AGE) connection. Gunicorn's advice
# for the process count is 2 x cores + 1.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Load the portal once in the arbiter, before forking: a new worker (after
# max_requests, or a crash) starts warm instead of importing everything again,
# which took seconds per worker on a busy machine.
preload_app = True

# A worker that stops answering the arbiter for this long is killed and replaced;
# graceful shutdown gives requests in flight as long.
timeout = 30
graceful_timeout = 30
# Only the proxy connects, over keep-alive connections of its own.
keepalive = 5

# Workers are replaced after this many requests, staggered by the jitter so that
# they do not all restart at once: a leak costs a restart, not the machine.
max_requests = 1000
max_requests_jitter = 100

# Access log on stdout with the time taken (microseconds), errors on stderr.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)sus'

# Heartbeat files in memory, not on a container's overlay filesystem, where a slow
# disk can make the arbiter think a healthy worker hung.
if os.path.isdir("/dev/shm"):  # noqa: S108
    worker_tmp_dir = "/dev/shm"  # noqa: S108
