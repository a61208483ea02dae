import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from pathway.markup import render_markdown
from stakeholders.models import Organisation

from . import similarity
from .filters import (
    SORTS,
    ContributionFilterSet,
    InitiativeFilterSet,
    ResourceFilterSet,
    ignored_notices,
)
from .forms import (
    ACTION_DRAFT,
    ACTION_PREVIEW,
    ACTION_SUBMIT,
    FORMS,
    ContributionForm,
    SimilarityCheck,
    posted_marks,
)
from .models import EDITABLE_STATUSES, Contribution, Initiative, Resource, Revision, Status

PAGE_SIZE = 20


def library_notices(request: HttpRequest, filterset: ContributionFilterSet) -> list[str]:
    """Plain-language notes on what the page ignored or changed in the request."""
    notices = ignored_notices(filterset.ignored(), request.GET.get("q", ""))
    sort = request.GET.get("sort")
    if sort and sort not in SORTS:
        notices.append(_("We ignored an unknown sort order."))
    return notices


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string minus some parameters, for links that change them."""
    params = [(key, value) for key, value in request.GET.lists() if key not in names]
    return urlencode([(key, v) for key, values in params for v in values])


def active_filters(request: HttpRequest, facets: list) -> list[dict]:
    """Each chosen filter value with a link that removes just that value."""
    chosen = []
    for facet in facets:
        for option in facet.selected:
            params = [
                (key, value)
                for key, values in request.GET.lists()
                for value in values
                if key != "page"
                and not (key == facet.name and value.upper() == option.value.upper())
            ]
            chosen.append(
                {"facet": facet.label, "label": option.label, "remove": "?" + urlencode(params)}
            )
    return chosen


def library(
    request: HttpRequest,
    queryset: QuerySet,
    filterset_class: type[ContributionFilterSet],
    template: str,
    extra: dict,
) -> HttpResponse:
    filterset = filterset_class(request.GET, queryset=queryset)
    notices = library_notices(request, filterset)
    paginator = Paginator(filterset.qs, PAGE_SIZE)
    requested_page = request.GET.get("page", "1")
    page = paginator.get_page(requested_page)
    if requested_page not in ("", str(page.number)):
        notices.append(
            _("There is no page “%(page)s”; showing page %(n)d of %(total)d.")
            % {"page": requested_page[:20], "n": page.number, "total": paginator.num_pages}
        )
    facets = filterset.facets()
    context = {
        "filterset": filterset,
        "facets": facets,
        "active_filters": active_filters(request, facets),
        "page": page,
        "items": page.object_list,
        "search_text": filterset.search_text,
        "sort_key": filterset.sort_key,
        "sorts": [
            (key, label)
            for key, label in SORTS.items()
            if key != "relevance" or filterset.search_text
        ],
        "notices": notices,
        "page_query": query_without(request, "page"),
        "is_filtered": any(
            key != "page" and any(v.strip() for v in values) for key, values in request.GET.lists()
        ),
        **extra,
    }
    return render(request, template, context)


@require_safe
def resource_list(request: HttpRequest) -> HttpResponse:
    return library(
        request,
        Resource.objects.published().with_tags(),
        ResourceFilterSet,
        "contributions/library.html",
        {
            "kind": "resource",
            "title": _("Resource library"),
            "intro": _(
                "Toolkits, guidelines, reports, training and patient information that help "
                "patients get tested and treated."
            ),
            "feed_url": reverse("contributions:resource-feed"),
        },
    )


@require_safe
def initiative_list(request: HttpRequest) -> HttpResponse:
    return library(
        request,
        Initiative.objects.published().with_tags(),
        InitiativeFilterSet,
        "contributions/library.html",
        {
            "kind": "initiative",
            "title": _("Initiative directory"),
            "intro": _(
                "Programmes, pilots, networks and campaigns working to remove barriers "
                "along the pathway, and where they work."
            ),
            "feed_url": reverse("contributions:initiative-feed"),
        },
    )


def member_context(request: HttpRequest, item: Contribution) -> dict:
    """What a member of the item's organisation (or a curator) sees beyond the public page."""
    user = request.user
    if not user.is_authenticated:
        return {}
    is_member = item.organisation.is_member(user)
    if not (is_member or user.is_curator):
        return {}
    return {
        "show_history": True,
        "history": item.moderation_events.select_related("actor"),
        "pending_revision": item.revisions.pending().first(),
        "can_edit": is_member and item.status in EDITABLE_STATUSES,
    }


