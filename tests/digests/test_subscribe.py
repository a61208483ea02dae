"""Subscribing (double opt-in, never revealing who is subscribed) to a library
query, confirming, managing and unsubscribing (RFC 8058 one-click POST; a GET
only asks)."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from digests.models import Subscription
from digests.tasks import delete_expired_subscriptions
from outbox.models import OutgoingEmail
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

FORM = {
    "email": "reader@example.org",
    "frequency": "weekly",
    "kinds": ["resources", "initiatives"],
    "stages": ["testing-decision"],
    "barriers": ["test-not-reimbursed"],
    "countries": ["DE"],
    "regions": ["europe"],
    "therapeutic_areas": ["lung-cancer"],
}
FORM_QUERY = (
    "area=lung-cancer&barrier=test-not-reimbursed&country=DE&region=europe&stage=testing-decision"
)


def subscribe(client: Client, **changes) -> object:
    return client.post("/digest/subscribe/", {**FORM, **changes})


def emails_to(address: str, template: str | None = None) -> list[OutgoingEmail]:
    emails = OutgoingEmail.objects.filter(to=address).order_by("created_at", "id")
    if template:
        emails = emails.filter(template=template)
    return list(emails)


def link_in(text: str, kind: str) -> str:
    return re.search(rf"https?://[^\s\"<]+(/digest/{kind}/[^\s\"<]+/)", text).group(1)


def checked(html: str, name: str, value: str) -> bool:
    return bool(re.search(rf'name="{name}" value="{re.escape(value)}"[^>]*checked', html))


def kept_filters(html: str) -> list[tuple[str, str]]:
    """(value, label) of each ticked "also from the library view" checkbox."""
    return re.findall(
        r'name="filters" value="([^"]*)"[^>]*checked[^>]*> <label[^>]*>([^<]*)</label>', html
    )


# The subscribe page -------------------------------------------------------------


def test_the_subscribe_page_offers_every_interest_and_frequency(client):
    response = client.get("/digest/subscribe/")

    assert response.status_code == 200
    html = response.content.decode()
    for name in (
        "email",
        "frequency",
        "kinds",
        "stages",
        "barriers",
        "regions",
        "therapeutic_areas",
    ):
        assert f'name="{name}"' in html
    # Every country is offered in a box that takes a name or a code.
    assert 'name="countries"' in html and '<option value="Poland" label="PL">' in html
    assert "Financing &amp; regulation" in html  # barriers grouped by category
    assert checked(html, "frequency", "weekly")
    assert checked(html, "kinds", "resources") and checked(html, "kinds", "initiatives")
    assert 'style="' not in html  # the CSP allows no inline styles


def test_the_subscribe_page_prefills_interests_from_a_library_query(client):
    response = client.get(
        "/digest/subscribe/?kind=initiative&stage=testing-decision&country=de"
        "&region=europe&area=oncology&category=equity&barrier=test-not-reimbursed&q=ngs"
    )

    html = response.content.decode()
    assert checked(html, "stages", "testing-decision")
    assert not checked(html, "stages", "monitoring")
    assert re.search(r'name="countries" value="DE" id="id_countries_DE" checked', html)
    assert checked(html, "regions", "europe")
    assert checked(html, "therapeutic_areas", "oncology")
    assert checked(html, "barriers", "test-not-reimbursed")
    assert not checked(html, "barriers", "disparities-in-access")
    assert checked(html, "kinds", "initiatives")
    assert not checked(html, "kinds", "resources")
    # The filters without a widget of their own are kept, readably.
    assert kept_filters(html) == [
        ("q=ngs", "Search: ngs"),
        ("category=equity", "Barrier category: Equity"),
    ]


def test_the_library_views_other_filters_are_kept_and_can_be_dropped(client):
    page = client.get(
        "/digest/subscribe/?kind=resource&q=biomarker&language=de&audience=payers"
        "&type=toolkit&stage=testing-decision"
    )

    assert kept_filters(page.content.decode()) == [
        ("q=biomarker", "Search: biomarker"),
        ("audience=payers", "Audience: Payers"),
        ("language=de", "Language: German"),
        ("type=toolkit", "Type of resource: Toolkit (resources only)"),
    ]

    # The visitor unticks the audience and the type.
    response = subscribe(client, filters=["q=biomarker", "language=de"])

    assert response.status_code == 302
    assert Subscription.objects.get().query == (
        "area=lung-cancer&barrier=test-not-reimbursed&country=DE&language=de&q=biomarker"
        "&region=europe&stage=testing-decision"
    )


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("foo=1", "We ignored “foo”: the library has no such filter."),
        ("stage=no-such-stage", "We ignored “no-such-stage” for pathway stage"),
        ("country=zz", "We ignored “zz” for country"),
        ("language=xx&year=abc", "We ignored “abc” for year"),
        ("status=ongoing", "We ignored “ongoing” for initiative status"),
        ("kind=nonsense", "We ignored an unknown kind of contribution."),
        ("q=" + "biomarker " * 50, "Your search was shortened to its first 200 characters."),
        ("stage=" + "a" * 5000, "We ignored “" + "a" * 100 + "” for pathway stage"),
        ("%00q%00=1&stage=test%00ing", "We ignored “q”: the library has no such filter."),
        ("&".join(f"country=C{n}" for n in range(300)), "We ignored “C0” for country"),
    ],
)
def test_unknown_and_invalid_library_parameters_are_ignored_with_a_notice(client, query, notice):
    response = client.get(f"/digest/subscribe/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert "\x00" not in html


def test_a_search_with_nul_bytes_is_kept_without_them(client):
    response = client.get("/digest/subscribe/?q=bio%00marker%00")

    assert kept_filters(response.content.decode()) == [("q=bio+marker", "Search: bio marker")]


@pytest.mark.parametrize("posted", [["foo=1"], ["stage=monitoring"], ["q=%00"], ["\x00"]])
def test_a_kept_filter_the_library_does_not_know_is_refused_not_saved(client, posted):
    response = subscribe(client, filters=posted)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert Subscription.objects.count() == 0


@pytest.mark.parametrize(
    ("path", "kind"), [("/resources/", "resource"), ("/initiatives/", "initiative")]
)
def test_library_views_link_to_a_digest_of_what_they_show(client, path, kind):
    response = client.get(f"{path}?stage=testing-decision&country=DE&page=1")

    assert response.status_code == 200
    link = f'href="/digest/subscribe/?kind={kind}&amp;stage=testing-decision&amp;country=DE"'
    assert link in response.content.decode()


def test_a_logged_in_user_finds_their_address_filled_in(partner):
    response = logged_in(partner).get("/digest/subscribe/")

    assert 'value="partner@example.org"' in response.content.decode()


# Subscribing ------------------------------------------------------------------


def test_subscribing_creates_an_unconfirmed_subscription_and_emails_a_link(client, settings):
    settings.SITE_URL = "https://ft3.example.org"

    response = subscribe(client)

    assert response.status_code == 302
    assert response["Location"] == "/digest/subscribe/check-your-inbox/"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.frequency == "weekly"
    assert subscription.query == FORM_QUERY
    assert subscription.kinds == ("resource", "initiative")
    assert subscription.user is None
    [email] = emails_to("reader@example.org")
    assert email.template == "subscription_confirm"
    assert email.subject == "Confirm your FT3 Pathway Portal digest"
    url = "https://ft3.example.org" + link_in(email.text, "confirm")
    assert url in email.text
    assert f'href="{url}"' in email.html
    assert "7 days" in email.text and "7 days" in email.html
    assert client.get(response["Location"]).status_code == 200


def test_a_form_with_mistakes_shows_them_and_creates_nothing(client):
    response = subscribe(client, email="not-an-address", kinds=[], stages=["no-such-stage"])

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "Choose resources, initiatives or both." in html
    assert "Select a valid choice." in html
    assert Subscription.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_subscribing_an_unconfirmed_address_again_updates_it_and_resends_the_link(client):
    first = subscribe(client)
    second = subscribe(client, email="Reader@Example.org", frequency="monthly", stages=[])

    assert (second.status_code, second["Location"]) == (first.status_code, first["Location"])
    subscription = Subscription.objects.get()
    assert subscription.frequency == "monthly"
    assert subscription.query == FORM_QUERY.replace("&stage=testing-decision", "")
    confirmations = OutgoingEmail.objects.filter(template="subscription_confirm")
    assert confirmations.count() == 2


def test_subscribing_a_confirmed_address_changes_nothing_and_mails_a_manage_link(client):
    subscribe(client)
    subscription = Subscription.objects.get()
    subscription.confirm()

    response = subscribe(client, email="READER@example.org", frequency="monthly", stages=[])

    assert response.status_code == 302
    assert response["Location"] == "/digest/subscribe/check-your-inbox/"
    subscription.refresh_from_db()
    assert Subscription.objects.count() == 1
    assert subscription.frequency == "weekly"
    assert subscription.query == FORM_QUERY
    [notice] = emails_to("reader@example.org", "subscription_exists")
    assert subscription.manage_url() in notice.text
    assert subscription.manage_url() in notice.html
    assert notice.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_answer_is_the_same_whether_or_not_an_address_is_subscribed(client):
    fresh = subscribe(client, email="new@example.org")
    subscribe(client, email="known@example.org")
    Subscription.objects.filter(email="known@example.org").update(confirmed_at=timezone.now())
    known = subscribe(client, email="known@example.org")

    assert fresh.status_code == known.status_code == 302
    assert fresh["Location"] == known["Location"]
    assert client.get(fresh["Location"]).content == client.get(known["Location"]).content


def test_a_logged_in_users_subscription_belongs_to_their_account(partner):
    logged_in(partner).post("/digest/subscribe/", {**FORM, "email": "Partner@Example.org"})

    assert Subscription.objects.get().user == partner


def test_someone_elses_address_is_not_tied_to_the_account(partner):
    logged_in(partner).post("/digest/subscribe/", {**FORM, "email": "colleague@example.org"})

    assert Subscription.objects.get().user is None


def test_an_address_that_unsubscribed_can_subscribe_again(client):
    subscribe(client)
    old = Subscription.objects.get()
    old.confirm()
    old.unsubscribe()

    subscribe(client)

    assert Subscription.objects.count() == 2
    assert Subscription.objects.not_unsubscribed().get().confirmed_at is None


# Confirming -------------------------------------------------------------------


def test_opening_the_confirmation_link_asks_and_only_a_post_confirms(client):
    subscribe(client)
    path = link_in(emails_to("reader@example.org")[0].text, "confirm")

    page = client.get(path)

    assert page.status_code == 200
    assert "Yes, confirm my subscription" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None

    response = client.post(path)

    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None
    assert response.status_code == 302
    assert response["Location"] == subscription.manage_url()
    assert "You are subscribed" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("kind", ["confirm", "manage", "unsubscribe"])
def test_a_tampered_link_is_rejected_with_a_clear_page(client, make_subscription, kind):
    subscription = make_subscription()
    token = subscription.confirm_token() if kind == "confirm" else subscription.manage_token()
    value, signature = token.rsplit(":", 1)
    tampered = [
        f"{value}x:{signature}",
        f"{value}:{signature[:-2]}",
        value,
        "garbage",
        subscription.token,
    ]
    for bad in tampered:
        for method in (client.get, client.post):
            response = method(f"/digest/{kind}/{bad}/")
            assert response.status_code == 400, bad
            assert "This link is not valid" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_a_manage_link_does_not_confirm_and_a_confirm_link_does_not_manage(
    client, make_subscription
):
    subscription = make_subscription(confirmed_at=None)

    assert client.post(f"/digest/confirm/{subscription.manage_token()}/").status_code == 400
    assert client.get(f"/digest/manage/{subscription.confirm_token()}/").status_code == 400
    assert Subscription.objects.get().confirmed_at is None


def test_a_confirmation_link_expires_after_seven_days(client, make_subscription):
    subscription = make_subscription(confirmed_at=None)
    eight_days_ago = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        token = subscription.confirm_token()

    response = client.post(f"/digest/confirm/{token}/")

    assert response.status_code == 400
    assert "This confirmation link has expired" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(make_subscription):
    now = timezone.now()
    make_subscription(
        "old@example.org", confirmed_at=None, confirmation_sent_at=now - timedelta(days=8)
    )
    make_subscription(
        "recent@example.org", confirmed_at=None, confirmation_sent_at=now - timedelta(days=6)
    )
    make_subscription("confirmed@example.org", confirmation_sent_at=now - timedelta(days=30))

    assert delete_expired_subscriptions() == 1

    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "confirmed@example.org",
        "recent@example.org",
    ]


def test_a_link_to_a_deleted_subscription_says_so(client, make_subscription):
    subscription = make_subscription(confirmed_at=None)
    token = subscription.confirm_token()
    subscription.delete()

    response = client.get(f"/digest/confirm/{token}/")

    assert response.status_code == 404
    assert "We could not find this subscription" in response.content.decode()


# Managing ---------------------------------------------------------------------


def test_the_manage_page_changes_interests_frequency_and_pauses(client, make_subscription):
    subscription = make_subscription(query="country=DE&stage=testing-decision")
    url = subscription.manage_url()

    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert checked(html, "stages", "testing-decision")
    assert 'name="countries" value="DE" id="id_countries_DE" checked' in html

    response = client.post(
        url,
        {
            "frequency": "monthly",
            "kinds": ["initiatives"],
            "stages": ["monitoring", "treatment-access"],
            "countries": ["FR"],
            "paused": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == url
    subscription.refresh_from_db()
    assert subscription.frequency == "monthly"
    assert subscription.kinds == ("initiative",)
    assert subscription.query == "country=FR&stage=monitoring&stage=treatment-access"
    assert subscription.paused
    assert "Your digests are paused" in client.get(url).content.decode()


def test_the_manage_page_shows_the_query_and_keeps_or_drops_its_other_filters(
    client, make_subscription
):
    subscription = make_subscription(query="country=DE&language=de&q=biomarker")
    url = subscription.manage_url()

    html = client.get(url).content.decode()

    assert "It follows: Search: biomarker · Country: Germany · Language: German." in html
    assert 'name="countries" value="DE" id="id_countries_DE" checked' in html
    assert kept_filters(html) == [
        ("q=biomarker", "Search: biomarker"),
        ("language=de", "Language: German"),
    ]
    assert f'href="/resources/?{subscription.query.replace("&", "&amp;")}"' in html

    client.post(
        url,
        {
            "frequency": "weekly",
            "kinds": ["resources"],
            "countries": ["DE"],
            "filters": ["q=biomarker"],
        },
    )

    subscription.refresh_from_db()
    assert subscription.query == "country=DE&q=biomarker"


def test_a_stored_value_the_library_no_longer_knows_is_reported_and_dropped_on_saving(
    client, make_subscription
):
    subscription = make_subscription(query="country=DE&stage=renamed-stage")
    url = subscription.manage_url()

    html = client.get(url).content.decode()

    assert "We ignored “renamed-stage” for pathway stage: there is no such option." in html
    client.post(url, {"frequency": "weekly", "kinds": ["resources"], "countries": ["DE"]})
    subscription.refresh_from_db()
    assert subscription.query == "country=DE"


def test_the_manage_form_keeps_its_csrf_protection(make_subscription):
    subscription = make_subscription()
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        subscription.manage_url(), {"frequency": "monthly", "kinds": ["resources"]}
    )

    assert response.status_code == 403
    assert Subscription.objects.get().frequency == "weekly"


def test_an_unconfirmed_subscription_has_no_manage_page(client, make_subscription):
    subscription = make_subscription(confirmed_at=None)

    assert client.get(subscription.manage_url()).status_code == 404


# Unsubscribing ----------------------------------------------------------------


def test_opening_the_unsubscribe_link_only_asks(client, make_subscription):
    subscription = make_subscription()

    for method in (client.get, client.head):
        assert method(subscription.unsubscribe_url()).status_code == 200

    html = client.get(subscription.unsubscribe_url()).content.decode()
    assert "Yes, unsubscribe" in html
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_a_one_click_post_without_cookies_or_csrf_token_unsubscribes_at_once(make_subscription):
    subscription = make_subscription()
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        subscription.unsubscribe_url(),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not response.cookies
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    again = mail_client.post(subscription.unsubscribe_url())
    assert again.status_code == 200
    assert Subscription.objects.get().unsubscribed_at == subscription.unsubscribed_at


def test_after_unsubscribing_the_manage_link_says_so(client, make_subscription):
    subscription = make_subscription()
    subscription.unsubscribe()

    response = client.get(subscription.manage_url())

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert client.post(subscription.manage_url(), {"frequency": "monthly"}).status_code == 200
    assert Subscription.objects.get().frequency == "weekly"


def test_other_methods_are_not_allowed(client, make_subscription):
    subscription = make_subscription()

    assert client.put("/digest/subscribe/").status_code == 405
    assert client.delete(subscription.unsubscribe_url()).status_code == 405
    assert client.post("/digest/subscribe/check-your-inbox/").status_code == 405
