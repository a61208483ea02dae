"""The note a curator or editor writes goes with whichever decision they submit: it is
stored on the membership and sent to the person, on approval and verification too."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from outbox.models import OutgoingEmail
from stakeholders.models import Membership, Organisation
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db

NOTE = "Welcome & thanks: <b>Marta</b> will show you around."


class FormsOfPage(HTMLParser):
    """For each form: its action, the names of its fields, and its buttons' formactions."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action"), "fields": set(), "targets": set()})
            self._open = True
        elif self._open and tag in ("input", "textarea", "select") and attrs.get("name"):
            self.forms[-1]["fields"].add(attrs["name"])
        elif self._open and tag == "button":
            self.forms[-1]["targets"].add(attrs.get("formaction") or self.forms[-1]["action"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = False


def forms_submitting_to(html: str, url: str) -> list[dict]:
    parser = FormsOfPage()
    parser.feed(html)
    return [form for form in parser.forms if url in form["targets"]]


@pytest.fixture
def editor(organisation):
    user = make_user("editor")
    Membership.objects.create(
        user=user,
        organisation=organisation,
        role=Membership.Role.EDITOR,
        status=Membership.Status.APPROVED,
    )
    return user


@pytest.fixture
def proposed(patients_group) -> Organisation:
    return Organisation.objects.propose(
        by=make_user("proposer"), name="Rare Voices", group=patients_group
    )


def test_every_decision_button_submits_the_note(curator, pending_member, proposed):
    request_to_join = Membership.objects.get(user=pending_member)
    proposal = proposed.memberships.get()
    html = logged_in(curator).get(reverse("curation:memberships")).content.decode()

    for url in (
        reverse("curation:membership-approve", args=[request_to_join.pk]),
        reverse("curation:membership-decline", args=[request_to_join.pk]),
        reverse("curation:organisation-verify", args=[proposed.pk]),
        reverse("curation:membership-decline", args=[proposal.pk]),
    ):
        forms = forms_submitting_to(html, url)
        assert len(forms) == 1, url
        assert "note" in forms[0]["fields"], url


def test_editors_decision_buttons_submit_the_note(editor, organisation, pending_member):
    membership = Membership.objects.get(user=pending_member)
    html = logged_in(editor).get(organisation.get_members_url()).content.decode()

    for name in ("member-approve", "member-decline"):
        url = reverse(f"stakeholders:{name}", args=[organisation.slug, membership.pk])
        assert "note" in forms_submitting_to(html, url)[0]["fields"]


def assert_told(email: OutgoingEmail, template: str) -> None:
    assert email.template == template
    assert NOTE in email.text
    assert "Welcome &amp; thanks: &lt;b&gt;Marta&lt;/b&gt;" in email.html


def test_a_curator_approves_with_a_note(curator, pending_member):
    membership = Membership.objects.get(user=pending_member)

    response = logged_in(curator).post(
        reverse("curation:membership-approve", args=[membership.pk]), {"note": NOTE}
    )

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED
    assert membership.note == NOTE
    assert_told(OutgoingEmail.objects.get(), "membership_approved")


def test_an_editor_approves_with_a_note(editor, organisation, pending_member):
    membership = Membership.objects.get(user=pending_member)

    logged_in(editor).post(
        reverse("stakeholders:member-approve", args=[organisation.slug, membership.pk]),
        {"note": NOTE},
    )

    membership.refresh_from_db()
    assert (membership.status, membership.note) == (Membership.Status.APPROVED, NOTE)
    assert_told(OutgoingEmail.objects.get(), "membership_approved")


def test_a_decline_note_is_stored(curator, pending_member):
    membership = Membership.objects.get(user=pending_member)

    logged_in(curator).post(
        reverse("curation:membership-decline", args=[membership.pk]), {"note": NOTE}
    )

    membership.refresh_from_db()
    assert (membership.status, membership.note) == (Membership.Status.DECLINED, NOTE)


def test_the_note_survives_the_verify_confirmation(curator, proposed):
    membership = proposed.memberships.get()
    client = logged_in(curator)

    confirm = client.post(
        reverse("curation:membership-approve", args=[membership.pk]), {"note": NOTE}
    )
    verify_url = reverse("curation:organisation-verify", args=[proposed.pk])
    [form] = forms_submitting_to(confirm.content.decode(), verify_url)
    assert "note" in form["fields"]
    client.post(verify_url, {"note": NOTE})

    membership.refresh_from_db()
    assert (membership.status, membership.note) == (Membership.Status.APPROVED, NOTE)
    assert_told(OutgoingEmail.objects.get(), "organisation_verified")


def test_an_overlong_approval_note_changes_nothing(curator, pending_member):
    membership = Membership.objects.get(user=pending_member)

    response = logged_in(curator).post(
        reverse("curation:membership-approve", args=[membership.pk]), {"note": "x" * 1001}
    )

    assert response.status_code == 200
    assert "Ensure this value has at most 1000 characters" in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    assert not OutgoingEmail.objects.exists()
