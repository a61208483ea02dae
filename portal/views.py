"""The pages that combine several layers: home, the pathway map and stage pages,
barrier pages, stakeholder groups and organisation pages, and the profile.

Each lower app (pathway, stakeholders, barriers, contributions) stands on its own;
this top app is where their content meets on one page.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.forms import DeleteAccountForm, ProfileForm
from barriers.models import Barrier, BarrierCategory
from contributions.models import Initiative, Resource
from contributions.models.tag_lists import first_with_tags
from core import content_version
from core.translated_content import in_active_language
from gaps.entries import published_per_tag
from pathway.models import Stage
from search.text import MAX_QUERY_LENGTH, fold
from stakeholders.models import Membership, Organisation, StakeholderGroup

from .data_rights import delete_account, personal_data, subscriptions_of
from .forms import SearchForm
from .search import site_search, zero_results_help

# How many of the newest resources and initiatives the home page shows.
HOME_CARDS = 3
# How many cards of each kind a stage, barrier or organisation page shows before "See all".
CARDS = 6


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "stages": Stage.objects.all(),
        "resources": Resource.objects.published().with_tags()[:HOME_CARDS],
        "initiatives": Initiative.objects.published().with_tags()[:HOME_CARDS],
    }
    return render(request, "portal/home.html", context)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """One search over stages, barriers, stakeholder groups, organisations, resources
    and initiatives, grouped by kind (portal.search)."""
    form = SearchForm(request.GET)
    context = {
        "form": form,
        "results": None,
        "help": None,
        "max_length": MAX_QUERY_LENGTH,
        "shortened": len(request.GET.get("q", "")) > MAX_QUERY_LENGTH,
    }
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = site_search(
            form.cleaned_data["q"],
            form.cleaned_data["country"],
            correct=not form.cleaned_data["as_typed"],
        )
        context["results"] = results
        if results.query and not results.count:
            context["help"] = zero_results_help(results)
    return render(request, "portal/search.html", context, status=200 if form.is_valid() else 400)


# The pathway.


def _tagged_count(through, **conditions) -> Coalesce:
    """Rows of an M2M table pointing at the outer stage, as a correlated subquery.

    A subquery rather than Count() over joins: a stage has barriers, resources and
    initiatives, and joining all three would multiply their rows before counting.
    """
    rows = (
        through.objects.filter(stage=OuterRef("pk"), **conditions)
        .order_by()
        .values("stage")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def stages_with_counts() -> list[Stage]:
    """All stages in order, each with its number of barriers and of published
    resources and initiatives: the stages with their barrier counts in one query,
    the items of every stage in one pass over the coverage entries, once per content
    version (a pass over every entry: tens of milliseconds at 100,000 items)."""
    stages = list(Stage.objects.annotate(barrier_count=_tagged_count(Barrier.stages.through)))
    ids = [stage.pk for stage in stages]
    counts = content_version.kept("stage-counts", lambda: published_per_tag("stages", ids))
    for stage in stages:
        stage.resource_count = counts.get(("resource", stage.pk), 0)
        stage.initiative_count = counts.get(("initiative", stage.pk), 0)
    return stages


@require_safe
def pathway_map(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/pathway.html", {"stages": stages_with_counts()})


@require_safe
def stage_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # The whole (short) pathway in one query gives this stage, its counts and its
    # neighbours for the previous/next links.
    stages = list(stages_with_counts())
    index = next((i for i, stage in enumerate(stages) if stage.slug == slug), None)
    if index is None:
        raise Http404("No such stage")
    stage = stages[index]

    barriers = list(
        Barrier.objects.filter(stages=stage).select_related("category").prefetch_related("actors")
    )
    # The groups who can act on this stage's barriers, each once, in the groups' order.
    actors = {group.pk: group for barrier in barriers for group in barrier.actors.all()}
    groups = sorted(actors.values(), key=lambda group: (group.position, group.name))

    context = {
        "stage": stage,
        "stage_count": len(stages),
        "previous_stage": stages[index - 1] if index > 0 else None,
        "next_stage": stages[index + 1] if index + 1 < len(stages) else None,
        "barriers": barriers,
        "groups": groups,
        "resources": first_with_tags(Resource.objects.published().filter(stages=stage), CARDS),
        "initiatives": first_with_tags(Initiative.objects.published().filter(stages=stage), CARDS),
    }
    return render(request, "portal/stage.html", context)


# Barriers.


@dataclass
class CountryWork:
    """Published work on one barrier in one country."""

    code: str
    name: str
    resources: int = 0
    initiatives: int = 0


@require_safe
def barrier_list(request: HttpRequest) -> HttpResponse:
    categories = BarrierCategory.objects.prefetch_related(
        Prefetch("barriers", queryset=Barrier.objects.prefetch_related("stages"))
    )
    return render(request, "portal/barriers.html", {"categories": categories})


def countries_working_on(barrier: Barrier) -> list[CountryWork]:
    """Countries where published resources or initiatives address `barrier`, by name.

    One grouped query per kind, so the cost does not grow with the number of items.
    """
    by_code: dict[str, CountryWork] = {}
    for kind, model in (("resources", Resource), ("initiatives", Initiative)):
        rows = (
            model.objects.published()
            .filter(barriers=barrier, countries__isnull=False)
            .order_by()
            .values_list("countries__code", in_active_language("countries__name"))
            .annotate(n=Count("pk", distinct=True))
        )
        for code, name, n in rows:
            work = by_code.setdefault(str(code), CountryWork(code=str(code), name=name))
            setattr(work, kind, n)
    return sorted(by_code.values(), key=lambda work: fold(work.name))


def published_per_barrier() -> dict[tuple[str, int], int]:
    """{(kind, barrier id): number of published items addressing it}, every barrier."""
    return published_per_tag("barriers", list(Barrier.objects.values_list("pk", flat=True)))


@require_safe
def barrier_detail(request: HttpRequest, slug: str) -> HttpResponse:
    barrier = get_object_or_404(
        Barrier.objects.select_related("category").prefetch_related("stages", "actors", "evidence"),
        slug=slug,
    )
    resources = Resource.objects.published().filter(barriers=barrier)
    initiatives = Initiative.objects.published().filter(barriers=barrier)
    # What every view of this content version shows alike, worked out once: the
    # numbers of every barrier in one pass over the coverage entries, and the
    # countries working on this one (thousands of link lookups) in the visitor's language.
    version = content_version.current()
    counts = content_version.kept("barrier-counts", published_per_barrier, version)
    countries = content_version.kept(
        f"barrier-countries:{barrier.pk}:{get_language()}",
        lambda: countries_working_on(barrier),
        version,
    )
    context = {
        "barrier": barrier,
        "resources": first_with_tags(resources, CARDS),
        "resource_count": counts.get(("resource", barrier.pk), 0),
        "initiatives": first_with_tags(initiatives, CARDS),
        "initiative_count": counts.get(("initiative", barrier.pk), 0),
        "countries": countries,
    }
    return render(request, "portal/barrier.html", context)


# Stakeholders and organisations.


@require_safe
def stakeholder_list(request: HttpRequest) -> HttpResponse:
    # The public directory: what everyone may see, whoever is looking.
    public = Organisation.objects.visible_to(AnonymousUser())
    groups = StakeholderGroup.objects.prefetch_related(
        Prefetch(
            "organisations",
            queryset=public.select_related("country"),
            to_attr="verified_organisations",
        )
    )
    return render(request, "portal/stakeholders.html", {"groups": groups})


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.visible_to(request.user).select_related("group", "country"),
        slug=slug,
    )
    resources = Resource.objects.published().filter(organisation=organisation)
    # The initiatives it leads and those it is a partner in, each once.
    partnered = Initiative.objects.filter(partner_organisations=organisation).values("pk")
    initiatives = Initiative.objects.published().filter(
        Q(organisation=organisation) | Q(pk__in=partnered)
    )
    context = {
        "organisation": organisation,
        "resources": resources.with_tags()[:CARDS],
        "resource_count": resources.count(),
        "initiatives": initiatives.with_tags()[:CARDS],
        "initiative_count": initiatives.count(),
        "membership": organisation.membership_of(request.user),
    }
    return render(request, "portal/organisation.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Your account: your name, email address, the language of your emails, the
    organisations you act for or asked to join, and your digest subscriptions."""
    user = request.user
    posted = request.method == "POST"
    profile_form = ProfileForm(request.POST if posted else None, instance=user)
    if posted and profile_form.is_valid():
        profile_form.save()
        messages.success(request, _("Your details are saved."))
        return redirect("portal:profile")
    visible = Organisation.objects.visible_to(user).filter(pk=OuterRef("organisation"))
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        # A proposed organisation's page is open to its proposer, not to someone declined.
        .annotate(organisation_visible=Exists(visible))
        .order_by("organisation__name")
    )
    context = {
        "email_address": EmailAddress.objects.filter(user=user, primary=True).first(),
        "memberships": memberships,
        "profile_form": profile_form,
        "subscriptions": subscriptions_of(user).order_by("-created_at"),
    }
    status = 400 if profile_form.errors else 200
    return render(request, "portal/profile.html", context, status=status)


@login_required
@require_safe
def export_data(request: HttpRequest) -> HttpResponse:
    """Everything the portal holds about you, as a JSON file to download."""
    response = JsonResponse(personal_data(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="ft3-portal-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account_page(request: HttpRequest) -> HttpResponse:
    """Delete your account, after typing your password."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delete_account(request.user)
        logout(request)
        messages.success(request, _("Your account is deleted."))
        return redirect("portal:home")
    status = 400 if form.errors else 200
    return render(request, "portal/delete_account.html", {"form": form}, status=status)
