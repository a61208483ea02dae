"""Contributions know their languages: translations of the title and summary,
items marked as translations of others, the one rule for "available in", and what
the library, the item pages, the languages page and the curators do with them."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from contributions.languages import (
    add_translation,
    languages_of,
    link_translation,
    publish_translation,
    remove_translation,
)
from contributions.models import ItemTranslation, Resource
from core import content_version
from search.index import rebuild

LANGUAGES = ("en", "pl", "fr", "de", "es", "it")


def in_language(language: str, name: str, *args) -> str:
    """The page's path in `language` (with i18n_patterns, /pl/...)."""
    with translation.override(language):
        return reverse(name, args=args)


def translate(item, language: str, title: str, *, published: bool = True) -> ItemTranslation:
    row = ItemTranslation(language=language, title=title, summary=f"{title}.")
    row.item = item
    row.published_at = timezone.now() if published else None
    row.save()
    return row


@pytest.fixture
def family(make_resource, other_organisation):
    """An English original with a published Polish translation item, a French draft
    translation item, a German translation row and a pending Spanish one; and an
    Italian item of nobody's family."""
    original = make_resource("Biomarker guide", "published")
    polish = make_resource("Przewodnik po biomarkerach", "published", language="pl")
    french = make_resource("Guide des biomarqueurs", "draft", language="fr")
    for item in (polish, french):
        item.translation_of = original
        item.save(update_fields=["translation_of"])
    translate(original, "de", "Biomarker-Leitfaden")
    translate(original, "es", "Guía de biomarcadores oncológicos", published=False)
    alone = make_resource("Guida", "published", language="it", organisation=other_organisation)
    return {"original": original, "polish": polish, "french": french, "alone": alone}


def test_languages_of_and_the_filter_are_one_rule(family):
    items = list(Resource.objects.order_by("pk"))
    found = languages_of(items)
    assert found[family["original"].pk] == ["en", "de", "pl"]
    # The Polish item is available in its original's language and the original's
    # other published translation items, not in its drafts or unreviewed rows.
    assert sorted(found[family["polish"].pk]) == ["en", "pl"]
    assert found[family["alone"].pk] == ["it"]
    for language in LANGUAGES:
        by_filter = set(Resource.objects.available_in(language).values_list("pk", flat=True))
        by_rule = {pk for pk, languages in found.items() if language in languages}
        assert by_filter == by_rule, language


