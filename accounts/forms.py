import unicodedata

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import User

# Enough for every script someone runs; a limit keeps a leaked session from minting thousands.
MAX_TOKENS_PER_USER = 20


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the key is for, so you can tell your keys apart later."),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        # Control characters (NUL among them) have no place in a label and break PostgreSQL.
        name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
        name = " ".join(name.split())
        if not name:
            raise forms.ValidationError(_("Give the key a name."))
        return name

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.user.api_tokens.count() >= MAX_TOKENS_PER_USER:
            raise forms.ValidationError(
                ngettext(
                    "You already have %(n)d key. Revoke it first if you no longer use it.",
                    "You already have %(n)d keys. Revoke one you no longer use first.",
                    MAX_TOKENS_PER_USER,
                ),
                params={"n": MAX_TOKENS_PER_USER},
            )
        return cleaned


class LanguageForm(forms.ModelForm):
    """The language of the emails a person gets from the portal."""

    class Meta:
        model = User
        fields = ["language"]
        labels = {"language": gettext_lazy("Language of your emails")}
