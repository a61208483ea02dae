"""Your API tokens: the account pages where people create and revoke the personal
keys their scripts use with the REST API (see accounts.tokens).

A new key is shown once, in the response to the form that created it, and never
again: only its digest is stored. Included from ft3portal/urls.py at
/accounts/tokens/.
"""

import unicodedata

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from .models import APIToken

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
                _("You already have %(n)d keys. Revoke one you no longer use first."),
                params={"n": MAX_TOKENS_PER_USER},
            )
        return cleaned


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    """The user's keys, and the form that creates a new one."""
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token, key = APIToken.issue(request.user, form.cleaned_data["name"])
        response = render(request, "accounts/tokens_created.html", {"token": token, "key": key})
        # The page holds a secret: no cache, proxy or back button may keep a copy.
        add_never_cache_headers(response)
        return response
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "tokens": request.user.api_tokens.all(),
            "max_tokens": MAX_TOKENS_PER_USER,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Someone else's token is a 404, like one that does not exist.
    token = get_object_or_404(APIToken, pk=pk, user=request.user)
    token.delete()
    messages.success(
        request,
        _("The key “%(name)s” was revoked; scripts using it can no longer call the API.")
        % {"name": token.name},
    )
    return redirect("api_tokens:list")


app_name = "api_tokens"

urlpatterns = [
    path("", token_list, name="list"),
    path("<int:pk>/revoke/", token_revoke, name="revoke"),
]
