from django import forms
from django.utils.translation import gettext_lazy as _

from pathway.forms import CountryField
from search.text import MAX_QUERY_LENGTH, normalise


class SearchForm(forms.Form):
    """The site search's parameters. Words of any length are accepted and cut to
    MAX_QUERY_LENGTH."""

    max_length = MAX_QUERY_LENGTH

    q = forms.CharField(label=_("Search the portal"), required=False, strip=False)
    country = CountryField(label=_("Only what applies in"), required=False)
    as_typed = forms.BooleanField(
        label=_("Search exactly as typed, without spelling correction"), required=False
    )

    def __init__(self, data=None, *args, **kwargs) -> None:
        if data is not None:
            data = data.copy()
            # Control characters (NUL among them) would be a validation error: dropped.
            data["q"] = normalise(str(data.get("q", "")))
        super().__init__(data, *args, **kwargs)
