"""loaddemo's adoptions: one completed transfer with linked initiatives and one
declaration waiting, made through the model, and nothing more on a second run."""

import io

import pytest
from django.core.management import call_command

from adoptions.models import Adoption, AdoptionEvent

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_completed_transfer_and_a_pending_declaration():
    call_command("loaddemo", stdout=io.StringIO())
    transfer = Adoption.objects.agreed().get()
    assert (transfer.from_country_id, transfer.country_id) == ("NL", "NO")
    assert transfer.adapted_initiative.slug == "impress-norway"
    assert transfer.adapted_initiative.is_published
    assert transfer.contacts_for(transfer.declared_by)["people"]
    pending = Adoption.objects.get(status=Adoption.Status.DECLARED)
    assert pending.declared_by.username == "partner"
    assert pending.organisation.slug == "digestive-cancers-europe"

    call_command("loaddemo", stdout=io.StringIO())
    assert Adoption.objects.count() == 2
    assert AdoptionEvent.objects.count() == 3
