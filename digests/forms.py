from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from barriers.models import Barrier, BarrierCategory
from pathway.models import Country, Region, Stage, TherapeuticArea

from .models import INTEREST_FIELDS, Frequency, Subscription

KIND_CHOICES = [
    ("resources", _("Resources: toolkits, guidelines, reports, training")),
    ("initiatives", _("Initiatives: programmes, pilots, networks, campaigns")),
]


class InterestsForm(forms.Form):
    """What a subscriber wants to hear about, and how often. Values are the same
    slugs and codes the library uses in its query strings. A plain form, not a
    ModelForm: model validation would report that an address is already
    subscribed, which the subscribe page must never reveal."""

    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        label=_("How often"),
    )
    kinds = forms.MultipleChoiceField(
        choices=KIND_CHOICES,
        initial=["resources", "initiatives"],
        widget=forms.CheckboxSelectMultiple,
        label=_("What to include"),
        error_messages={"required": _("Choose resources, initiatives or both.")},
    )
    stages = forms.ModelMultipleChoiceField(
        queryset=Stage.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Pathway stages"),
    )
    barriers = forms.ModelMultipleChoiceField(
        queryset=Barrier.objects.select_related("category"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Barriers"),
    )
    countries = forms.ModelMultipleChoiceField(
        queryset=Country.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        label=_("Countries"),
        help_text=_("Hold Ctrl (or ⌘ on a Mac) to choose several."),
    )
    regions = forms.ModelMultipleChoiceField(
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Regions"),
    )
    therapeutic_areas = forms.ModelMultipleChoiceField(
        queryset=TherapeuticArea.objects.select_related("parent"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Therapeutic areas"),
    )

    def barrier_groups(self) -> list[tuple[str, list]]:
        """The barrier checkboxes grouped under their categories, in order."""
        category_of = {
            barrier.slug: barrier.category_id for barrier in self.fields["barriers"].queryset
        }
        options: dict[int | None, list] = {}
        for option in self["barriers"]:
            options.setdefault(category_of.get(str(option.data["value"])), []).append(option)
        return [
            (category.name, options[category.pk])
            for category in BarrierCategory.objects.all()
            if category.pk in options
        ]

    def interests(self) -> dict:
        """The choices as Subscription field values (many-to-many ones as querysets)."""
        kinds = self.cleaned_data["kinds"]
        return {
            "frequency": self.cleaned_data["frequency"],
            "include_resources": "resources" in kinds,
            "include_initiatives": "initiatives" in kinds,
            **{name: self.cleaned_data[name] for name in INTEREST_FIELDS},
        }


class SubscribeForm(InterestsForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["email"]


class ManageForm(InterestsForm):
    paused = forms.BooleanField(
        required=False,
        label=_("Pause my digests"),
        help_text=_("Nothing is sent while paused; untick to start again."),
    )

    def __init__(self, *args, subscription: Subscription, **kwargs) -> None:
        self.subscription = subscription
        kwargs.setdefault("initial", current_interests(subscription))
        super().__init__(*args, **kwargs)

    def save(self) -> Subscription:
        subscription = self.subscription
        interests = self.interests()
        for name in INTEREST_FIELDS:
            getattr(subscription, name).set(interests.pop(name))
        for name, value in interests.items():
            setattr(subscription, name, value)
        subscription.paused = self.cleaned_data["paused"]
        subscription.save()
        return subscription


def current_interests(subscription: Subscription) -> dict:
    return {
        "frequency": subscription.frequency,
        "paused": subscription.paused,
        "kinds": [
            kind
            for kind, wanted in (
                ("resources", subscription.include_resources),
                ("initiatives", subscription.include_initiatives),
            )
            if wanted
        ],
        "stages": list(subscription.stages.values_list("slug", flat=True)),
        "barriers": list(subscription.barriers.values_list("slug", flat=True)),
        "countries": list(subscription.countries.values_list("pk", flat=True)),
        "regions": list(subscription.regions.values_list("slug", flat=True)),
        "therapeutic_areas": list(subscription.therapeutic_areas.values_list("slug", flat=True)),
    }


def initial_from_library(query: QueryDict) -> dict:
    """Interests pre-filled from a library or directory view's query string, so
    that "email me what's new here" subscribes to what the view shows."""
    barriers = list(query.getlist("barrier"))
    categories = query.getlist("category")
    if categories:
        barriers += Barrier.objects.filter(category__slug__in=categories).values_list(
            "slug", flat=True
        )
    initial = {
        "stages": query.getlist("stage"),
        "barriers": barriers,
        "countries": [code.upper() for code in query.getlist("country")],
        "regions": query.getlist("region"),
        "therapeutic_areas": query.getlist("area"),
    }
    kind = query.get("kind")
    if kind in ("resource", "initiative"):
        initial["kinds"] = [f"{kind}s"]
    return {name: value for name, value in initial.items() if value}
