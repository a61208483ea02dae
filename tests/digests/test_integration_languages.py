"""Emails in the recipient's language, end to end with the real services (as
test_integration.py): a Polish visitor subscribes on the Polish page and gets the
confirmation and then the digest in Polish; a Polish partner gets the curation
email in Polish, while an English one gets theirs in English. A real Celery worker
sends them through a real SMTP server.

The Polish words asserted are the catalogue's (locale/pl), so this fails if the
catalogue is not compiled (`make compilemessages`) or the email is not rendered
under the recipient's language."""

import os
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from contributions.models import ItemTranslation, Resource
from digests.digest import current_period, previous_period_start
from digests.models import DigestDelivery, Subscription, start_of_day
from digests.tasks import send_digests
from stakeholders.models import Membership

from .worker import wait_until

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres")
        or not os.environ.get("REDIS_URL"),
        reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def polish_path(name: str, *args) -> str:
    with translation.override("pl"):
        return reverse(name, args=args)


def test_a_polish_subscriber_gets_the_confirmation_and_the_digest_in_polish(
    start_worker, smtp, make_resource
):
    start_worker()
    period = current_period("weekly")
    last_period = previous_period_start("weekly", period)

    visitor = Client(HTTP_ACCEPT_LANGUAGE="pl")
    response = visitor.post(
        polish_path("digests:subscribe"),
        {"email": "ola@example.org", "frequency": "weekly", "kinds": ["resources"]},
    )
    assert response.status_code == 302
    subscription = Subscription.objects.get(email="ola@example.org")
    assert subscription.language == "pl"

    [confirmation] = wait_until(lambda: smtp.to("ola@example.org"), what="the confirmation")
    assert confirmation.subject == "Potwierdź subskrypcję podsumowania serwisu FT3 Pathway Portal"
    assert confirmation.message["Content-Language"] == "pl"
    assert '<html lang="pl"' in confirmation.html
    # The link is signed with the time it was made: read it from the email, and check
    # that it is this subscription's link, in Polish.
    prefix = polish_path("digests:confirm", subscription.confirm_token()).rsplit(":", 2)[0]
    [confirm_path] = re.findall(re.escape(prefix) + r":[^\s/]+/", confirmation.text)
    assert visitor.post(confirm_path).status_code == 302
    Subscription.objects.update(confirmed_at=start_of_day(last_period) - timedelta(days=14))

    item = make_resource("Testy genetyczne w praktyce", "published", language="pl")
    english = make_resource("Genetic tests explained", "published")
    ItemTranslation.objects.create(
        resource=english,
        language="pl",
        title="Badania genetyczne wyjaśnione",
        summary="Krótkie wyjaśnienie.",
        published_at=timezone.now(),
    )
    in_window = start_of_day(previous_period_start("weekly", last_period)) + timedelta(days=2)
    Resource.objects.filter(pk__in=[item.pk, english.pk]).update(published_at=in_window)
    send_digests.delay(frequency="weekly", period=last_period.isoformat())
    wait_until(
        lambda: DigestDelivery.objects.filter(
            period_start=last_period, status=DigestDelivery.Status.SENT
        ).exists(),
        what="the digest",
    )
    [digest] = wait_until(
        lambda: [m for m in smtp.to("ola@example.org") if m is not confirmation],
        what="the digest to arrive",
    )
    assert digest.subject == ("Twoje cotygodniowe podsumowanie: 2 nowe pozycje na ścieżce pacjenta")
    assert digest.message["Content-Language"] == "pl"
    assert '<html lang="pl"' in digest.html
    assert "Testy genetyczne w praktyce" in digest.text
    # An English item with a Polish translation comes under its Polish title.
    assert "Badania genetyczne wyjaśnione" in digest.text
    assert '<p style="margin:0 0 4px;" lang="pl">Krótkie wyjaśnienie.</p>' in digest.html
    assert "Genetic tests explained" not in digest.text
    assert "Twoje cotygodniowe podsumowanie" in digest.text
    assert "Your weekly digest" not in digest.text
    # Its links lead to the Polish pages.
    manage = urlsplit(re.search(r"https?://\S+/digest/manage/\S+/", digest.text).group(0))
    assert manage.path == polish_path("digests:manage", subscription.manage_token())
    assert polish_path("contributions:resource", item.slug) in digest.text


def test_each_partner_gets_the_curation_email_in_their_own_language(
    start_worker, smtp, make_resource, organisation, curator
):
    start_worker()
    people = {}
    for username, language in (("agnieszka", "pl"), ("emma", "en")):
        people[language] = User.objects.create_user(
            username=username, email=f"{username}@example.org", language=language
        )
        Membership.objects.create(
            user=people[language],
            organisation=organisation,
            status=Membership.Status.APPROVED,
        )
    items = {}
    for language, title in (("pl", "Przewodnik dla pacjentów"), ("en", "A guide for patients")):
        item = make_resource(title, "submitted", stages=["testing-decision"], regions=["global"])
        type(item).objects.filter(pk=item.pk).update(submitted_by=people[language])
        item.refresh_from_db()
        items[language] = item
    for item in items.values():
        item.publish(by=curator)

    polish = wait_until(lambda: smtp.to("agnieszka@example.org"), what="the Polish email")[0]
    english = wait_until(lambda: smtp.to("emma@example.org"), what="the English email")[0]

    assert polish.subject == "Opublikowano: „Przewodnik dla pacjentów”"
    assert polish.message["Content-Language"] == "pl"
    assert '<html lang="pl"' in polish.html
    assert "Dzień dobry, agnieszka," in polish.text
    assert "Dziękujemy: pozycja „Przewodnik dla pacjentów”" in polish.text
    assert "Zobacz w portalu:" in polish.text
    assert "Zobacz w portalu" in polish.html
    assert polish_path("contributions:resource", items["pl"].slug) in polish.text
    assert "Thank you" not in polish.text

    assert english.subject == "“A guide for patients” is now published"
    assert english.message["Content-Language"] == "en"
    assert "Thank you: the resource “A guide for patients”" in english.text
    with translation.override("en"):
        assert reverse("contributions:resource", args=[items["en"].slug]) in english.text
