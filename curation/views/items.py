"""The curators' side of the workflow: the moderation queue, bulk publishing, and
the review page where a curator publishes, sends back, rejects, archives, or
decides on a proposed change to a published item.

Every action goes through the model methods (publish(), request_changes(), ...),
which check the transition, record the ModerationEvent and queue the emails.
"""

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Value
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.decorators import curator_required
from contributions.models import (
    BLOCKING_REASONS,
    MAX_NOTE_LENGTH,
    Contribution,
    Initiative,
    ModerationEvent,
    RejectionReason,
    Resource,
    Revision,
    Status,
    TransitionNotAllowed,
)
from pathway.models import Country, Stage
from stakeholders.models import Organisation

KINDS: dict[str, type[Contribution]] = {"resource": Resource, "initiative": Initiative}
QUEUE_PAGE_SIZE = 50


# The queue.


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the query string."""

    AGES = [
        ("", gettext_lazy("Any time")),
        ("2", gettext_lazy("2 days or more")),
        ("7", gettext_lazy("A week or more")),
        ("14", gettext_lazy("Two weeks or more")),
        ("30", gettext_lazy("A month or more")),
    ]

    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[
            ("", gettext_lazy("Resources and initiatives")),
            ("resource", gettext_lazy("Resources")),
            ("initiative", gettext_lazy("Initiatives")),
        ],
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        required=False,
        queryset=Organisation.objects.order_by("name"),
        to_field_name="slug",
        empty_label=gettext_lazy("All organisations"),
    )
    country = forms.ModelChoiceField(
        label=gettext_lazy("Country"),
        required=False,
        queryset=Country.objects.order_by("name"),
        to_field_name="code",
        empty_label=gettext_lazy("All countries"),
    )
    stage = forms.ModelChoiceField(
        label=gettext_lazy("Pathway stage"),
        required=False,
        queryset=Stage.objects.order_by("position"),
        to_field_name="slug",
        empty_label=gettext_lazy("All stages"),
    )
    age = forms.TypedChoiceField(
        label=gettext_lazy("Waiting"),
        required=False,
        choices=AGES,
        coerce=int,
        empty_value=None,
    )

    def filters(self) -> dict:
        """The valid filters; an invalid one is reported on its field and not applied."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "")
        }


def queue_keys(filters: dict) -> models.QuerySet:
    """One row (kind, item id, is a revision, waiting since) per queue entry, oldest first.

    Submitted items and pending revisions of both kinds are combined in one
    UNION query, so that the database sorts and paginates the whole queue.
    """
    cutoff = timezone.now() - timedelta(days=filters["age"]) if "age" in filters else None
    parts = []
    for kind, model in KINDS.items():
        if filters.get("kind", kind) != kind:
            continue
        items = model.objects.all()
        if "organisation" in filters:
            items = items.filter(organisation=filters["organisation"])
        if "country" in filters:
            items = items.filter(countries=filters["country"])
        if "stage" in filters:
            items = items.filter(stages=filters["stage"])
        submitted = items.awaiting_review()
        revisions = Revision.objects.pending().filter(**{f"{kind}__in": items.values("pk")})
        if cutoff is not None:
            submitted = submitted.filter(submitted_at__lte=cutoff)
            revisions = revisions.filter(created_at__lte=cutoff)
        for entries, item_id, is_revision, since in (
            (submitted, F("pk"), False, F("submitted_at")),
            (revisions, F(f"{kind}_id"), True, F("created_at")),
        ):
            parts.append(
                entries.order_by()
                .annotate(
                    entry_kind=Value(kind, output_field=models.CharField()),
                    entry_item=item_id,
                    entry_revision=Value(is_revision, output_field=models.BooleanField()),
                    entry_since=since,
                )
                .values_list("entry_kind", "entry_item", "entry_revision", "entry_since")
            )
    first, *others = parts
    return first.union(*others, all=True).order_by("entry_since", "entry_kind", "entry_item")


@dataclass
class QueueEntry:
    item: Contribution
    is_revision: bool
    waiting_since: datetime
    age: str

    @property
    def selectable(self) -> bool:
        """Only submitted items can be published in bulk; a revision needs its diff read."""
        return not self.is_revision and self.item.status == Status.SUBMITTED

    @property
    def value(self) -> str:
        return f"{self.item.kind}:{self.item.pk}"

    @property
    def places(self) -> list[str]:
        return [country.name for country in self.item.countries.all()] + [
            region.name for region in self.item.regions.all()
        ]


def queue_entries(rows: list[tuple]) -> list[QueueEntry]:
    """The page's items with what a queue row shows, in two queries per kind."""
    now = timezone.now()
    wanted: dict[str, set[int]] = {kind: set() for kind in KINDS}
    for kind, item_id, _is_revision, _since in rows:
        wanted[kind].add(item_id)
    found = {
        kind: KINDS[kind]
        .objects.filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related("countries", "regions")
        .in_bulk()
        for kind, ids in wanted.items()
        if ids
    }
    return [
        QueueEntry(
            item=found[kind][item_id],
            is_revision=bool(is_revision),
            waiting_since=since,
            age=timesince(since, now, depth=1),
        )
        for kind, item_id, is_revision, since in rows
        if item_id in found.get(kind, {})
    ]


