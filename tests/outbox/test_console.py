"""In development emails are printed to the console, where a developer copies the
links out of them (a digest confirmation, an account verification)."""

import pytest

from digests.models import Subscription
from outbox.models import OutgoingEmail
from outbox.tasks import send_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def console(settings):
    settings.MAILERS = {"default": {"BACKEND": "outbox.backends.ConsoleBackend"}}


def test_a_long_link_is_printed_whole_on_one_line(console, capsys):
    Subscription.objects.create(email="reader@example.org", frequency="weekly").send_confirmation()
    row = OutgoingEmail.objects.get(template="subscription_confirm")
    [link] = [line for line in row.text.splitlines() if "/digest/confirm/" in line]
    assert len(link) > 76  # longer than a quoted-printable line

    send_email(row.pk)

    printed = capsys.readouterr().out.splitlines()
    assert link in printed
    assert any(f'href="{link}"' in line for line in printed)
    assert "Content-Transfer-Encoding: quoted-printable" not in printed
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
