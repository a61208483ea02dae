"""Checking resources' links, and telling each organisation about its links that
do not work, once a month.

A check asks the link with HEAD (GET when a server refuses HEAD), with a timeout,
following at most five redirects, and stores what it answered (LinkCheck). Only
public internet addresses are asked: a link (or a redirect) to a private, loopback
or link-local address is recorded as refused without a request, so partners cannot
make the portal probe its own network. LINK_CHECK_PRIVATE_ADDRESSES turns that off
for an intranet install (and for the tests, whose server is on 127.0.0.1).

The monthly report lists, per organisation, its published resources whose link is
broken and those whose link has not been found working for a year, and emails it
to the organisation's editors (or its members when it has no editor). The
LinkReport row for the organisation and month is written in the transaction that
queues the emails, so a second run that month sends nothing.
"""

import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from outbox.emails import absolute_url, in_language, language_of, queue
from stakeholders.models import Membership, Organisation

from .models import LinkCheck, LinkReport, Resource

REPORT_TEMPLATE = "resource_links"
MAX_REDIRECTS = 5
# A link not found working for this long is reported even when no check failed.
UNCHECKED_AFTER = timedelta(days=365)


class RefusedAddress(Exception):
    """The link points where the portal does not send requests."""


def refuse_unsafe(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedAddress("not an http or https link")
    if settings.LINK_CHECK_PRIVATE_ADDRESSES:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as error:
        raise RefusedAddress(f"unknown host ({error})") from error
    for *_rest, sockaddr in addresses:
        if not ipaddress.ip_address(sockaddr[0]).is_global:
            raise RefusedAddress("not a public internet address")


class CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a safe address, and at most MAX_REDIRECTS times."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        refuse_unsafe(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def answer_of(url: str) -> int:
    """The HTTP status the link finally answers with."""
    opener = urllib.request.build_opener(CheckedRedirects)
    headers = {"User-Agent": f"{settings.SITE_NAME} link check ({settings.SITE_URL})"}
    status = 0
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
        try:
            with opener.open(request, timeout=settings.LINK_CHECK_TIMEOUT) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        # Some servers refuse HEAD but answer GET.
        if method == "HEAD" and status in (403, 405, 501):
            continue
        break
    return status


def check(resource: Resource) -> LinkCheck:
    """Ask the resource's link and record the answer."""
    now = timezone.now()
    status, problem = None, ""
    try:
        refuse_unsafe(resource.url)
        status = answer_of(resource.url)
    except RefusedAddress as error:
        problem = f"refused: {error}"
    except urllib.error.URLError as error:
        problem = str(error.reason)
    except (OSError, http.client.HTTPException, ValueError) as error:
        problem = str(error) or type(error).__name__
    fields = {"url": resource.url, "checked_at": now, "status_code": status, "error": problem[:200]}
    if not problem and status is not None and status < 400:
        fields["working_at"] = now
    link_check, _created = LinkCheck.objects.update_or_create(resource=resource, defaults=fields)
    return link_check


def due_for_check(now=None):
    """Published resources whose link was never checked, changed since, or checked
    longer ago than LINK_CHECK_EVERY_DAYS, oldest first."""
    now = now or timezone.now()
    stale = now - timedelta(days=settings.LINK_CHECK_EVERY_DAYS)
    return (
        Resource.objects.published()
        .filter(
            Q(link_check__isnull=True)
            | Q(link_check__checked_at__lt=stale)
            | ~Q(link_check__url=F("url"))
        )
        .order_by(F("link_check__checked_at").asc(nulls_first=True), "pk")
    )


def broken_links() -> Q:
    """The last check of the resource's current link failed."""
    return Q(link_check__url=F("url")) & (
        ~Q(link_check__error="")
        | Q(link_check__status_code__isnull=True)
        | Q(link_check__status_code__gte=400)
    )


def links_not_working_for_a_year(now) -> Q:
    year_ago = now - UNCHECKED_AFTER
    return Q(link_check__working_at__lt=year_ago) | Q(
        link_check__working_at__isnull=True, published_at__lt=year_ago
    )


@dataclass
class OrganisationLinks:
    organisation: Organisation
    broken: list[Resource] = field(default_factory=list)
    unchecked: list[Resource] = field(default_factory=list)


def links_to_report(now=None) -> list[OrganisationLinks]:
    now = now or timezone.now()
    resources = (
        Resource.objects.published()
        .filter(broken_links() | links_not_working_for_a_year(now))
        .select_related("organisation", "link_check")
        .order_by("organisation__name", "title")
    )
    found: dict[int, OrganisationLinks] = {}
    for resource in resources:
        entry = found.setdefault(resource.organisation_id, OrganisationLinks(resource.organisation))
        check_ = getattr(resource, "link_check", None)
        if check_ is not None and check_.url == resource.url and check_.is_broken:
            entry.broken.append(resource)
        else:
            entry.unchecked.append(resource)
    return list(found.values())


def recipients(organisation: Organisation) -> list:
    members = Membership.objects.approved().filter(organisation=organisation)
    editors = members.filter(role=Membership.Role.EDITOR)
    chosen = editors if editors.exists() else members
    return [m.user for m in chosen.select_related("user").order_by("pk") if m.user.email]


def report_to_organisations(today: date | None = None) -> int:
    """Email each organisation with links to fix, once a month; how many were told."""
    today = today or timezone.localdate()
    period = today.replace(day=1)
    told = 0
    for entry in links_to_report():
        try:
            with transaction.atomic():
                LinkReport.objects.create(
                    organisation=entry.organisation,
                    period=period,
                    broken=len(entry.broken),
                    unchecked=len(entry.unchecked),
                )
                for user in recipients(entry.organisation):
                    language = language_of(user)
                    with in_language(language):
                        queue(
                            REPORT_TEMPLATE,
                            user.email,
                            report_context(entry, user),
                            language=language,
                        )
        except IntegrityError:
            continue  # told already this month
        told += 1
    return told


def report_context(entry: OrganisationLinks, user) -> dict:
    def described(resource: Resource) -> dict:
        return {
            "title": resource.title,
            "url": resource.url,
            "check": getattr(resource, "link_check", None),
            "edit_url": absolute_url(reverse("contributions:resource-edit", args=[resource.slug])),
        }

    return {
        "organisation": entry.organisation,
        "recipient_name": user.get_full_name() or user.username,
        "broken": [described(resource) for resource in entry.broken],
        "unchecked": [described(resource) for resource in entry.unchecked],
    }
