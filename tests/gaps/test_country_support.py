"""Support for patients on country pages: patient organisations and organisations
that say they support patients, with their public contact details, which their
editors keep up to date (validated)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pathway.models import Country
from stakeholders.models import Organisation, StakeholderGroup, validate_phone
from tests.conftest import logged_in
from tests.stakeholders import test_membership_join

pytestmark = pytest.mark.django_db

editor = test_membership_join.editor  # an approved editor of `organisation` (Germany)


def make_organisation(name: str, group: str, country: str, **fields) -> Organisation:
    return Organisation.objects.create(
        name=name,
        slug=Organisation.objects.unique_slug(name),
        group=StakeholderGroup.objects.get(slug=group),
        country=Country.objects.get(code=country),
        verified=fields.pop("verified", True),
        **fields,
    )


def support_section(body: str) -> str:
    return body[body.index('id="support-heading"') : body.index('id="covered-heading"')]


def test_a_country_page_lists_its_support_organisations_with_their_contact_details(
    organisation, client
):
    organisation.public_email = "help@example.org"
    organisation.phone = "+49 (30) 1234-5678"
    organisation.save()
    make_organisation(
        "Navigator Service", "nurses-navigators", "DE", supports_patients=True, website=""
    )
    make_organisation("Lab Network", "pathologists-labs", "DE")
    make_organisation("Unverified Group", "patients-advocacy", "DE", verified=False)
    make_organisation("French Patients", "patients-advocacy", "FR")

    section = support_section(client.get("/countries/DE/").text)

    assert "Lung Patients Network" in section and "Navigator Service" in section
    assert "Lab Network" not in section
    assert "Unverified Group" not in section
    assert "French Patients" not in section
    assert '<a href="mailto:help@example.org">help@example.org</a>' in section
    assert '<a href="tel:+493012345678">+49 (30) 1234-5678</a>' in section
    assert 'href="/digest/subscribe/?country=DE"' in section


def test_a_country_without_support_organisations_says_so(client):
    section = support_section(client.get("/countries/PL/").text)

    assert "No patient organisation in Poland is on the portal yet." in section


@pytest.mark.parametrize(
    "phone", ["+44 20 7946 0123", "030/1234567", "(202) 555-0142", "+61.2.5550.1234"]
)
def test_telephone_numbers_as_people_write_them_are_valid(phone):
    assert validate_phone(phone) is None  # a refused number raises ValidationError


@pytest.mark.parametrize(
    "phone", ["12345", "call us", "+44 20 7946 0123 ext 5", "44+20 7946 0123", "1" * 16]
)
def test_other_telephone_numbers_are_refused(phone):
    with pytest.raises(ValidationError):
        validate_phone(phone)


def post_profile(editor, organisation, **fields):
    """The profile form as the editor sends it, with `fields` filled in."""
    data = {"group": organisation.group.pk, "country": "DE", "website": "https://example.org/lungs"}
    return logged_in(editor).post(
        reverse("stakeholders:edit", args=[organisation.slug]), {**data, **fields}
    )


def test_an_editor_sets_the_public_contact_details(editor, organisation, client):
    response = post_profile(
        editor,
        organisation,
        public_email="help@example.org",
        phone="+49 30 1234567",
        supports_patients="on",
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.public_email, organisation.phone) == ("help@example.org", "+49 30 1234567")
    assert organisation.supports_patients
    page = client.get(organisation.get_absolute_url()).text
    assert 'href="tel:+49301234567"' in page


def test_bad_contact_details_are_field_errors_and_nothing_is_lost(editor, organisation):
    response = post_profile(editor, organisation, public_email="not an address", phone="call us")

    assert response.status_code == 200
    body = response.text
    assert 'id="id_phone_error"' in body and 'id="id_public_email_error"' in body
    assert 'value="call us"' in body and 'value="not an address"' in body
    organisation.refresh_from_db()
    assert organisation.phone == "" and organisation.website == ""


def test_the_api_gives_the_public_contact_details(organisation, client):
    organisation.public_email, organisation.phone = "help@example.org", "+49 30 1234567"
    organisation.save()

    data = client.get(f"/api/v1/organisations/{organisation.slug}/").json()

    assert (data["public_email"], data["phone"], data["supports_patients"]) == (
        "help@example.org",
        "+49 30 1234567",
        False,
    )
