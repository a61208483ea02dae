"""The contact form: stored, curators told, the sender sent a copy in their
language, limited per client address and per sender address."""

import pytest
from django.test import Client
from django.urls import reverse

from outbox.models import OutgoingEmail
from sitepages.models import ContactMessage
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "Marta Nowak",
    "email": "marta@example.org",
    "topic": "content",
    "message": "The page on testing says NGS panels are rare in Poland; that changed in 2025.",
}


def send(client, url: str = "/contact/", **changes):
    return client.post(url, {**MESSAGE, **changes})


def test_a_message_is_stored_and_the_sender_sees_a_thank_you_page(client):
    response = send(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("sitepages:contact-sent")
    stored = ContactMessage.objects.get()
    assert (stored.name, stored.email, stored.topic) == (
        "Marta Nowak",
        "marta@example.org",
        "content",
    )
    assert stored.message == MESSAGE["message"]
    assert stored.language == "en"
    assert stored.user is None
    assert "your message is sent" in client.get(response["Location"]).text


def test_every_curator_is_told_and_can_reply_to_the_sender(client, curator, partner):
    send(client)

    [notice] = OutgoingEmail.objects.filter(template="contact_received")
    assert notice.to == curator.email
    assert notice.headers["Reply-To"] == "marta@example.org"
    assert (
        notice.subject
        == "Contact form: A mistake or missing information in the content — from Marta Nowak"
    )
    for part in (notice.text, notice.html):
        assert "NGS panels are rare in Poland" in part
        assert "marta@example.org" in part
    stored = ContactMessage.objects.get()
    assert f"/admin/sitepages/contactmessage/{stored.pk}/change/" in notice.text
    assert not OutgoingEmail.objects.filter(template="contact_received", to=partner.email)


def test_the_sender_gets_a_copy_in_the_language_of_the_page(client, curator):
    curator.language = "de"
    curator.save()

    send(client, "/pl/contact/")

    [copy] = OutgoingEmail.objects.filter(template="contact_copy")
    assert copy.to == "marta@example.org"
    assert copy.headers["Content-Language"] == "pl"
    assert "Marta Nowak" in copy.text and "NGS panels are rare in Poland" in copy.html
    assert "Temat" in copy.text  # "Topic" in Polish
    [notice] = OutgoingEmail.objects.filter(template="contact_received")
    assert notice.headers["Content-Language"] == "de"


def test_a_form_with_mistakes_keeps_what_was_typed_and_names_each_field(client):
    response = send(client, email="not-an-address", topic="", message=" \x00 ")

    assert response.status_code == 400
    assert not ContactMessage.objects.exists()
    assert not OutgoingEmail.objects.exists()
    page = response.text
    assert 'id="id_email_error"' in page and 'id="id_topic_error"' in page
    assert 'id="id_message_error"' in page
    assert 'value="Marta Nowak"' in page and 'value="not-an-address"' in page


def test_a_message_over_its_maximum_is_refused_on_the_field(client):
    response = send(client, message="x" * 5001)

    assert response.status_code == 400
    assert 'id="id_message_error"' in response.text
    assert not ContactMessage.objects.exists()


def test_one_address_may_send_three_messages_an_hour(client):
    for n in range(3):
        assert send(client, message=f"Message {n}").status_code == 302

    refused = send(client, message="The fourth message, kept on the page.")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "several messages in a short time" in refused.text
    assert "The fourth message, kept on the page." in refused.text
    assert ContactMessage.objects.count() == 3
    # Another sender from another address is not held back.
    assert send(Client(REMOTE_ADDR="10.0.0.9"), email="someone@example.org").status_code == 302


def test_one_client_address_may_send_five_messages_an_hour(client):
    for n in range(5):
        assert send(client, email=f"sender{n}@example.org").status_code == 302

    refused = send(client, email="sender5@example.org")

    assert refused.status_code == 429
    assert ContactMessage.objects.count() == 5
    assert OutgoingEmail.objects.filter(template="contact_copy").count() == 5


def test_a_signed_in_person_finds_their_name_and_address_filled_in(partner):
    client = logged_in(partner)
    page = client.get("/contact/").text
    assert f'value="{partner.email}"' in page

    send(client, email=partner.email)

    assert ContactMessage.objects.get().user == partner


def test_the_accessibility_statement_links_to_the_form_with_the_topic_chosen(client):
    page = client.get("/contact/?topic=accessibility").text
    assert page.count("checked") == 1
    assert 'value="accessibility" required id="id_topic_4" checked' in page
