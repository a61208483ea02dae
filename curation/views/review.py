"""The review page, where a curator publishes, sends back, rejects, archives, or
decides on a proposed change to a published item.

Every action goes through the model methods (publish(), request_changes(), ...),
which check the transition, record the ModerationEvent and queue the emails.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.decorators import curator_required
from contributions.models import (
    BLOCKING_REASONS,
    KINDS,
    MAX_NOTE_LENGTH,
    Contribution,
    Initiative,
    ModerationEvent,
    RejectionReason,
    Revision,
    RevisionChanged,
    TransitionNotAllowed,
)

from ..diff import revision_diff


class NoteForm(forms.Form):
    """Publishing takes an optional note for the submitter."""

    note = forms.CharField(
        label=gettext_lazy("Note to the submitter"),
        help_text=gettext_lazy("Optional. It is emailed to them and shown in the history."),
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HistoryNoteForm(forms.Form):
    """Archiving and unarchiving email nobody; the note explains the step in the history."""

    note = forms.CharField(
        label=gettext_lazy("Note"),
        help_text=gettext_lazy(
            "Optional. Shown in the history, which the organisation's members can read."
        ),
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RequestChangesForm(forms.Form):
    # Whether a note is required is the model's rule (request_changes() raises a
    # ValidationError); the HTML attribute only spares a round trip.
    note = forms.CharField(
        label=gettext_lazy("What needs to change"),
        help_text=gettext_lazy("Required. Be specific: it is emailed to the submitter."),
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "required": True}),
    )


class RejectForm(forms.Form):
    reasons = forms.MultipleChoiceField(
        label=gettext_lazy("Reasons"),
        required=False,
        choices=RejectionReason.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=gettext_lazy("Note to the submitter"),
        help_text=gettext_lazy("Required when you choose only advisory reasons."),
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def reason_groups(self) -> list[tuple[str, list]]:
        """The reason checkboxes in two groups, blocking first, for the template."""
        options = list(self["reasons"])
        return [
            (
                _("Blocking: any one of these is enough to reject"),
                [option for option in options if option.data["value"] in BLOCKING_REASONS],
            ),
            (
                _("Advisory: explain them in the note"),
                [option for option in options if option.data["value"] not in BLOCKING_REASONS],
            ),
        ]


class RevisionForm(forms.Form):
    """Accept or decline the pending revision the curator saw. Its id and the time
    it last changed travel with the form, so that a change the partner edited
    again meanwhile is never decided unseen."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.CharField(widget=forms.HiddenInput, max_length=40)
    note = forms.CharField(
        label=gettext_lazy("Note to whoever proposed the change"),
        help_text=gettext_lazy("Optional. It is emailed to them and shown in the history."),
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def is_current(self, revision: Revision | None) -> bool:
        return (
            revision is not None
            and self.cleaned_data["revision"] == revision.pk
            and self.cleaned_data["version"] == revision.updated_at.isoformat()
        )


class DeclineRevisionForm(RevisionForm):
    note = forms.CharField(
        label=gettext_lazy("Why the change is not accepted"),
        help_text=gettext_lazy("Required. It is emailed to whoever proposed the change."),
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "required": True}),
    )


ACTIONS: dict[str, type[forms.Form]] = {
    "publish": NoteForm,
    "request_changes": RequestChangesForm,
    "reject": RejectForm,
    "archive": HistoryNoteForm,
    "unarchive": HistoryNoteForm,
    "accept_revision": RevisionForm,
    "decline_revision": DeclineRevisionForm,
}
REVISION_ACTIONS = frozenset({"accept_revision", "decline_revision"})
SUCCESS_MESSAGES = {
    "publish": gettext_lazy("“%(title)s” is published; the submitter has been told."),
    "request_changes": gettext_lazy(
        "“%(title)s” was sent back with your note; the submitter has been told."
    ),
    "reject": gettext_lazy("“%(title)s” was rejected; the submitter has been told."),
    "archive": gettext_lazy("“%(title)s” is archived and no longer public."),
    "unarchive": gettext_lazy("“%(title)s” is published again."),
    "accept_revision": gettext_lazy(
        "The change to “%(title)s” is live; whoever proposed it has been told."
    ),
    "decline_revision": gettext_lazy(
        "The change to “%(title)s” was declined; whoever proposed it has been told."
    ),
}
REVISION_CHANGED = gettext_lazy(
    "The proposed change was updated, withdrawn or decided since you opened this page. "
    "Please review it again."
)
# After these the item has left the queue, so the curator goes back to the queue.
LEAVES_QUEUE = frozenset(
    {"publish", "request_changes", "reject", "accept_revision", "decline_revision"}
)


