"""The subscribe and manage forms. What a subscription follows is a library query
(digests/models.py): the form shows its stages, barriers, countries, regions and
therapeutic areas as widgets to pick from, and keeps every other filter of the
library view it came from (a search, a language, a type, ...) as a ticked
checkbox, so that nothing is dropped unless the person unticks it."""

from urllib.parse import parse_qsl, urlencode

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.models import PROVEN
from barriers.models import Barrier, BarrierCategory
from contributions.filters import LIBRARY_FILTERSETS, ChosenFilter, LibraryQuery
from contributions.models import TAG_KINDS
from pathway.forms import CountriesByRegion, CountriesField
from pathway.models import Region, Stage, TherapeuticArea

from .models import KINDS, Frequency, Subscription

KIND_CHOICES = [
    ("resources", _("Resources: toolkits, guidelines, reports, training")),
    ("initiatives", _("Initiatives: programmes, pilots, networks, campaigns")),
]


class InterestsForm(forms.Form):
    """What a subscriber wants to hear about, and how often. The tag fields are
    named as Contribution's (TAG_KINDS) and take the slugs and codes the library
    uses in its query strings; `filters` holds the library's other filters as
    "name=value" pairs. A plain form, not a ModelForm: model validation would
    report that an address is already subscribed, which the subscribe page must
    never reveal."""

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
    countries = CountriesField(
        required=False,
        label=_("Countries"),
        widget=CountriesByRegion,
        help_text=_("Open a region to tick its countries."),
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
    proven_only = forms.BooleanField(
        required=False,
        label=_("Only initiatives assessed as best or promising practice"),
        help_text=_("This applies to initiatives only: resources are still included."),
    )
    filters = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Also from the library view"),
        help_text=_("Filters of the page you came from. Untick any you want to drop."),
    )

    def __init__(self, data=None, *, library: LibraryQuery | None = None, **kwargs) -> None:
        """`library`: the query an unbound form starts from. A bound form offers the
        library filters it was posted with that the library still knows."""
        super().__init__(data, **kwargs)
        if self.is_bound:
            posted = QueryDict(mutable=True)
            for kept in self.data.getlist("filters"):
                for name, value in parse_qsl(kept):
                    posted.appendlist(name, value)
            library = LibraryQuery.read(posted)
        library = library or LibraryQuery()
        kept = [
            chosen
            for chosen in library.chosen
            if chosen.name not in EDITED_KINDS and chosen.name != PRACTICE
        ]
        self.fields["filters"].choices = [
            (query_pair(chosen), described(chosen)) for chosen in kept
        ]
        if not self.is_bound:
            self.initial.setdefault("filters", [query_pair(chosen) for chosen in kept])
            for param, name in EDITED_KINDS.items():
                self.initial.setdefault(name, library.values(param))
            self.initial.setdefault("proven_only", bool(library.values(PRACTICE)))

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

    def area_groups(self) -> list[dict]:
        """The therapeutic-area checkboxes grouped as the tree is: each broad area
        with its narrower ones, in order, as {"option", "name", "narrower": [(option,
        name)]}."""
        areas = {str(area.slug): area for area in self.fields["therapeutic_areas"].queryset}
        groups: dict[int, dict] = {}
        for option in self["therapeutic_areas"]:
            area = areas[str(option.data["value"])]
            broad = area.parent if area.parent_id is not None else area
            group = groups.setdefault(broad.pk, {"option": None, "name": "", "narrower": []})
            if broad is area:
                group.update(option=option, name=area.name)
            else:
                group["narrower"].append((option, area.name))
        return list(groups.values())

    def interests(self) -> dict:
        """The choices as Subscription field values."""
        kinds = self.cleaned_data["kinds"]
        return {
            "frequency": self.cleaned_data["frequency"],
            "query": self.library_query(),
            "include_resources": "resources" in kinds,
            "include_initiatives": "initiatives" in kinds,
        }

    def library_query(self) -> str:
        """The widgets' choices and the kept filters as one normalised query string."""
        data = QueryDict(mutable=True)
        for param, name in EDITED_KINDS.items():
            field = self.fields[name]
            data.setlist(param, [str(field.prepare_value(row)) for row in self.cleaned_data[name]])
        for kept in self.cleaned_data["filters"]:
            for name, value in parse_qsl(kept):
                data.appendlist(name, value)
        if self.cleaned_data["proven_only"]:
            data.setlist(PRACTICE, [str(outcome) for outcome in PROVEN])
        return str(LibraryQuery.read(data))


# The library's filter of initiatives by assessment (contributions.filters), which
# the form offers as one box, "proven practice only".
PRACTICE = "practice"

# The tag kinds the form has widgets for: {library parameter: form field}. The
# library's other filters (categories, audiences, ...) go into `filters`.
EDITED_KINDS = {
    kind.param: kind.field for kind in TAG_KINDS if kind.field in InterestsForm.base_fields
}


def query_pair(chosen: ChosenFilter) -> str:
    return urlencode([(chosen.name, chosen.value)])


def described(chosen: ChosenFilter) -> str:
    """A kept filter as the form shows it: "Year: 2024 (resources only)"."""
    kinds = [
        filterset._meta.model._meta.verbose_name_plural
        for filterset in LIBRARY_FILTERSETS
        if chosen.name in filterset.base_filters
    ]
    if len(kinds) == len(LIBRARY_FILTERSETS):
        return str(chosen)
    return gettext("%(filter)s (%(kinds)s only)") % {
        "filter": chosen,
        "kinds": ", ".join(str(kind) for kind in kinds),
    }


class SubscribeForm(InterestsForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["email"]


class ManageForm(InterestsForm):
    language = forms.ChoiceField(
        choices=settings.LANGUAGES,
        # Left out (an older form), the language stays as it was.
        required=False,
        label=_("Language of the emails"),
        help_text=_("Digests and our emails about them are written in this language."),
    )
    paused = forms.BooleanField(
        required=False,
        label=_("Pause my digests"),
        help_text=_("Nothing is sent while paused; untick to start again."),
    )

    def __init__(self, data=None, *, subscription: Subscription, **kwargs) -> None:
        self.subscription = subscription
        if data is None:
            kwargs.setdefault(
                "initial",
                {
                    "frequency": subscription.frequency,
                    "language": subscription.language,
                    "paused": subscription.paused,
                    "kinds": [f"{kind}s" for kind in subscription.kinds],
                },
            )
            kwargs.setdefault("library", subscription.library_query())
        super().__init__(data, **kwargs)

    def save(self) -> Subscription:
        subscription = self.subscription
        for name, value in self.interests().items():
            setattr(subscription, name, value)
        subscription.paused = self.cleaned_data["paused"]
        subscription.language = self.cleaned_data["language"] or subscription.language
        subscription.save()
        return subscription


def from_library(data: QueryDict) -> tuple[dict, LibraryQuery]:
    """The initial kinds, and the library query, of a library or directory view's
    query string, so that "email me what's new here" subscribes to what the view
    shows. `kind` (resource or initiative) says which view it was."""
    data = data.copy()
    kinds = data.pop("kind", [])
    library = LibraryQuery.read(data)
    initial = {}
    if len(kinds) == 1 and kinds[0] in KINDS:
        initial["kinds"] = [f"{kinds[0]}s"]
    elif kinds:
        library.notices.append(gettext("We ignored an unknown kind of contribution."))
    return initial, library
