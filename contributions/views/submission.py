"""Adding and editing resources and initiatives, and the list of yours."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.markup import render_markdown
from stakeholders.models import Membership, Organisation

from ..extensions import submission_check
from ..forms import (
    ACTION_DRAFT,
    ACTION_PREVIEW,
    ACTION_SUBMIT,
    FORMS,
    ContributionForm,
)
from ..models import (
    Contribution,
    Initiative,
    Resource,
    Revision,
    Status,
    changed_fields,
    revision_data,
)
from ..submission import (
    SubmissionHeld,
    TooManySubmissions,
    claim_submission_slot,
    record_marks,
    submit_item,
)


def form_action(request: HttpRequest) -> str:
    action = request.POST.get("action", ACTION_DRAFT)
    return action if action in (ACTION_DRAFT, ACTION_SUBMIT, ACTION_PREVIEW) else ACTION_DRAFT


def render_form(
    request: HttpRequest,
    form: ContributionForm,
    item=None,
    status: int = 200,
    check=None,
):
    model = form._meta.model
    preview = ""
    if form.action == ACTION_PREVIEW and form.is_bound:
        text = form.data.get("description", "")
        if len(text) <= model._meta.get_field("description").max_length:
            preview = render_markdown(text)
        else:
            form.is_valid()  # shows the length error on the field instead
    check_class = submission_check()
    if check is None and form.is_bound and check_class.has_marks(request.POST):
        # Shown again (a preview, an error): keep what the partner marked on screen.
        check = check_class.for_form(form, request.POST, request.user, item)
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
            "check_html": check.render(request) if check is not None else "",
            "similar_url": check_class.live_url(),
            # Published items change through revisions: nothing to check them for.
            "similar": item is None or item.status != Status.PUBLISHED,
        },
        status=status,
    )


@login_required
def contribution_create(request: HttpRequest, model: type[Contribution]) -> HttpResponse:
    if not Organisation.objects.acted_for_by(request.user).exists():
        # Someone waiting for an answer is told so, rather than asked to join again.
        waiting = (
            Membership.objects.pending()
            .filter(user=request.user)
            .select_related("organisation")
            .order_by("created_at")
        )
        return render(
            request, "contributions/no_organisation.html", {"waiting": waiting}, status=403
        )
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
    try:
        with transaction.atomic():
            claim_submission_slot(request.user)
            item = form.save(commit=False)
            item.submitted_by = request.user
            item.submission_key = form.cleaned_data.get("submission_key")
            item.save()
            form.save_m2m()
            save_or_submit(request, item, action)
    except SubmissionHeld as held:
        # Rolled back: the form, shown again with the matches, keeps what was typed.
        return render_form(request, form, check=held.check)
    except ValidationError as error:
        form.add_model_errors(error)
        return render_form(request, form, status=400)
    except TooManySubmissions as refused:
        # A concurrent post took the last place of the hour; what was typed stays.
        form.add_error(None, str(refused))
        return render_form(request, form, status=429)
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
        # Validating the form wrote the posted values into `item`: compare with the live row.
        live = model.objects.get(pk=item.pk)
        data = revision_data(live, form._meta.fields, form.cleaned_data)
        if not changed_fields(live, data):
            messages.info(request, _("Nothing changed."))
            return redirect(item.get_absolute_url())
        try:
            Revision.propose(live, data, by=request.user)
        except ValidationError as error:
            form.add_model_errors(error)
            return render_form(request, form, item, status=400)
        messages.success(
            request,
            _(
                "Your change was sent to the curators. The published version stays online "
                "until they accept it."
            ),
        )
        return redirect(item.get_absolute_url())

    try:
        with transaction.atomic():
            item = form.save()
            save_or_submit(request, item, action)
    except SubmissionHeld as held:
        return render_form(request, form, item, check=held.check)
    except ValidationError as error:
        form.add_model_errors(error)
        return render_form(request, form, item, status=400)
    if action == ACTION_SUBMIT:
        messages.success(request, _("Thank you. It was sent to the curators for review."))
    else:
        messages.success(request, _("Your changes were saved."))
    return redirect(item.get_absolute_url())


def save_or_submit(request: HttpRequest, item: Contribution, action: str) -> None:
    """After saving: send the item to review, or keep the partner's marks on the draft."""
    marks = submission_check().posted_marks(request.POST)
    if action == ACTION_SUBMIT:
        submit_item(item, request.user, marks)
    else:
        record_marks(item, request.user, marks)


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


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
