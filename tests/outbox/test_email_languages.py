"""Every email in its recipient's language: subject, both parts, the message's
language (Content-Language, the HTML part's lang) and its links, reversed under
that language. Users and subscriptions keep the language they were made in and
change it on their own pages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import CURATORS_GROUP, User
from curation.tasks import send_curator_summary
from digests.models import Subscription
from outbox.emails import language_of
from outbox.models import OutgoingEmail
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def path_in(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def assert_written_in(email: OutgoingEmail, language: str) -> None:
    assert email.headers["Content-Language"] == language
    assert f'<html lang="{language}" dir="ltr">' in email.html


def test_curation_emails_go_to_each_person_in_their_language(
    make_resource, partner, curator, organisation
):
    partner.language = "pl"
    partner.save()
    item = make_resource("Guide", "submitted")
    type(item).objects.filter(pk=item.pk).update(submitted_by=partner)
    item.refresh_from_db()

    item.publish(by=curator)

    email = OutgoingEmail.objects.get(to=partner.email)
    assert_written_in(email, "pl")
    with translation.override("pl"):
        subject = gettext("“%(item_title)s” is now published") % {"item_title": "Guide"}
    assert email.subject == subject
    assert in_language("pl", "See it online:") in email.text
    assert path_in("pl", "contributions:resource", item.slug) in email.text


def test_the_curators_summary_goes_to_each_curator_in_their_language(make_resource, curator):
    polish = make_user("kurator", language="pl", is_staff=True)
    polish.groups.add(Group.objects.get(name=CURATORS_GROUP))
    make_resource("Waiting", "submitted")

    assert send_curator_summary() == User.objects.curators().count()

    assert_written_in(OutgoingEmail.objects.get(to=curator.email), "en")
    to_polish = OutgoingEmail.objects.get(to=polish.email)
    assert_written_in(to_polish, "pl")
    assert path_in("pl", "curation:queue") in to_polish.text


def test_sign_up_keeps_the_page_language_for_the_account_emails(client):
    response = client.post(
        path_in("pl", "account_signup"),
        {
            "email": "nowy@example.org",
            "display_name": "Nowy",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        HTTP_ACCEPT_LANGUAGE="pl",
    )
    assert response.status_code == 302
    assert User.objects.get(email="nowy@example.org").language == "pl"
    email = OutgoingEmail.objects.get(to="nowy@example.org")
    assert_written_in(email, "pl")
    assert email.subject == in_language("pl", "Confirm your email address for %(site_name)s") % {
        "site_name": "FT3 Pathway Portal"
    }


def test_password_reset_is_written_in_the_accounts_language(client, partner):
    partner.language = "pl"
    partner.save()
    client.post(reverse("account_reset_password"), {"email": partner.email})
    email = OutgoingEmail.objects.get(to=partner.email)
    assert_written_in(email, "pl")


def test_the_profile_page_changes_the_language_of_emails(client, partner):
    client.force_login(partner)
    page = client.get(reverse("portal:profile"))
    assert 'name="language"' in page.content.decode()
    response = client.post(
        reverse("portal:profile"), {"display_name": "Ana Weber", "language": "de"}
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.language == "de"
    response = client.post(reverse("portal:profile"), {"display_name": "Ana", "language": "xx"})
    assert response.status_code == 400
    assert "language" in response.context["profile_form"].errors
    partner.refresh_from_db()
    assert partner.language == "de"


def test_a_subscription_keeps_the_language_it_was_made_in(client):
    response = client.post(
        path_in("pl", "digests:subscribe"),
        {"email": "ola@example.org", "frequency": "weekly", "kinds": ["resources"]},
        HTTP_ACCEPT_LANGUAGE="pl",
    )
    assert response.status_code == 302
    subscription = Subscription.objects.get(email="ola@example.org")
    assert subscription.language == "pl"
    email = OutgoingEmail.objects.get(to="ola@example.org")
    assert_written_in(email, "pl")
    assert path_in("pl", "digests:confirm", "x").rsplit("/x/", 1)[0] in email.text

    subscription.confirm()
    manage = subscription.manage_url()
    response = client.post(
        manage, {"frequency": "weekly", "kinds": ["resources"], "language": "fr"}
    )
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.language == "fr"
    response = client.post(
        manage, {"frequency": "weekly", "kinds": ["resources"], "language": "xx"}
    )
    assert response.status_code == 200
    assert "language" in response.context["form"].errors


def test_an_unknown_language_falls_back_to_the_default():
    assert language_of(User(language="xx")) == "en"
    assert language_of(User(language="pt-br")) == "pt"
    assert language_of(Subscription(language="pl")) == "pl"
