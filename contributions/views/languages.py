"""An item's languages page (/resources/<slug>/languages/): its translations and
the item it translates, managed by members of its organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms import TranslationForm, TranslationLinkForm
from ..languages import (
    add_translation,
    can_translate,
    find_original,
    link_translation,
    remove_translation,
    versions,
)
from ..models import Contribution, Initiative, Resource


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contribution_languages(
    request: HttpRequest, model: type[Contribution], slug: str
) -> HttpResponse:
    item = get_object_or_404(model.objects.visible_to(request.user), slug=slug)
    if not can_translate(item, request.user):
        raise PermissionDenied(_("You cannot change this item's languages."))
    here = reverse(f"contributions:{item.kind}-languages", args=[item.slug])
    form = TranslationForm(item=item, user=request.user)
    original = item.translation_of
    link_form = TranslationLinkForm(
        initial={"translation_of": original.get_absolute_url() if original else ""}
    )
    status = 200
    action = request.POST.get("action")
    if action == "add":
        form = TranslationForm(request.POST, item=item, user=request.user)
        if form.is_valid():
            try:
                add_translation(item, request.user, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The translation is saved. A curator reviews it."))
                return redirect(here)
        status = 400
    elif action == "link":
        link_form = TranslationLinkForm(request.POST)
        if link_form.is_valid():
            try:
                found = find_original(item, request.user, link_form.cleaned_data["translation_of"])
                link_translation(item, found)
            except ValidationError as error:
                link_form.add_error(None, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(here)
        status = 400
    elif action == "remove":
        chosen = request.POST.get("translation", "")
        pk = int(chosen) if chosen.isascii() and chosen.isdigit() and len(chosen) <= 18 else 0
        translation = get_object_or_404(item.translations, pk=pk)
        remove_translation(translation)
        messages.success(request, _("The translation is removed."))
        return redirect(here)
    context = {
        "item": item,
        "versions": versions(item, request.user),
        "form": form,
        "link_form": link_form,
    }
    return render(request, "contributions/languages.html", context, status=status)


def resource_languages(request: HttpRequest, slug: str) -> HttpResponse:
    return contribution_languages(request, Resource, slug)


def initiative_languages(request: HttpRequest, slug: str) -> HttpResponse:
    return contribution_languages(request, Initiative, slug)
