"""Your API tokens: the account pages where people create and revoke the personal
keys their scripts use with the REST API (see accounts.tokens).

A new key is shown once, in the response to the form that created it, and never
again: only its digest is stored. Sign-up, log-in and passwords are allauth's.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms import MAX_TOKENS_PER_USER, TokenForm
from .models import APIToken


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
    return redirect("accounts:tokens")
