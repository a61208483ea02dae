from django import forms
from django.utils.translation import gettext_lazy as _

from pathway.models import Country
from search.text import MAX_QUERY_LENGTH, normalise


class SearchForm(forms.Form):
    """The site search's parameters. Words of any length are accepted and cut to
    MAX_QUERY_LENGTH."""

    max_length = MAX_QUERY_LENGTH

    q = forms.CharField(label=_("Search the portal"), required=False, strip=False)
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        required=False,
        to_field_name="code",
        error_messages={"invalid_choice": _("Unknown country code: choose an ISO 3166 code.")},
    )
    as_typed = forms.BooleanField(
        label=_("Search exactly as typed, without spelling correction"), required=False
    )

    def __init__(self, data=None, *args, **kwargs) -> None:
        if data is not None:
            data = data.copy()
            # Control characters (NUL among them) would be a validation error: dropped.
            data["q"] = normalise(str(data.get("q", "")))
            data["country"] = str(data.get("country", "")).strip().upper()
        super().__init__(data, *args, **kwargs)
