"""The similar-work endpoint the submission form asks while a partner types."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from contributions.forms import FORMS

from .check import SimilarityCheck


@require_safe
def similar_items(request: HttpRequest) -> HttpResponse:
    """Published items like the one being typed into the form, for static/js/similar.js:
    JSON with the matches and the HTML to show beside the form. It reads the form's
    own fields from the query string (title, summary, organisation, tags)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in to look for similar work.")}, status=403)
    models = {model._meta.model_name: model for model in FORMS}
    model = models.get(request.GET.get("kind", ""))
    if model is None:
        return JsonResponse({"error": _("Say which kind: resource or initiative.")}, status=400)
    item = None
    if slug := request.GET.get("item", "")[:220]:
        item = model.objects.editable_by(request.user).filter(slug=slug).first()
    # Bound like a draft being saved, the form checks every value (and drops the
    # ones it does not know); only the valid fields make the profile.
    form = FORMS[model](request.GET, user=request.user, instance=item)
    form.is_valid()
    check = SimilarityCheck.for_form(form, {}, request.user, item)
    html = check.render(request, live=True)
    count = len(check.matches)
    return JsonResponse(
        {
            "message": ngettext(
                "%(n)d similar published item is listed after the description.",
                "%(n)d similar published items are listed after the description.",
                count,
            )
            % {"n": count},
            "matches": [
                {
                    "kind": match.kind,
                    "title": match.item.title,
                    "url": match.item.get_absolute_url(),
                    "score": match.score,
                    "strong": match.strong,
                    "reasons": match.reasons,
                }
                for match in check.matches
            ],
            "html": html,
        }
    )