@require_safe
def resource_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = get_object_or_404(Resource.objects.visible_to(request.user).with_tags(), slug=slug)
    initiatives = resource.initiatives.published().select_related("organisation")
    return render(
        request,
        "contributions/resource_detail.html",
        {
            "item": resource,
            "initiatives": initiatives,
            "related": similarity.related_to(resource),
            **member_context(request, resource),
        },
    )


@require_safe
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(
        Initiative.objects.visible_to(request.user)
        .with_tags()
        .prefetch_related("partner_organisations"),
        slug=slug,
    )
    related_resources = initiative.related_resources.published().select_related("organisation")
    return render(
        request,
        "contributions/initiative_detail.html",
        {
            "item": initiative,
            "related_resources": related_resources,
            "related": similarity.related_to(initiative),
            "partners": similarity.potential_partners(initiative),
            **member_context(request, initiative),
        },
    )


# Submitting and editing.


def form_action(request: HttpRequest) -> str:
    action = request.POST.get("action", ACTION_DRAFT)
    return action if action in (ACTION_DRAFT, ACTION_SUBMIT, ACTION_PREVIEW) else ACTION_DRAFT


def render_form(
    request: HttpRequest,
    form: ContributionForm,
    item=None,
    status: int = 200,
    check: SimilarityCheck | None = None,
):
    model = form._meta.model
    preview = ""
    if form.action == ACTION_PREVIEW and form.is_bound:
        preview = render_markdown(form.data.get("body", ""))
    if check is None and form.is_bound and posted_marks(request.POST):
        # Shown again (a preview, an error): keep what the partner marked on screen.
        check = SimilarityCheck.for_form(form, request.POST, request.user, item)
    return render(
        request,
        "contributions/form.html",
        {
            "form": form,
            "item": item,
            "kind": model._meta.model_name,
            "kind_label": model._meta.verbose_name,
            "preview": preview,
            "pending_revision": item.revisions.pending().first() if item else None,
            "check": check,
            # Published items change through revisions: nothing to check them for.
            "similar": item is None or item.status != Status.PUBLISHED,
        },
        status=status,
    )


@login_required
def contribution_create(request: HttpRequest, model: type[Contribution]) -> HttpResponse:
    if not Organisation.objects.acted_for_by(request.user).exists():
        return render(request, "contributions/no_organisation.html", status=403)
    form_class = FORMS[model]
    if request.method != "POST":
        return render_form(request, form_class(user=request.user))

    action = form_action(request)
    key = request.POST.get("submission_key", "")
    already = (
        model.objects.filter(submission_key=key, submitted_by=request.user).first()
        if (is_uuid(key))
        else None
    )
    if already is not None:
        # The same form posted twice (refresh, double click): show what the first post made.
        messages.info(request, _("This was already saved; here it is."))
        return redirect(already.get_absolute_url())

    form = form_class(request.POST, user=request.user, action=action)
    if action == ACTION_PREVIEW or not form.is_valid():
        return render_form(request, form, status=200 if action == ACTION_PREVIEW else 400)
    check = SimilarityCheck.for_form(form, request.POST, request.user)
    if action == ACTION_SUBMIT and check.holds():
        return render_form(request, form, check=check)
    try:
        with transaction.atomic():
            item = form.save(commit=False)
            item.submitted_by = request.user
            item.submission_key = form.cleaned_data.get("submission_key")
            item.save()
            form.save_m2m()
            check.record(item)
            if action == ACTION_SUBMIT:
                item.submit(by=request.user)
    except IntegrityError:
        # Lost a race with an identical post that committed first.
        already = get_object_or_404(
            model, submission_key=form.cleaned_data["submission_key"], submitted_by=request.user
        )
        return redirect(already.get_absolute_url())
    if action == ACTION_SUBMIT:
        messages.success(
            request,
            _("Thank you. “%(title)s” was sent to the curators for review.")
            % {"title": item.title},
        )
    else:
        messages.success(request, _("“%(title)s” was saved as a draft.") % {"title": item.title})
    return redirect(item.get_absolute_url())