@require_safe
@curator_required
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    paginator = Paginator(queue_keys(filters), QUEUE_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    page_query = urlencode(
        [(key, value) for key, value in request.GET.items() if key != "page" and value]
    )
    return render(
        request,
        "curation/queue.html",
        {
            "form": form,
            "is_filtered": bool(filters),
            "page": page,
            "entries": queue_entries(list(page.object_list)),
            "page_query": page_query,
            "current_url": request.get_full_path(),
        },
    )


@require_POST
@curator_required
def bulk_publish(request: HttpRequest) -> HttpResponse:
    """Publish the chosen submitted items; those that moved on meanwhile are skipped."""
    chosen = set(request.POST.getlist("items"))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("curation:queue")
    if not chosen:
        messages.warning(request, _("Choose at least one item to publish."))
        return redirect(back)

    wanted: dict[str, set[int]] = {kind: set() for kind in KINDS}
    for value in chosen:
        kind, _sep, pk = value.partition(":")
        # Anything else was not offered by the queue page and counts as skipped.
        if kind in KINDS and pk.isascii() and pk.isdigit() and len(pk) <= 18:
            wanted[kind].add(int(pk))
    published = 0
    for kind, pks in wanted.items():
        for item in KINDS[kind].objects.filter(pk__in=pks).order_by("pk"):
            try:
                item.publish(by=request.user)
            except TransitionNotAllowed:
                continue
            published += 1
    skipped = len(chosen) - published

    if published:
        messages.success(
            request,
            ngettext("Published %(n)d item.", "Published %(n)d items.", published)
            % {"n": published},
        )
    if skipped:
        messages.warning(
            request,
            ngettext(
                "Skipped %(n)d item that can no longer be published; someone may have "
                "acted on it first.",
                "Skipped %(n)d items that can no longer be published; someone may have "
                "acted on them first.",
                skipped,
            )
            % {"n": skipped},
        )
    return redirect(back)


# The review page.


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
        case "accept_revision":
            return revision.accept(by=by, note=note)
        case "decline_revision":
            return revision.decline(by=by, note=note)
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
                messages.error(
                    request,
                    _(
                        "The proposed change was updated, withdrawn or decided since you "
                        "opened this page. Please review it again."
                    ),
                )
                return redirect(request.path)
            try:
                perform(action, item, revision, request.user, bound.cleaned_data)
            except TransitionNotAllowed:
                messages.error(
                    request,
                    _(
                        "That is not possible while “%(title)s” is %(status)s; someone may "
                        "have acted on it first."
                    )
                    % {"title": item.title, "status": item.get_status_display().lower()},
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
            "forms": forms_by_action,
        },
        status=400 if bound is not None else 200,
    )


def revision_initial(revision: Revision | None, action: str) -> dict:
    if revision is None or action not in REVISION_ACTIONS:
        return {}
    return {"revision": revision.pk, "version": revision.updated_at.isoformat()}


# The field-by-field diff of a revision.


@dataclass
class FieldChange:
    label: str
    kind: str  # "text", "tags" or "value"
    segments: list[tuple[str, str]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    before: str = ""
    after: str = ""


def revision_diff(revision: Revision) -> list[FieldChange]:
    """What the revision changes, field by field, in words a curator reads."""
    changes = []
    for model_field, live, proposed in revision.changes():
        label = str(model_field.verbose_name).capitalize()
        if model_field.many_to_many:
            live_pks, proposed_pks = set(live or []), set(proposed or [])
            names = {
                obj.pk: str(obj)
                for obj in model_field.related_model._default_manager.filter(
                    pk__in=live_pks | proposed_pks
                )
            }
            changes.append(
                FieldChange(
                    label,
                    "tags",
                    added=sorted(names.get(pk, str(pk)) for pk in proposed_pks - live_pks),
                    removed=sorted(names.get(pk, str(pk)) for pk in live_pks - proposed_pks),
                )
            )
        elif isinstance(model_field, models.ForeignKey):
            related = model_field.related_model._default_manager
            names = {obj.pk: str(obj) for obj in related.filter(pk__in=[live, proposed])}
            changes.append(
                FieldChange(
                    label, "value", before=names.get(live, "—"), after=names.get(proposed, "—")
                )
            )
        elif model_field.choices:
            labels = {str(key): str(value) for key, value in model_field.flatchoices}
            changes.append(
                FieldChange(
                    label,
                    "value",
                    before=labels.get(str(live), str(live or "—")),
                    after=labels.get(str(proposed), str(proposed or "—")),
                )
            )
        elif isinstance(model_field, models.CharField | models.TextField):
            changes.append(
                FieldChange(label, "text", segments=inline_diff(live or "", proposed or ""))
            )
        else:
            changes.append(
                FieldChange(
                    label,
                    "value",
                    before="—" if live in (None, "") else str(live),
                    after="—" if proposed in (None, "") else str(proposed),
                )
            )
    return changes


WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def inline_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The text as (operation, text) segments: "same", "removed" or "added".

    Lines are compared first and words only inside the lines that changed, which
    keeps long descriptions fast to compare and the result readable. The segments
    are plain text; the template escapes them.
    """
    segments: list[tuple[str, str]] = []
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in lines.get_opcodes():
        if op == "equal":
            segments.append(("same", "".join(old_lines[i1:i2])))
            continue
        old_words = WORDS.findall("".join(old_lines[i1:i2]))
        new_words = WORDS.findall("".join(new_lines[j1:j2]))
        words = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
        for word_op, a1, a2, b1, b2 in words.get_opcodes():
            if word_op == "equal":
                segments.append(("same", "".join(old_words[a1:a2])))
                continue
            if a1 != a2:
                segments.append(("removed", "".join(old_words[a1:a2])))
            if b1 != b2:
                segments.append(("added", "".join(new_words[b1:b2])))
    merged: list[tuple[str, str]] = []
    for op, text in segments:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return merged
