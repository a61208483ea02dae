"""What pages show of an item's languages: the languages it is available in, its
translations and linked items, and its title and summary in the visitor's language
when a published translation has them. The rule for "available in" is the model's
(models/translations.py); this module only reads it for pages and the API."""

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import (
    Contribution,
    ItemTranslation,
    Status,
    check_translation_of,
    languages_of,
)


def active_language() -> str:
    """The visitor's language as items name languages ("pt-br" is "pt")."""
    return (get_language() or "en").split("-")[0].lower()


def localise(items: Iterable[Contribution], language: str | None = None) -> list[Contribution]:
    """Mark each item (of one kind) with `available_languages`, `available_here`
    (whether it can be read in the visitor's language) and `translated`, its
    published translation in that language, if any: two queries for them all."""
    items = list(items)
    if not items:
        return items
    language = language or active_language()
    kind = items[0].kind
    available = languages_of(items)
    translated = {
        getattr(row, f"{kind}_id"): row
        for row in ItemTranslation.objects.published().filter(
            language=language, **{f"{kind}__in": [item.pk for item in items]}
        )
    }
    for item in items:
        item.available_languages = available.get(item.pk, [item.language])
        item.available_here = language in item.available_languages
        item.translated = translated.get(item.pk) if item.language != language else None
    return items


@dataclass
class LanguageVersion:
    """One language an item page lists: the item's own, a translation, or a
    linked item."""

    language: str
    label: str
    title: str
    url: str = ""
    translation: ItemTranslation | None = None
    linked: Contribution | None = None
    awaiting_review: bool = False


def versions(item: Contribution, user) -> list[LanguageVersion]:
    """The item's languages as its page lists them, its own first: its published
    translations (with those awaiting review for its organisation and curators),
    and the items of its family the visitor may see."""
    labels = dict(type(item)._meta.get_field("language").choices)
    found = [LanguageVersion(item.language, str(labels.get(item.language, "")), item.title)]
    insider = user.is_authenticated and (user.is_curator or item.organisation.is_member(user))
    rows = item.translations.all() if insider else item.translations.published()
    for row in rows.order_by("language"):
        found.append(
            LanguageVersion(
                row.language,
                str(labels.get(row.language, row.language)),
                row.title,
                url=row.url,
                translation=row,
                awaiting_review=not row.is_published,
            )
        )
    for linked in family(item, user):
        found.append(
            LanguageVersion(
                linked.language,
                str(labels.get(linked.language, linked.language)),
                linked.title,
                url=linked.get_absolute_url(),
                linked=linked,
                awaiting_review=linked.status != Status.PUBLISHED,
            )
        )
    return found


def family(item: Contribution, user) -> list[Contribution]:
    """The other items of the item's family (its original, and the original's
    translations) that `user` may see."""
    root = item.translation_of_id or item.pk
    return list(
        type(item)
        .objects.visible_to(user)
        .filter(Q(pk=root) | Q(translation_of=root))
        .exclude(pk=item.pk)
        .order_by("language", "pk")
    )


def can_translate(item: Contribution, user) -> bool:
    """Whether `user` may add translations to `item` or link it to another: the
    rule for editing it (editable_by)."""
    return type(item).objects.editable_by(user).filter(pk=item.pk).exists()


# Changes. Web pages and the API call these; the model says what is valid.


def add_translation(item: Contribution, by, data: dict) -> ItemTranslation:
    """Add a translation of the item's title and summary. It waits for review
    (published with the item, or by a curator if the item is published already).
    Raises a ValidationError naming the field at fault."""
    translation = ItemTranslation(created_by=by, **data)
    translation.item = item
    translation.full_clean()
    try:
        with transaction.atomic():
            translation.save()
    except IntegrityError as error:
        # The same language added at the same moment by someone else.
        translation.clean()
        raise ValidationError({"language": _("Choose another language.")}) from error
    return translation


def remove_translation(translation: ItemTranslation) -> None:
    # Search forgets it (contributions.search), the public pages change if it was
    # published (core.content_version).
    translation.delete()


def link_translation(item: Contribution, original: Contribution | None) -> None:
    """Mark `item` as a translation of `original` (None: of nothing). Raises a
    ValidationError naming `translation_of` (models.check_translation_of)."""
    check_translation_of(item, original)
    item.translation_of = original
    item.save(update_fields=["translation_of", "updated_at"])


def publish_translation(translation: ItemTranslation) -> None:
    """A curator's approval of a translation added to a published item."""
    if translation.is_published:
        return
    translation.published_at = timezone.now()
    translation.save(update_fields=["published_at", "updated_at"])


def find_original(item: Contribution, user, address: str) -> Contribution | None:
    """The item of `item`'s kind that `address` (its page's link, or its slug)
    names, among those `user` may see; None for an empty address. An item the user
    may not see is reported as missing, like one that does not exist."""
    address = address.strip()
    if not address:
        return None
    slug = [part for part in urlsplit(address).path.split("/") if part][-1:] or [""]
    found = type(item).objects.visible_to(user).filter(slug=slug[0][:220]).first()
    if found is None:
        raise ValidationError(
            {
                "translation_of": _(
                    "No published %(kind)s, nor one of your organisation's, has this address."
                )
                % {"kind": item._meta.verbose_name}
            },
            code="not_found",
        )
    return found