@login_required
def contribution_edit(request: HttpRequest, model: type[Contribution], slug: str) -> HttpResponse:
    item = get_object_or_404(model.objects.visible_to(request.user), slug=slug)
    if not model.objects.editable_by(request.user).filter(pk=item.pk).exists():
        raise PermissionDenied(_("You cannot edit this item."))
    form_class = FORMS[model]
    pending = item.revisions.pending().first()
    if request.method != "POST":
        form = form_class(instance=item, user=request.user)
        if pending is not None:
            # Continue from the proposal already waiting for review.
            form.initial.update(pending.data)
        return render_form(request, form, item)

    action = form_action(request)
    form = form_class(request.POST, instance=item, user=request.user, action=action)
    if action == ACTION_PREVIEW or not form.is_valid():
        return render_form(request, form, item, status=200 if action == ACTION_PREVIEW else 400)

    if item.status == Status.PUBLISHED:
        if not form.changed_from_live():
            messages.info(request, _("Nothing changed."))
            return redirect(item.get_absolute_url())
        Revision.propose(item, form.as_revision_data(), by=request.user)
        messages.success(
            request,
            _(
                "Your change was sent to the curators. The published version stays online "
                "until they accept it."
            ),
        )
        return redirect(item.get_absolute_url())

    check = SimilarityCheck.for_form(form, request.POST, request.user, item)
    if action == ACTION_SUBMIT and check.holds():
        return render_form(request, form, item, check=check)
    with transaction.atomic():
        item = form.save()
        check.record(item)
        if action == ACTION_SUBMIT:
            item.submit(by=request.user)
    if action == ACTION_SUBMIT:
        messages.success(request, _("Thank you. It was sent to the curators for review."))
    else:
        messages.success(request, _("Your changes were saved."))
    return redirect(item.get_absolute_url())


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


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
    html = render_to_string(
        "contributions/_similar_matches.html", {"check": check, "live": True}, request=request
    )
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


@require_http_methods(["GET", "HEAD", "POST"])
def resource_create(request: HttpRequest) -> HttpResponse:
    return contribution_create(request, Resource)


@require_http_methods(["GET", "HEAD", "POST"])
def initiative_create(request: HttpRequest) -> HttpResponse:
    return contribution_create(request, Initiative)


@require_http_methods(["GET", "HEAD", "POST"])
def resource_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return contribution_edit(request, Resource, slug)


@require_http_methods(["GET", "HEAD", "POST"])
def initiative_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return contribution_edit(request, Initiative, slug)


@login_required
@require_safe
def my_contributions(request: HttpRequest) -> HttpResponse:
    """Everything the user's organisations have contributed, with status and curator notes."""
    organisations = Organisation.objects.acted_for_by(request.user)
    items = sorted(
        [
            *Resource.objects.of_member(request.user)
            .select_related("organisation")
            .prefetch_related(PENDING_REVISIONS),
            *Initiative.objects.of_member(request.user)
            .select_related("organisation")
            .prefetch_related(PENDING_REVISIONS),
        ],
        key=lambda item: item.updated_at,
        reverse=True,
    )
    return render(
        request,
        "contributions/mine.html",
        {"items": items, "organisations": organisations},
    )


PENDING_REVISIONS = Prefetch(
    "revisions", queryset=Revision.objects.pending(), to_attr="pending_revisions"
)
