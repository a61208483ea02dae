from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from contributions.models import Initiative
from pathway.models import Country
from stakeholders.models import Organisation

from .models import MAX_NOTE_LENGTH, Adoption


class DeclarationForm(forms.Form):
    """Declare that one of your organisations adopts (or wants to adopt) an initiative.
    The rules are Adoption.rule_errors, checked again by Adoption.declare."""

    organisation = forms.ModelChoiceField(
        label=_("Your organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    country = forms.ModelChoiceField(
        label=_("Country where it is adopted"),
        queryset=Country.objects.all(),
        help_text=_("Another country than the initiative's organisation's."),
    )
    kind = forms.ChoiceField(
        label=_("Where you are with it"),
        choices=Adoption.Kind.choices,
        widget=forms.RadioSelect,
        initial=Adoption.Kind.PLANNED,
    )
    note = forms.CharField(
        label=_("Note to the initiative's organisation"),
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you want to adopt and how, in up to 1,000 characters."),
    )
    adapted_initiative = forms.ModelChoiceField(
        label=_("Your initiative that adapts it (optional)"),
        queryset=Initiative.objects.none(),
        required=False,
        empty_label=_("None yet"),
    )

    def __init__(self, *args, initiative: Initiative, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        organisations = Organisation.objects.acted_for_by(user).verified()
        self.fields["organisation"].queryset = organisations
        self.fields["adapted_initiative"].queryset = Initiative.objects.filter(
            organisation__in=organisations.values("pk")
        ).exclude(pk=initiative.pk)
        first = organisations.exclude(pk=initiative.organisation_id).first()
        if first is not None and not self.is_bound:
            self.initial.setdefault("organisation", first.pk)
            if first.country_id and first.country_id != initiative.organisation.country_id:
                self.initial.setdefault("country", first.country_id)

    def clean(self) -> dict:
        data = super().clean()
        if {"organisation", "country"} <= set(data):
            errors = Adoption.rule_errors(
                initiative=self.initiative,
                organisation=data["organisation"],
                country=data["country"],
                adapted=data.get("adapted_initiative"),
            )
            for field, messages in errors.items():
                target = field if field in self.fields else None
                for message in messages:
                    self.add_error(target, ValidationError(message))
        return data