def perform(
    action: str, item: Contribution, revision: Revision | None, by, data: dict
) -> ModerationEvent:
    """Carry out a curator's action through the workflow method it names."""
    note = data["note"]
    match action:
        case "publish":
            return item.publish(by=by, note=note)
        case "request_changes":
            return item.request_changes(by=by, note=note)
        case "reject":
            return item.reject(by=by, reasons=data["reasons"], note=note)
        case "archive":
            return item.archive(by=by, note=note)
        case "unarchive":
            return item.unarchive(by=by, note=note)
        # The revision as the curator saw it (RevisionForm.is_current): edited since,
        # the model refuses (RevisionChanged) rather than decide it unseen.
        case "accept_revision":
            return revision.accept(by=by, note=note, seen=revision.updated_at)
        case "decline_revision":
            return revision.decline(by=by, note=note, seen=revision.updated_at)
    raise ValueError(action)


def available_actions(item: Contribution, revision: Revision | None) -> set[str]:
    actions = {action for action in ACTIONS if action not in REVISION_ACTIONS and item.can(action)}
    if revision is not None:
        actions |= REVISION_ACTIONS
    return actions


def add_model_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a model's ValidationError on the form fields it names (else on the form)."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for name, field_messages in by_field.items():
        form.add_error(name if name in form.fields else None, field_messages)


def review_item(kind: str, slug: str) -> Contribution:
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    items = model.objects.with_tags().select_related("submitted_by", "reviewed_by")
    if model is Initiative:
        items = items.prefetch_related("partner_organisations", "related_resources")
    return get_object_or_404(items, slug=slug)


@require_http_methods(["GET", "HEAD", "POST"])
@curator_required
def review(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    item = review_item(kind, slug)
    revision = item.revisions.pending().select_related("proposed_by").first()
    bound: forms.Form | None = None

    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return HttpResponseBadRequest(_("Unknown action."))
        bound = ACTIONS[action](request.POST, prefix=action)
        if bound.is_valid():
            if action in REVISION_ACTIONS and not bound.is_current(revision):
                messages.error(request, REVISION_CHANGED)
                return redirect(request.path)
            try:
                perform(action, item, revision, request.user, bound.cleaned_data)
            except RevisionChanged:
                messages.error(request, REVISION_CHANGED)
                return redirect(request.path)
            except TransitionNotAllowed as refused:
                # The item as the refusing method found it (locked), not as loaded here.
                now = refused.contribution
                messages.error(
                    request,
                    _(
                        "That is not possible while “%(title)s” is %(status)s; someone may "
                        "have acted on it first."
                    )
                    % {"title": now.title, "status": now.get_status_display().lower()},
                )
                return redirect(request.path)
            except ValidationError as error:
                add_model_errors(bound, error)
            else:
                messages.success(request, SUCCESS_MESSAGES[action] % {"title": item.title})
                if action in LEAVES_QUEUE:
                    return redirect("curation:queue")
                return redirect(request.path)

    forms_by_action = {
        action: (
            bound
            if bound is not None and bound.prefix == action
            else form_class(prefix=action, initial=revision_initial(revision, action))
        )
        for action, form_class in ACTIONS.items()
    }
    return render(
        request,
        "curation/review.html",
        {
            "item": item,
            "kind_label": item._meta.verbose_name,
            "revision": revision,
            "diff": revision_diff(revision) if revision is not None else [],
            "history": item.moderation_events.select_related("actor"),
            "pending_revision": revision,
            "actions": available_actions(item, revision),
            "translations": item.translations.all(),
            "forms": forms_by_action,
        },
        status=400 if bound is not None else 200,
    )


def revision_initial(revision: Revision | None, action: str) -> dict:
    if revision is None or action not in REVISION_ACTIONS:
        return {}
    return {"revision": revision.pk, "version": revision.updated_at.isoformat()}
