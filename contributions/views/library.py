"""The library (/resources/) and directory (/initiatives/) with their filters, and
the item pages."""

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from pathway.countries import country_names
from search.text import significant_words
from stakeholders.models import Organisation

from ..extensions import page_panels
from ..filters import (
    SORTS,
    ContributionFilterSet,
    Facet,
    FacetOption,
    InitiativeFilterSet,
    ResourceFilterSet,
    ignored_notices,
)
from ..languages import active_language, can_translate, localise, versions
from ..models import EDITABLE_STATUSES, TRANSLATION_LANGUAGES, Contribution, Initiative, Resource
from ..models.tag_lists import prefetch_tags
from ..search import library_rows
from ..tag_filters import CountryFilter

PAGE_SIZE = 20
# The deepest page a list shows: a page is read with an OFFSET, which costs as many
# rows as it skips, so a list pages through its first MAX_PAGES × PAGE_SIZE items;
# the filters narrow it, and the CSV download holds every item.
MAX_PAGES = 250


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


def country_errors(request: HttpRequest, filterset: ContributionFilterSet) -> list[dict]:
    """What was typed as a country and names none, with links to the closest names."""
    filterset.form.is_valid()
    field = filterset.form.fields["country"]
    errors = []
    for typed, close in getattr(field, "suggestions", {}).items():
        links = []
        for name in close:
            params = [
                (key, value.replace(typed, name) if key == "country" else value)
                for key, values in request.GET.lists()
                for value in values
                if key != "page"
            ]
            links.append({"name": name, "url": "?" + urlencode(params)})
        errors.append({"typed": typed, "suggestions": links})
    return errors


PLACE_FILTERS = ("country", "region", "scope")


def zero_results_help(request: HttpRequest, search_text: str) -> dict:
    """What to try when a search in the library finds nothing: fewer words, every
    place rather than the chosen ones (the whole portal is linked by the template)."""
    words = significant_words(search_text)
    others = query_without(request, "page", "q")
    fewer = [
        {"word": word, "url": "?" + urlencode([("q", word)]) + (f"&{others}" if others else "")}
        for word in words
    ]
    everywhere = ""
    if any(request.GET.getlist(name) for name in PLACE_FILTERS):
        everywhere = "?" + query_without(request, "page", *PLACE_FILTERS)
    return {"fewer": fewer if len(words) > 1 else [], "everywhere": everywhere}


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


def library_page(paginator: Paginator, requested: str, notices: list) -> tuple[Page, int]:
    """The page to show for `?page=` and the answer's status: a number past the end
    (counted with the facets, not again) or past MAX_PAGES is a 404 that shows the
    last page it may and says why; a page that is not a number, the first page."""
    try:
        number = int(requested)
    except ValueError:
        number = None
    last = min(paginator.num_pages, MAX_PAGES)
    found = number is None or 1 <= number <= last
    page = paginator.get_page(number or 1) if found else paginator.page(last)
    if not found and 1 <= number <= paginator.num_pages:
        notices.append(
            ngettext(
                "Only the first %(max)d page of a list is shown: narrow the list with the "
                "filters, or download every item as CSV.",
                "Only the first %(max)d pages of a list are shown: narrow the list with the "
                "filters, or download every item as CSV.",
                MAX_PAGES,
            )
            % {"max": MAX_PAGES}
        )
    elif requested not in ("", str(page.number)):
        notices.append(
            _("There is no page “%(page)s”; showing page %(n)d of %(total)d.")
            % {"page": requested[:20], "n": page.number, "total": paginator.num_pages}
        )
    return page, 200 if found else 404


