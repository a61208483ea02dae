"""The submission forms partners use to add and edit resources and initiatives."""

import uuid
from collections.abc import Iterator
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from barriers.models import Barrier
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Organisation, StakeholderGroup

from .models import TAG_FIELDS, Contribution, Initiative, ItemTranslation, Resource
from .submission import TooManySubmissions, check_submission_rate

ACTION_DRAFT = "draft"
ACTION_SUBMIT = "submit"
ACTION_PREVIEW = "preview"


class ContributionForm(forms.ModelForm):
    """Fields common to both kinds. `action` says what the partner pressed:
    save as draft, submit for review, or preview the description."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    taxonomy_fields = TAG_FIELDS

    def __init__(self, *args, user, action: str = ACTION_DRAFT, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.action = action
        # Widgets first: assigning a queryset hands its choices to the current widget.
        for name in self.taxonomy_fields:
            self.fields[name].widget = forms.CheckboxSelectMultiple()
            self.fields[name].required = False
        organisations = Organisation.objects.acted_for_by(user).order_by("name")
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None
        self.fields["stages"].queryset = Stage.objects.all()
        self.fields["barriers"].queryset = Barrier.objects.select_related("category")
        self.fields["audiences"].queryset = StakeholderGroup.objects.all()
        self.fields["countries"].queryset = Country.objects.select_related("region").order_by(
            "region__position", "name"
        )
        self.fields["regions"].queryset = Region.objects.all()
        # Each top-level area first, then its narrower areas, so groups stay together.
        self.fields["therapeutic_areas"].queryset = (
            TherapeuticArea.objects.select_related("parent")
            .annotate(
                group_position=Coalesce("parent__position", "position"),
                group_name=Coalesce("parent__name", "name"),
            )
            .order_by(
                "group_position",
                "group_name",
                F("parent").asc(nulls_first=True),
                "position",
                "name",
            )
        )
        if not self.is_bound and not self.initial.get("submission_key"):
            self.initial["submission_key"] = uuid.uuid4()

    def clean(self) -> dict:
        # Whether the item may go to review is the model's rule (submit() and
        # Revision.propose() raise); the view shows their errors with add_model_errors.
        cleaned = super().clean()
        if self.instance.pk is None:
            try:
                check_submission_rate(self.user)
            except TooManySubmissions as refused:
                raise ValidationError(str(refused), code="rate_limited") from refused
        return cleaned

    def add_model_errors(self, error: ValidationError) -> None:
        """Show a model rule's ValidationError on the fields it names (else above the form)."""
        by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for name, messages in by_field.items():
            self.add_error(name if name in self.fields else None, messages)

    # Grouped checkboxes for long lists: barriers by category, countries by
    # region, therapeutic areas under their parent area.

    def grouped(self, name: str) -> Iterator[tuple[str, list]]:
        rows = list(self.fields[name].queryset)
        widgets = list(self[name].subwidgets)
        label = {
            "barriers": lambda row: row.category.name,
            "countries": lambda row: row.region.name if row.region_id else _("Other"),
            "therapeutic_areas": lambda row: (row.parent or row).name,
        }[name]
        pairs = zip(rows, widgets, strict=True)
        for group, members in groupby(pairs, key=lambda pair: label(pair[0])):
            yield group, [widget for _row, widget in members]

    def barrier_groups(self):
        return list(self.grouped("barriers"))

    def country_groups(self):
        return [
            (group, widgets, sum(1 for w in widgets if w.data["selected"]))
            for group, widgets in self.grouped("countries")
        ]

    def area_groups(self):
        return list(self.grouped("therapeutic_areas"))


COMMON_FIELDS = ["title", "summary", "description", "organisation", *TAG_FIELDS, "language"]


class ResourceForm(ContributionForm):
    class Meta:
        model = Resource
        fields = [*COMMON_FIELDS, "resource_type", "url", "publisher", "year"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "year": forms.NumberInput(attrs={"min": 1900, "max": 2100}),
        }
        help_texts = {
            "title": _("A clear name people will search for, in its original language."),
            "organisation": _("The organisation you are submitting for."),
            "stages": _("Where on the patient's pathway it helps."),
            "barriers": _("The barriers it helps to remove."),
            "language": _("The language the resource itself is written in."),
            "year": _("The year it was published or last updated."),
        }


class InitiativeForm(ContributionForm):
    class Meta:
        model = Initiative
        fields = [
            *COMMON_FIELDS,
            "phase",
            "start_date",
            "end_date",
            "website",
            "outcomes",
            "partner_organisations",
            "related_resources",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "outcomes": forms.Textarea(attrs={"rows": 5}),
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "partner_organisations": forms.SelectMultiple(attrs={"size": 8}),
            "related_resources": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "title": _("The name the initiative is known by."),
            "organisation": _("The organisation leading the initiative."),
            "stages": _("Where on the patient's pathway it works."),
            "barriers": _("The barriers it works to remove."),
            "partner_organisations": _(
                "Organisations working with you on it. Hold Ctrl (⌘ on a Mac) to choose several."
            ),
            "related_resources": _(
                "Published resources it produced or uses. Hold Ctrl (⌘ on a Mac) to choose several."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner_organisations"].queryset = Organisation.objects.verified()
        self.fields["related_resources"].queryset = Resource.objects.published().order_by("title")


FORMS: dict[type[Contribution], type[ContributionForm]] = {
    Resource: ResourceForm,
    Initiative: InitiativeForm,
}


class TranslationForm(forms.ModelForm):
    """An item's title and summary in another language."""

    class Meta:
        model = ItemTranslation
        fields = ["language", "title", "summary", "url"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "title": _("The title in that language."),
            "summary": _("Two or three plain sentences, in that language."),
        }

    def __init__(self, *args, item: Contribution, user, **kwargs) -> None:
        kwargs.setdefault("instance", ItemTranslation(created_by=user))
        kwargs["instance"].item = item
        super().__init__(*args, prefix="translation", **kwargs)
        self.fields["language"].choices = [("", "—")] + [
            (code, label)
            for code, label in self.fields["language"].choices
            if code and code != item.language
        ]


class TranslationLinkForm(forms.Form):
    """Mark an item as a translation of another of the same kind."""

    translation_of = forms.CharField(
        label=_("It is a translation of"),
        required=False,
        max_length=500,
        help_text=_(
            "The address (or the last part of it) of the original's page on this portal. "
            "Leave empty if it translates nothing here."
        ),
    )
