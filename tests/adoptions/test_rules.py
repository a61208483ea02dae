"""The adoption rules and state changes, on the model that pages and API share."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from adoptions.models import Adoption, AdoptionConflict
from outbox.models import OutgoingEmail
from pathway.models import Country

pytestmark = pytest.mark.django_db


def test_a_declaration_waits_for_the_owner_and_is_audited(declare, other_partner):
    adoption = declare()
    assert adoption.status == Adoption.Status.DECLARED
    assert adoption.from_country_id == "DE"
    event = adoption.events.get()
    assert (event.actor, event.from_status, event.to_status) == (other_partner, "", "declared")


def test_the_owners_members_are_told_in_their_language(declare, partner):
    partner.language = "de"
    partner.save()
    declare()
    email = OutgoingEmail.objects.get(to=partner.email)
    assert email.template == "adoption_declared"
    assert "Colorectal Alliance" in email.subject
    assert email.headers["Content-Language"] == "de"
    assert "/adoptions/" in email.text and "/adoptions/" in email.html
    assert "We want to run the same network in France." in email.text


def test_the_owner_accepting_shows_each_side_the_others_contacts(
    declare, partner, other_partner, third_partner, curator
):
    adoption = declare()
    assert adoption.contacts_for(partner) is None
    assert adoption.contacts_for(other_partner) is None
    adoption.accept(by=partner)
    adoption.refresh_from_db()
    assert adoption.status == Adoption.Status.AGREED and adoption.agreed_at
    owner_sees = adoption.contacts_for(partner)
    declarer_sees = adoption.contacts_for(other_partner)
    assert [p["email"] for p in owner_sees["people"]] == [other_partner.email]
    assert [p["email"] for p in declarer_sees["people"]] == [partner.email]
    assert adoption.contacts_for(third_partner) is None
    assert adoption.contacts_for(curator) is None
    assert OutgoingEmail.objects.filter(to=other_partner.email, template="adoption_agreed").exists()
    assert [e.to_status for e in adoption.events.all()] == ["declared", "agreed"]
    assert adoption.events.last().actor == partner


def test_only_the_owners_members_accept_and_only_the_declarers_withdraw(
    declare, partner, other_partner, third_partner
):
    adoption = declare()
    for user in (other_partner, third_partner):
        with pytest.raises(PermissionDenied):
            adoption.accept(by=user)
        with pytest.raises(PermissionDenied):
            adoption.decline(by=user)
    for user in (partner, third_partner):
        with pytest.raises(PermissionDenied):
            adoption.withdraw(by=user)
    adoption.refresh_from_db()
    assert adoption.status == Adoption.Status.DECLARED


def test_either_side_can_step_back_and_then_nothing_more_happens(declare, partner, other_partner):
    adoption = declare()
    adoption.accept(by=partner)
    adoption.withdraw(by=other_partner)
    assert adoption.status == Adoption.Status.WITHDRAWN
    assert adoption.contacts_for(partner) is None
    with pytest.raises(AdoptionConflict):
        adoption.accept(by=partner)
    second = declare()
    second.decline(by=partner)
    assert Adoption.objects.get(pk=second.pk).status == Adoption.Status.DECLINED
    assert not Adoption.objects.agreed().exists()


def test_a_second_standing_declaration_is_refused(declare):
    declare()
    with pytest.raises(ValidationError) as refused:
        declare(kind=Adoption.Kind.ADOPTED)
    assert "already declared" in str(refused.value.message_dict["initiative"])


def test_the_owners_own_organisation_cannot_declare(declare, partner, organisation):
    with pytest.raises(ValidationError) as refused:
        declare(by=partner, organisation=organisation, country=Country.objects.get(code="PL"))
    assert "own organisation" in refused.value.message_dict["organisation"][0]


def test_the_owners_country_is_refused_with_the_reason(declare):
    with pytest.raises(ValidationError) as refused:
        declare(country=Country.objects.get(code="DE"))
    assert "is based in Germany" in refused.value.message_dict["country"][0]


def test_only_published_initiatives_and_own_adaptations(
    declare, make_initiative, other_organisation
):
    draft = make_initiative("Not yet public")
    with pytest.raises(ValidationError) as refused:
        declare(initiative=draft)
    assert "initiative" in refused.value.message_dict
    someone_elses = make_initiative("Someone else's", status="published")
    with pytest.raises(ValidationError) as refused:
        declare(adapted_initiative=someone_elses)
    assert "adapted_initiative" in refused.value.message_dict
    own = make_initiative("Réseau", status="published", organisation=other_organisation)
    assert declare(adapted_initiative=own).adapted_initiative == own


def test_one_cannot_declare_for_an_organisation_one_does_not_act_for(declare, third_partner):
    with pytest.raises(ValidationError) as refused:
        declare(by=third_partner)
    assert "organisation" in refused.value.message_dict
    assert not Adoption.objects.exists()


def test_transfers_are_agreed_adoptions_of_published_initiatives(declare, partner, practice):
    adoption = declare()
    assert not Adoption.objects.agreed().exists()
    adoption.accept(by=partner)
    assert list(Adoption.objects.agreed().in_country("FR")) == [adoption]
    assert list(Adoption.objects.agreed().in_country("DE")) == [adoption]
    assert not Adoption.objects.agreed().in_country("PL").exists()
    practice.archive(by=partner)
    assert not Adoption.objects.agreed().exists()
