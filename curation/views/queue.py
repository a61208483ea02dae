"""The moderation queue: submitted items and proposed changes, oldest first, with
filters and bulk publishing."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Value
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import curator_required
from contributions.models import (
    KINDS,
    Contribution,
    Revision,
    Status,
    TransitionNotAllowed,
)
from pathway.models import Country, Stage
from stakeholders.models import Membership, Organisation

from . import translations

QUEUE_PAGE_SIZE = 50


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
            "translations": list(translations.waiting()[: translations.SHOWN]),
            # Requests to join and proposed organisations have a page of their own.
            "memberships_waiting": Membership.objects.pending().count(),
        },
    )


@require_POST
@curator_required
def bulk_publish(request: HttpRequest) -> HttpResponse:
    """Publish the chosen submitted items; those that moved on meanwhile are skipped."""
    chosen = set(request.POST.getlist("items"))
    back = request.POST.get("next", "")
    # A path on this site only: anything else, "foo" included (which redirect()
    # would look up as a view name), goes back to the queue.
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
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
