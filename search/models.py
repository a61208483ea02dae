"""The curated synonym table and the vocabulary of the index."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import words


class Synonym(models.Model):
    """Words and phrases that mean the same thing to the people searching: an acronym
    and its expansion, US and UK spelling, the same term in other languages.

    Only true equivalents: a search for any term finds what any other term finds.
    """

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "One term per line, each a word or a phrase meaning exactly the same, "
            "e.g. NGS and next-generation sequencing. Case and accents do not matter."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self) -> str:
        return " = ".join(self.term_list())

    def term_list(self) -> list[str]:
        return [line.strip() for line in self.terms.splitlines() if line.strip()]

    def clean(self) -> None:
        terms = {tuple(words(term)) for term in self.term_list()} - {()}
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two different terms.")})


class Term(models.Model):
    """A folded word that occurs in something searchable: the vocabulary that
    misspelled query words are corrected against (see spelling.py)."""

    word = models.CharField(_("word"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self) -> str:
        return self.word


class StoredVector(models.Model):
    """The PostgreSQL search vectors of an object of a kind without a stored vector
    of its own (reference content: stages, barriers, stakeholder groups,
    organisations), written by index.store_many as the FTS5 table is on SQLite:
    the whole document, its title part (weight A) and its summary part (B), each
    in every language the object is written in. `document` is GIN-indexed
    (migration 0004). Unused on SQLite."""

    kind = models.PositiveSmallIntegerField()
    object_id = models.BigIntegerField()
    document = SearchVectorField()
    title = SearchVectorField()
    summary = SearchVectorField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_stored_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"
