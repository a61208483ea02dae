"""Abuse limits: how often one client, person or address may do something.

Each limit counts in the cache (Redis in production, shared by every process) with
one atomic increment per attempt, in a fixed window of `period` seconds: the count's
key names its window and expires after it, so concurrent requests are counted one
after the other and a lost expiry never carries a count into the next window. At
most `count` attempts pass per window (so at most twice `count` across the boundary
of two windows).

The limits fail open: when the cache cannot be reached (core.cache answers as an
empty cache) or a count vanished between its creation and its increment, the attempt
is let through and not counted. Losing Redis then costs the limits, never the site.

Client addresses honour TRUSTED_PROXY_COUNT, the same setting allauth's rate limits
and DRF's throttles read: behind N proxies, the Nth address from the right of
X-Forwarded-For (the one the nearest trusted proxy saw); with 0, REMOTE_ADDR.
"""

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@dataclass(frozen=True)
class Limit:
    """At most `count` attempts at `scope` per `period` seconds for one key."""

    scope: str
    count: int
    period: int

    def hit(self, key: str) -> int | None:
        """Count an attempt for `key`: None if it may go ahead, else the seconds
        until the window ends and it may try again."""
        now = time.time()
        window = int(now // self.period)
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        cache_key = f"limit:{self.scope}:{self.count}/{self.period}:{digest}:{window}"
        cache.add(cache_key, 0, timeout=self.period + 60)
        try:
            attempts = cache.incr(cache_key)
        except ValueError:
            return None  # fail open: the cache is unreachable, or the count just expired
        if attempts <= self.count:
            return None
        return max(1, math.ceil((window + 1) * self.period - now))


def client_address(request: HttpRequest) -> str:
    """The client's IP address as seen by the nearest trusted proxy; IPv6 clients
    are counted by their /64, which one subscriber line usually holds whole."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        # Fewer hops than proxies: the header was not written by our proxies.
        if len(hops) >= proxies:
            address = hops[-proxies]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64] or "unknown"
    if parsed.version == 6:
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def refused_form(
    request: HttpRequest, template: str, form: Form, reason: str, wait: int
) -> HttpResponse:
    """A form refused by a limit: shown again as it was sent, so nothing typed is
    lost, with the reason above it; 429 with Retry-After."""
    form.add_error(None, reason)
    response = render(request, template, {"form": form}, status=429)
    response["Retry-After"] = str(wait)
    return response
