"""Form fields for choosing countries by typing them (see countries.py): a text box
with every country offered as a suggestion (a <datalist>, so it works without
JavaScript; static/js/country-picker.js turns it into a filtering list box).

- CountryField: one country (the site search).
- CountriesField: several; those already chosen show as ticked checkboxes, and more
  can be typed, separated by commas (CountriesPicker), or every country is a
  checkbox in a folding group per region (CountriesByRegion, the digest form), with
  a box that filters them as you type when JavaScript runs (static/js/choice-filter.js).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .countries import EXAMPLE, CountryNames, country_names
from .models import Country, Region

MAX_REPORTED = 5
SEVERAL = _("Type a country's name or code, e.g. Poland or PL; separate several with commas.")


def unknown_country_message(typed: str, names: CountryNames) -> str:
    """ "No country is called …", with the closest names if there are any."""
    message = gettext("No country is called “%(typed)s”.") % {"typed": typed[:100]}
    close = names.suggestions(typed)
    if close:
        message += " " + gettext("Did you mean %(names)s?") % {"names": gettext(" or ").join(close)}
    return message


class ProjectTemplateWidget(forms.Widget):
    """A widget whose template is one of the project's (templates/pathway/widgets/),
    which the default form renderer does not look in."""

    def render(self, name, value, attrs=None, renderer=None) -> str:
        context = self.get_context(name, value, attrs)
        return mark_safe(render_to_string(self.template_name, context))  # noqa: S308


class CountryInput(ProjectTemplateWidget, forms.TextInput):
    """A text box suggesting every country, by name in the visitor's language and code."""

    template_name = "pathway/widgets/country_input.html"

    def __init__(self, attrs=None) -> None:
        defaults = {
            "autocomplete": "off",
            "autocapitalize": "words",
            "spellcheck": "false",
            "maxlength": "200",
            "class": "country-picker__input",
        }
        super().__init__({**defaults, **(attrs or {})})

    def get_context(self, name, value, attrs):
        if attrs and attrs.get("id"):
            attrs = {"aria-describedby": f"{attrs['id']}_help", **attrs}
        context = super().get_context(name, value, attrs)
        context["options"] = country_names().options
        return context

    def format_value(self, value):
        # The field's value is a Country row once cleaned, a code or the typed text before.
        if isinstance(value, Country):
            return str(value)
        if value and isinstance(value, str):
            names = country_names()
            code = names.code_of(value)
            return names.names[code] if code else value
        return super().format_value(value)


class CountryField(forms.Field):
    """One country, typed as a name or an ISO code; cleaned to a Country row."""

    widget = CountryInput
    default_error_messages = {"unknown": "%(message)s"}

    def __init__(self, *, help_text=EXAMPLE, **kwargs) -> None:
        super().__init__(help_text=help_text, **kwargs)

    def to_python(self, value) -> Country | None:
        text = str(value or "").strip()
        if not text:
            return None
        names = country_names()
        code = names.code_of(text)
        country = Country.objects.filter(code=code).first() if code else None
        if country is None:
            raise ValidationError(
                self.error_messages["unknown"],
                code="unknown",
                params={"message": unknown_country_message(text, names)},
            )
        return country

    def prepare_value(self, value):
        return str(value.code) if isinstance(value, Country) else value


class CountriesPicker(ProjectTemplateWidget):
    """The countries chosen as ticked checkboxes, and a text box to add more."""

    template_name = "pathway/widgets/countries_picker.html"

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name) -> bool:
        return False  # Nothing ticked and nothing typed is a choice: no countries.

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        names = country_names()
        chosen: list[tuple[str, str]] = []
        typed: list[str] = []
        values = value if isinstance(value, list | tuple) else [value] if value else []
        for item in values:
            text = str(item.code) if isinstance(item, Country) else str(item or "")
            codes, unknown = names.read(text)
            chosen += [(code, names.names[code]) for code in codes if code in names.names]
            typed += unknown
        context["chosen"] = list(dict.fromkeys(chosen))
        context["typed"] = ", ".join(typed)
        context["options"] = names.options
        return context


class CountriesByRegion(CountriesPicker):
    """Every country as a checkbox, grouped by region in <details> (open where one is
    chosen): usable without a script, without a list box to hold Ctrl in."""

    template_name = "pathway/widgets/countries_by_region.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = {code for code, _name in context["chosen"]}
        region_of = dict(Country.objects.values_list("code", "region"))
        regions = {region.pk: str(region.name) for region in Region.objects.all()}
        groups: dict[int | None, list[tuple[str, str, bool]]] = {pk: [] for pk in regions}
        for code, country_name in context["options"]:
            region = region_of.get(code)
            groups.setdefault(region if region in regions else None, []).append(
                (code, country_name, code in chosen)
            )
        context["groups"] = [
            {
                "name": regions.get(pk) or gettext("Other countries"),
                "slug": pk or "other",
                "countries": countries,
                "chosen": sum(checked for _code, _name, checked in countries),
            }
            for pk, countries in groups.items()
            if countries
        ]
        return context


class CountriesField(forms.Field):
    """Several countries, ticked or typed (names or codes, separated by commas);
    cleaned to a list of Country rows."""

    widget = CountriesPicker
    default_error_messages = {"unknown": "%(message)s"}

    def __init__(self, *, help_text=SEVERAL, **kwargs) -> None:
        super().__init__(help_text=help_text, **kwargs)

    def to_python(self, value) -> list[Country]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        texts = [str(item.code) if isinstance(item, Country) else str(item) for item in values]
        if not any(text.strip() for text in texts):
            return []
        names = country_names()
        wanted: list[str] = []
        errors = []
        for text in texts[:50]:
            codes, unknown = names.read(text)
            wanted += [code for code in codes if code not in wanted]
            for typed in unknown:
                # Reported with close names for the first few only, each a fuzzy match.
                if len(errors) < MAX_REPORTED:
                    errors.append(
                        ValidationError(
                            self.error_messages["unknown"],
                            code="unknown",
                            params={"message": unknown_country_message(typed, names)},
                        )
                    )
        if errors:
            raise ValidationError(errors)
        found = {str(row.code): row for row in Country.objects.filter(code__in=wanted)}
        return [found[code] for code in wanted if code in found]

    def prepare_value(self, value):
        return str(value.code) if isinstance(value, Country) else value