def test_the_library_filters_by_available_language_and_marks_items(client, family):
    path = in_language("pl", "contributions:resources")
    response = client.get(path, {"available": "pl"}, HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    shown = {item.pk for item in response.context["items"]}
    assert shown == {family["original"].pk, family["polish"].pk}
    html = response.content.decode()
    with translation.override("pl"):
        mark = translation.gettext("Available in your language")
    assert html.count(mark) == 2
    assert 'name="available" value="pl" id="f-available-1" checked' in html
    # An unknown language is ignored on the page, with a notice.
    response = client.get(path, {"available": "xx"}, HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    assert len(response.context["items"]) == 3
    assert response.context["notices"]


def test_the_item_page_shows_the_translation_in_the_visitors_language(client, family):
    original = family["original"]
    path = in_language("de", "contributions:resource", original.slug)
    html = client.get(path, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<h1 lang="de">Biomarker-Leitfaden</h1>' in html
    assert '<span lang="en">Biomarker guide</span>' in html
    # Its languages, with a link to the published Polish item, not to the draft,
    # nor the unreviewed Spanish title.
    assert f'href="{family["polish"].get_absolute_url()}"' in html
    assert family["french"].get_absolute_url() not in html
    assert "Guía de biomarcadores" not in html

    english = client.get(in_language("en", "contributions:resource", original.slug))
    assert '<h1 lang="en">Biomarker guide</h1>' in english.content.decode()


def test_a_member_adds_a_translation_which_waits_for_review(client, partner, family):
    original = family["original"]
    client.force_login(partner)
    url = reverse("contributions:resource-languages", args=[original.slug])
    response = client.post(
        url,
        {
            "action": "add",
            "translation-language": "fr",
            "translation-title": "Guide des biomarqueurs",
            "translation-summary": "Un guide.",
            "translation-url": "https://example.org/fr",
        },
    )
    assert response.status_code == 302
    added = original.translations.get(language="fr")
    assert added.created_by == partner
    assert not added.is_published
    # Visitors do not see it until a curator publishes it.
    anonymous = client.__class__()
    page = anonymous.get(original.get_absolute_url()).content.decode()
    assert "Un guide." not in page


@pytest.mark.parametrize(
    ("language", "title", "field", "expected"),
    [
        # The form offers no choice in the item's own language (the model's message
        # is in tests/api/test_translations.py).
        ("en", "Same", "language", "en is not one of the available choices"),
        ("de", "Again", "language", "It already has a translation in German"),
        ("mul", "Several", "language", "Select a valid choice"),
        ("fr", "x" * 201, "title", "at most 200 characters"),
        ("fr", "", "title", "This field is required"),
    ],
)
def test_bad_translations_are_form_errors(
    client, partner, family, language, title, field, expected
):
    client.force_login(partner)
    url = reverse("contributions:resource-languages", args=[family["original"].slug])
    response = client.post(
        url,
        {
            "action": "add",
            "translation-language": language,
            "translation-title": title,
            "translation-summary": "A summary.",
        },
    )
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert expected in errors
    assert family["original"].translations.count() == 2


def test_only_members_who_may_edit_the_item_change_its_languages(
    client, other_partner, partner, family, make_resource
):
    url = reverse("contributions:resource-languages", args=[family["original"].slug])
    assert client.get(url).status_code == 302  # to log in
    client.force_login(other_partner)
    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "remove"}).status_code == 403
    client.force_login(partner)
    assert client.get(url).status_code == 200
    for chosen in ("abc", "99999", "1" * 40, ""):
        response = client.post(url, {"action": "remove", "translation": chosen})
        assert response.status_code == 404
    submitted = make_resource("In review", "submitted")
    submitted_url = reverse("contributions:resource-languages", args=[submitted.slug])
    assert client.get(submitted_url).status_code == 403


def test_linking_refuses_unpublished_items_of_another_organisation(
    client, partner, family, make_resource, other_organisation
):
    client.force_login(partner)
    mine = make_resource("Notre guide", "draft", language="fr")
    url = reverse("contributions:resource-languages", args=[mine.slug])
    hidden = make_resource("Their draft", "draft", organisation=other_organisation, language="en")
    for address, expected in (
        (hidden.slug, "has this address"),
        (f"https://portal.example{hidden.get_absolute_url()}", "has this address"),
        (mine.slug, "cannot be a translation of itself"),
        (family["polish"].slug, "is itself a translation"),
    ):
        response = client.post(url, {"action": "link", "translation_of": address})
        assert response.status_code == 400, address
        assert expected in " ".join(response.context["link_form"].errors["translation_of"])
        mine.refresh_from_db()
        assert mine.translation_of is None

    published_elsewhere = family["alone"]
    italian = make_resource("Guida nostra", "draft", language="it")
    response = client.post(
        reverse("contributions:resource-languages", args=[italian.slug]),
        {"action": "link", "translation_of": published_elsewhere.slug},
    )
    assert response.status_code == 400
    assert "same language" in " ".join(response.context["link_form"].errors["translation_of"])

    response = client.post(url, {"action": "link", "translation_of": family["alone"].slug})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.translation_of == family["alone"]
    response = client.post(url, {"action": "link", "translation_of": ""})
    mine.refresh_from_db()
    assert mine.translation_of is None


def test_translations_of_a_draft_are_published_with_it(make_resource, partner, curator):
    item = make_resource(
        "Draft guide",
        "draft",
        stages=["testing-decision"],
        barriers=["patients-unaware-of-testing"],
        regions=["global"],
    )
    add_translation(item, partner, {"language": "pl", "title": "Przewodnik", "summary": "Opis."})
    assert not Resource.objects.available_in("pl").exists()
    item.submit(by=partner)
    item.publish(by=curator)
    assert item.translations.get().is_published
    assert list(Resource.objects.available_in("pl")) == [item]


def test_curators_publish_or_decline_translations_of_published_items(
    client, curator, partner, family
):
    original = family["original"]
    pending = original.translations.get(language="es")
    client.force_login(curator)
    queue = client.get(reverse("curation:queue")).content.decode()
    assert "Guía de biomarcadores" in queue
    response = client.post(reverse("curation:translation-publish", args=[pending.pk]))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.is_published
    assert original in Resource.objects.available_in("es")
    # Only waiting ones can be decided; partners cannot decide at all.
    assert (
        client.post(reverse("curation:translation-decline", args=[pending.pk])).status_code == 404
    )
    added = add_translation(
        original, partner, {"language": "it", "title": "Guida", "summary": "S."}
    )
    client.force_login(partner)
    assert client.post(reverse("curation:translation-publish", args=[added.pk])).status_code == 403
    client.force_login(curator)
    assert client.post(reverse("curation:translation-decline", args=[added.pk])).status_code == 302
    assert not ItemTranslation.objects.filter(pk=added.pk).exists()


def test_search_finds_an_item_by_its_published_translation(family, make_resource):
    original = family["original"]
    assert original in Resource.objects.published().search("Leitfaden")
    found = Resource.objects.published().search("Biomarker-Leitfaden")
    assert original in found
    # An unreviewed translation does not make the item findable.
    assert original not in Resource.objects.published().search("oncológicos")
    item = make_resource("Lung cancer tests", "published")
    row = add_translation(item, None, {"language": "pl", "title": "Badania płuc", "summary": "S."})
    assert item not in Resource.objects.published().search("płuc")
    publish_translation(row)
    assert item in Resource.objects.published().search("Badania płuc")
    assert item in Resource.objects.published().search("PLUC")


def test_linking_one_rule_for_the_model(family, make_resource):
    with pytest.raises(Exception) as refused:
        link_translation(family["original"], family["alone"])
    assert "translation_of" in refused.value.message_dict


def test_rebuilding_the_search_index_keeps_the_translations(family):
    rebuild()
    assert family["original"] in Resource.objects.published().search("Leitfaden")
    assert family["original"] not in Resource.objects.published().search("oncológicos")


def test_translation_changes_invalidate_cached_pages(family, partner):
    original = family["original"]
    before = content_version.current()
    waiting = add_translation(original, partner, {"language": "it", "title": "G", "summary": "S"})
    # Nobody but its organisation and the curators sees a translation waiting for review.
    assert content_version.current() == before
    publish_translation(waiting)
    published = content_version.current()
    assert published != before
    remove_translation(waiting)
    assert content_version.current() != published
