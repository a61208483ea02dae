"""Gunicorn settings for production (`gunicorn -c gunicorn.conf.py ft3portal.wsgi`).

Every value can be overridden on the command line or with GUNICORN_CMD_ARGS.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")

# Sync workers: one request per process, the simplest model and the one Django's
# ORM and psycopg2 assume (no monkey-patching). Their weakness, a slow client
# holding a worker while it trickles its request or reads the response, is taken
# away by the buffering reverse proxy in front (nginx, docker-compose.yml): it reads
# whole requests before passing them on and takes responses at once. What is left
# waiting inside a request is bounded by timeouts: the database's, and Redis's
# (settings.REDIS_TIMEOUT). Gunicorn's own advice for the CPU-bound case is
# 2 x cores + 1 workers.
worker_class = "sync"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))

# A request running longer than this is killed, its worker replaced: a page
# should never take it. Graceful shutdown gives requests in flight as long.
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
