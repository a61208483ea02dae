import unicodedata

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import MAX_DISPLAY_NAME_LENGTH, User

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


def clean_display_name(value: str) -> str:
    name = " ".join(
        "".join(ch for ch in value if not unicodedata.category(ch).startswith("C")).split()
    )
    if not name:
        raise forms.ValidationError(_("Please give the name others should see."))
    return name


class SignupForm(forms.Form):
    """What allauth's sign-up form asks besides the address and password
    (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=MAX_DISPLAY_NAME_LENGTH,
        help_text=gettext_lazy("Shown to curators and to the people of your organisation."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_display_name(self) -> str:
        return clean_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class ProfileForm(forms.ModelForm):
    """The name others see and the language of the emails a person gets."""

    class Meta:
        model = User
        fields = ["display_name", "language"]
        labels = {
            "display_name": gettext_lazy("Your name"),
            "language": gettext_lazy("Language of your emails"),
        }
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def clean_display_name(self) -> str:
        return clean_display_name(self.cleaned_data["display_name"])


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for its password, so that an open session alone
    cannot do it."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
