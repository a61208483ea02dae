"""The languages an item is available in.

An item keeps `language`: the language it was written in, which drives how search
stems its text. It becomes available in more languages in two ways:

- an ItemTranslation: its title and summary in another language, written by a
  member of its organisation, with an optional link to the translated document;
- another item of the same kind marked as its translation (`translation_of`):
  a guide published separately in Polish and in English. Links form a star
  around the original (a translation of a translation is refused), so an item's
  family is its original and the original's translations, found in one query.

What visitors see of these follows the item's review (see README, "Languages of
contributions"): a translation added while the item is a draft or in review is
published with it; one added to a published item waits for a curator, as a
change to the published text does. Linked items are shown once published.

`languages_of` (many items) and `ContributionQuerySet.available_in` (the filter)
are the one rule for "available in": the original language, the published
translations, and the languages of the published items of its family.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .items import Initiative, Resource
from .links import contribution_link, one_contribution
from .workflow import LANGUAGE_CHOICES, Status

# The languages a translation may be in: every item language but "several".
TRANSLATION_LANGUAGES = [(code, label) for code, label in LANGUAGE_CHOICES if code != "mul"]


class ItemTranslationQuerySet(models.QuerySet):
    def published(self) -> "ItemTranslationQuerySet":
        return self.filter(published_at__isnull=False)

    def awaiting_review(self) -> "ItemTranslationQuerySet":
        return self.filter(published_at__isnull=True)


class ItemTranslation(models.Model):
    """An item's title and summary in another language than its own."""

    resource = contribution_link(Resource, _("resource"), "translations")
    initiative = contribution_link(Initiative, _("initiative"), "translations")
    language = models.CharField(_("language"), max_length=3, choices=TRANSLATION_LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=600)
    url = models.URLField(
        _("link to the translated document"),
        max_length=500,
        blank=True,
        help_text=_("If the document itself exists in this language."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="item_translations",
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set when a curator publishes it (with the item, or on its own for an item
    # already published): until then only the organisation and curators see it.
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    objects = ItemTranslationQuerySet.as_manager()

    class Meta:
        ordering = ["language", "pk"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            one_contribution("contributions_translation_one_item"),
            models.UniqueConstraint(
                fields=["resource", "language"], name="contributions_translation_resource_lang"
            ),
            models.UniqueConstraint(
                fields=["initiative", "language"], name="contributions_translation_initiative_lang"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    @property
    def item(self):
        return self.resource or self.initiative

    @item.setter
    def item(self, item) -> None:
        setattr(self, item.kind, item)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def clean(self) -> None:
        """A translation is in another language than its item's, one per language."""
        item = self.item
        if item is None or not self.language:
            return
        labels = dict(LANGUAGE_CHOICES)
        name = labels.get(self.language, self.language)
        if self.language == item.language:
            raise ValidationError(
                {
                    "language": _(
                        "The item itself is in %(language)s: choose the language of the "
                        "translation."
                    )
                    % {"language": name}
                },
                code="same_language",
            )
        others = ItemTranslation.objects.filter(**{item.kind: item}, language=self.language)
        if others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {
                    "language": _(
                        "It already has a translation in %(language)s: change or remove "
                        "that one instead."
                    )
                    % {"language": name}
                },
                code="duplicate",
            )

    def affects_public_pages(self) -> bool:
        """Seen by visitors once published on a published (or just archived) item."""
        return self.is_published and self.item.affects_public_pages()


def available_in(items: models.QuerySet, *languages: str) -> models.QuerySet:
    """The `items` a visitor can read in one of `languages`: written in it, with a
    published translation in it, or with a published item of their family in it
    (the original they translate, or another translation of it). The same rule as
    languages_of, which tests/contributions/test_languages.py keeps equal."""
    model = items.model
    published = model._default_manager.filter(status=Status.PUBLISHED)
    translated = ItemTranslation.objects.published().filter(language__in=languages)
    in_language = published.filter(language__in=languages)
    # Originals with a published translation item in one of `languages`.
    originals = in_language.filter(translation_of__isnull=False).values("translation_of")
    return items.filter(
        Q(language__in=languages)
        | Q(pk__in=translated.values(model._meta.model_name))
        | Q(translation_of__in=in_language.values("pk"))
        | Q(pk__in=originals)
        | Q(translation_of__in=originals)
    )


def languages_of(items: Iterable) -> dict[int, list[str]]:
    """{item pk: the language codes it is available in, its own first} for items of
    one kind, in two queries whatever their number."""
    items = list(items)
    if not items:
        return {}
    model = type(items[0])
    kind = model._meta.model_name
    found = {item.pk: [item.language] for item in items}
    for pk, language in (
        ItemTranslation.objects.published()
        .filter(**{f"{kind}__in": list(found)})
        .values_list(kind, "language")
    ):
        found[pk].append(language)
    roots = {item.translation_of_id or item.pk for item in items}
    family: dict[int, list[tuple[int, str]]] = {}
    for pk, language, original in (
        model._default_manager.filter(status=Status.PUBLISHED)
        .filter(Q(pk__in=roots) | Q(translation_of__in=roots))
        .values_list("pk", "language", "translation_of")
    ):
        family.setdefault(original or pk, []).append((pk, language))
    for item in items:
        for pk, language in family.get(item.translation_of_id or item.pk, []):
            if pk != item.pk:
                found[item.pk].append(language)
    return {pk: list(dict.fromkeys(languages)) for pk, languages in found.items()}


def translation_targets(item) -> models.QuerySet:
    """The items `item` may be marked as a translation of: of its kind, not itself,
    an original (not a translation of another), and published or of its own
    organisation; never an unpublished item of another organisation."""
    return (
        type(item)
        ._default_manager.filter(translation_of__isnull=True)
        .filter(Q(status=Status.PUBLISHED) | Q(organisation_id=item.organisation_id))
        .exclude(pk=item.pk)
    )


def check_translation_of(item, original) -> None:
    """Raise a ValidationError naming `translation_of` unless `item` may be marked
    as a translation of `original` (None clears the link)."""
    if original is None:
        return
    if original.pk == item.pk:
        raise ValidationError(
            {"translation_of": _("An item cannot be a translation of itself.")}, code="self"
        )
    if type(original) is not type(item):
        raise ValidationError(
            {"translation_of": _("Choose an item of the same kind.")}, code="kind"
        )
    if not translation_targets(item).filter(pk=original.pk).exists():
        if original.translation_of_id is not None:
            message = _("“%(title)s” is itself a translation: choose the original it translates.")
        else:
            message = _(
                "“%(title)s” is not published, and belongs to another organisation: only "
                "published items, or your organisation's own, can be chosen."
            )
        raise ValidationError(
            {"translation_of": message % {"title": original.title}}, code="invalid_choice"
        )
    if item.translated_as.exists():
        raise ValidationError(
            {
                "translation_of": _(
                    "Other items are marked as translations of this one: it is an original."
                )
            },
            code="original",
        )
    if original.language == item.language:
        raise ValidationError(
            {
                "translation_of": _("“%(title)s” is in the same language as this item.")
                % {"title": original.title}
            },
            code="same_language",
        )