def library(
    request: HttpRequest,
    queryset: QuerySet,
    filterset_class: type[ContributionFilterSet],
    template: str,
    extra: dict,
) -> HttpResponse:
    canonical = filterset_class.canonical(request.GET)
    if canonical is not None:
        # An old link, with a filter since renamed: the page lives at its new address.
        return redirect(f"{request.path}?{canonical.urlencode()}", permanent=True)
    names = country_names()
    with_codes = CountryFilter.with_codes(request.GET, names)
    if with_codes is not None:
        # Countries typed by name: the page's address names them by code.
        return redirect(f"{request.path}?{with_codes.urlencode()}")
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    notices = library_notices(request, filterset)
    # Counts a few seconds behind a change rather than a visitor waiting for the index.
    facets = filterset.facets(stale_allowed=True)
    paginator = Paginator(library_rows(filterset), PAGE_SIZE)
    if filterset.matched_count is not None:
        paginator.count = filterset.matched_count  # counted with the facets
    requested_page = request.GET.get("page", "1")
    page, status = library_page(paginator, requested_page, notices)
    search_text = filterset.search_text
    localise(page.object_list)
    available = available_facet(filterset)
    plain_facets = [facet for facet in (practice_facet(filterset), available) if facet]
    context = {
        "filterset": filterset,
        "facets": facets,
        "active_filters": active_filters(request, [*facets, *plain_facets]),
        "page": page,
        "items": page.object_list,
        "search_text": search_text,
        "zero_results_help": zero_results_help(request, search_text)
        if search_text and not page.object_list
        else None,
        "sort_key": filterset.sort_key,
        "sorts": [
            (key, label)
            for key, label in SORTS.items()
            if key != "relevance" or filterset.search_text
        ],
        "notices": notices,
        # Every country can be chosen, not only those with items: work for its region
        # and global work apply there too.
        "country_options": names.options,
        "country_errors": country_errors(request, filterset),
        "exact_scope": filterset.exact_scope,
        "available": available,
        "plain_facets": plain_facets,
        "page_query": query_without(request, "page"),
        "is_filtered": any(
            key != "page" and any(v.strip() for v in values) for key, values in request.GET.lists()
        ),
        **extra,
    }
    response = render(request, template, context, status=status)
    if filterset.stale_facets:
        # Not kept under the new content version, nor by proxies.
        patch_cache_control(response, no_cache=True)
    return response


@require_safe
def resource_list(request: HttpRequest) -> HttpResponse:
    return library(
        request,
        Resource.objects.published().for_cards(),
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
            # The same view for spreadsheets and scripts: they take the same filters.
            "csv_url": reverse("api:resource-csv"),
            "api_url": reverse("api:resource-list"),
        },
    )


@require_safe
def initiative_list(request: HttpRequest) -> HttpResponse:
    return library(
        request,
        Initiative.objects.published().for_cards(),
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
            # The same view for spreadsheets and scripts: they take the same filters.
            "csv_url": reverse("api:initiative-csv"),
            "api_url": reverse("api:initiative-list"),
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
        "can_translate": can_translate(item, user),
    }


def available_facet(filterset: ContributionFilterSet) -> Facet:
    """The "available in" choices the library offers, as a facet without counts:
    the visitor's language, and any other a shared link chose."""
    labels = dict(TRANSLATION_LANGUAGES)
    chosen = [value.lower() for value in filterset.selected_values("available")]
    codes = list(dict.fromkeys([active_language(), *chosen]))
    return Facet(
        "available",
        str(filterset.filters["available"].label),
        [
            FacetOption(code, str(labels[code]), 0, code in chosen)
            for code in codes
            if code in labels
        ],
    )


def practice_facet(filterset: ContributionFilterSet) -> Facet | None:
    """Initiatives "assessed as" best or promising practice, a facet without counts."""
    practice = filterset.filters.get("practice")
    if practice is None:
        return None
    chosen = filterset.selected_values("practice")
    return Facet(
        "practice",
        str(practice.label),
        [
            FacetOption(value, str(label), 0, value in chosen)
            for value, label in practice.extra["choices"]()
        ],
    )


def language_context(request: HttpRequest, item: Contribution) -> dict:
    """The item's languages, and its translation into the visitor's language."""
    localise([item])
    return {"versions": versions(item, request.user), "translated": item.translated}


@require_safe
def resource_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = get_object_or_404(Resource.objects.visible_to(request.user).with_owner(), slug=slug)
    prefetch_tags([resource])
    initiatives = resource.initiatives.published().select_related("organisation")
    return render(
        request,
        "contributions/resource_detail.html",
        {
            "item": resource,
            "initiatives": initiatives,
            "panels": page_panels(request, resource),
            **member_context(request, resource),
            **language_context(request, resource),
        },
    )


@require_safe
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(
        Initiative.objects.visible_to(request.user)
        .with_owner()
        .prefetch_related(
            Prefetch(
                "partner_organisations",
                queryset=Organisation.objects.visible_to(request.user),
            )
        ),
        slug=slug,
    )
    prefetch_tags([initiative])
    related_resources = initiative.related_resources.published().select_related("organisation")
    return render(
        request,
        "contributions/initiative_detail.html",
        {
            "item": initiative,
            "related_resources": related_resources,
            "panels": page_panels(request, initiative),
            **member_context(request, initiative),
            **language_context(request, initiative),
        },
    )
