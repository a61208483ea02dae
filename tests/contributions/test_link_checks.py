"""Resources' links are checked (a local HTTP server here, never the internet) and
each organisation is told about its links to fix, once a month."""

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from contributions import linkcheck
from contributions.models import LinkCheck, LinkReport, Resource
from contributions.tasks import check_resource_links, report_resource_links
from outbox.models import OutgoingEmail
from stakeholders.models import Membership

from ..conftest import make_user

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []

    def answer(self) -> None:
        Handler.requests.append((self.command, self.path))
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path in ("/ok", "/no-head"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def local_links(settings):
    settings.LINK_CHECK_PRIVATE_ADDRESSES = True
    settings.LINK_CHECK_TIMEOUT = 5


def resource_at(make_resource, title: str, url: str) -> Resource:
    resource = make_resource(title, "published")
    Resource.objects.filter(pk=resource.pk).update(url=url)
    resource.refresh_from_db()
    return resource


@pytest.mark.parametrize(
    ("path", "status", "working"),
    [("/ok", 200, True), ("/gone", 404, False), ("/moved", 200, True), ("/no-head", 200, True)],
)
def test_a_check_records_what_the_link_answers(
    local_links, server, make_resource, path, status, working
):
    resource = resource_at(make_resource, "Guide", server + path)
    check = linkcheck.check(resource)
    assert (check.status_code, check.error, check.is_broken) == (status, "", not working)
    assert (check.working_at is not None) is working
    assert check.url == resource.url


def test_a_server_refusing_head_is_asked_with_get(local_links, server, make_resource):
    linkcheck.check(resource_at(make_resource, "Guide", server + "/no-head"))
    assert Handler.requests == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_an_unreachable_link_is_broken(local_links, make_resource):
    check = linkcheck.check(resource_at(make_resource, "Guide", "http://127.0.0.1:9/x"))
    assert check.status_code is None
    assert check.error
    assert check.is_broken


def test_private_addresses_are_never_asked_by_default(server, make_resource):
    check = linkcheck.check(resource_at(make_resource, "Guide", server + "/ok"))
    assert check.error == "refused: not a public internet address"
    assert Handler.requests == []


def test_a_redirect_to_a_private_address_is_refused(settings, server, make_resource):
    assert settings.LINK_CHECK_PRIVATE_ADDRESSES is False
    with pytest.raises(linkcheck.RefusedAddress):
        linkcheck.CheckedRedirects().redirect_request(None, None, 302, "", {}, server + "/ok")
    with pytest.raises(linkcheck.RefusedAddress):
        linkcheck.refuse_unsafe("file:///etc/passwd")


def test_the_task_checks_due_links_oldest_first_and_skips_fresh_ones(
    local_links, server, make_resource
):
    fresh = resource_at(make_resource, "Fresh", server + "/ok")
    old = resource_at(make_resource, "Old", server + "/ok")
    never = resource_at(make_resource, "Never", server + "/gone")
    draft = make_resource("Draft")
    linkcheck.check(fresh)
    linkcheck.check(old)
    LinkCheck.objects.filter(resource=old).update(checked_at=timezone.now() - timedelta(days=40))
    Handler.requests = []

    assert check_resource_links(limit=10) == 2
    assert Handler.requests == [("HEAD", "/gone"), ("HEAD", "/ok")]
    assert LinkCheck.objects.get(resource=never).status_code == 404
    assert not LinkCheck.objects.filter(resource=draft).exists()
    assert check_resource_links(limit=10) == 0


def test_a_changed_link_is_checked_again(local_links, server, make_resource):
    resource = resource_at(make_resource, "Guide", server + "/gone")
    linkcheck.check(resource)
    Resource.objects.filter(pk=resource.pk).update(url=server + "/ok")
    assert check_resource_links() == 1
    assert LinkCheck.objects.get(resource=resource).status_code == 200


@pytest.fixture
def editor(organisation):
    user = make_user("editor")
    Membership.objects.create(
        user=user,
        organisation=organisation,
        status=Membership.Status.APPROVED,
        role=Membership.Role.EDITOR,
    )
    return user


def test_editors_are_told_about_broken_and_year_old_links_once_a_month(
    local_links, server, make_resource, partner, editor
):
    broken = resource_at(make_resource, "Broken guide", server + "/gone")
    working = resource_at(make_resource, "Working guide", server + "/ok")
    unchecked = resource_at(make_resource, "Old toolkit", server + "/ok")
    for resource in (broken, working, unchecked):
        linkcheck.check(resource)
    LinkCheck.objects.filter(resource=unchecked).update(
        working_at=timezone.now() - timedelta(days=400), error="timed out", status_code=None
    )
    Resource.objects.filter(pk=unchecked.pk).update(url=server + "/ok?new")

    assert report_resource_links() == 1
    email = OutgoingEmail.objects.get(template="resource_links")
    assert email.to == editor.email  # editors, not every member
    assert email.subject == "Links to check in Lung Patients Network's resources"
    for part in (email.text, email.html):
        assert "Broken guide" in part
        assert "The site answered with error 404." in part
        assert "Old toolkit" in part
        assert "Working guide" not in part
        assert f"/resources/{broken.slug}/edit/" in part
    assert email.text.index("Broken guide") < email.text.index("Links not found working")
    assert email.text.index("Old toolkit") > email.text.index("Links not found working")

    assert report_resource_links() == 0
    assert OutgoingEmail.objects.filter(template="resource_links").count() == 1
    report = LinkReport.objects.get()
    assert (report.broken, report.unchecked) == (1, 1)
    assert report.period == timezone.localdate().replace(day=1)


def test_members_are_told_when_the_organisation_has_no_editor(
    local_links, server, make_resource, partner
):
    linkcheck.check(resource_at(make_resource, "Broken guide", server + "/gone"))
    assert report_resource_links() == 1
    assert OutgoingEmail.objects.get(template="resource_links").to == partner.email


def test_a_resource_published_recently_and_never_checked_is_not_reported(make_resource, partner):
    make_resource("New guide", "published")
    assert report_resource_links() == 0
