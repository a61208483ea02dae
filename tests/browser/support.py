"""What the browser tests share: the browser's settings, the public pages and the
visitor journey read from the demo content, and axe-core and console helpers."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Browser, ConsoleMessage, Page

from adoptions.models import Adoption
from assessments.models import Assessment
from barriers.models import Barrier
from contributions.models import Initiative, Resource
from pathway.models import Country, Stage
from stakeholders.models import Organisation

CHROMIUM = Path("/usr/bin/chromium")
# Headless in a container: no sandbox (we run as root), no GPU, and none of the
# background traffic chromium starts on its own (there is no network to reach).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA is the portal's bar; axe tags each rule with the level it belongs to.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# Long enough for a cold page on a busy two-core CI machine, short enough to fail fast.
TIMEOUT_MS = 15_000
# Every search word is in one demo resource's title and in others' summaries, so the
# search has results to rank.
SEARCH_TEXT = "biomarker test"


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Journey:
    """What the visitor journey clicks and expects, read from the demo content: a stage,
    a barrier there that a published resource with a country addresses, the library
    filters that find that resource again, and a search whose best hit is known."""

    stage: Link
    barrier: Link
    country_code: str
    country_name: str
    filtered_resource: str
    search_text: str
    best_hit: str
    best_hit_links: list[Link]


def journey_plan() -> Journey:
    resources = Resource.objects.published().filter(countries__isnull=False).distinct()
    for resource in resources.order_by("slug"):
        for barrier in resource.barriers.order_by("slug"):
            stage = barrier.stages.filter(resources=resource).order_by("position").first()
            if stage:
                break
        else:
            continue
        break
    else:
        raise LookupError("The demo content has no published resource to follow from a stage.")
    country = resource.countries.order_by("code")[0]

    # The one published resource with every search word in its title must come first:
    # a title hit outranks summary and description hits on SQLite and PostgreSQL alike.
    words = SEARCH_TEXT.split()
    [best_hit] = [
        r for r in Resource.objects.published() if all(w in r.title.lower() for w in words)
    ]
    organisation = best_hit.organisation
    links = [Link(organisation.name, organisation.get_absolute_url())]
    links += [Link(s.name, s.get_absolute_url()) for s in best_hit.stages.all()]
    links += [Link(b.title, b.get_absolute_url()) for b in best_hit.barriers.all()]
    links += [
        Link(c.name, f"{reverse('contributions:resources')}?country={c.code}")
        for c in best_hit.countries.all()
    ]
    return Journey(
        stage=Link(stage.name, stage.get_absolute_url()),
        barrier=Link(barrier.title, barrier.get_absolute_url()),
        country_code=country.code,
        country_name=country.name,
        filtered_resource=resource.title,
        search_text=SEARCH_TEXT,
        best_hit=best_hit.title,
        best_hit_links=links,
    )


@dataclass(frozen=True)
class DemoSite:
    """The live portal with demo content, and the paths of its public pages by name."""

    url: str
    pages: dict[str, str]
    journey: Journey


# Names of the public pages every page-level check runs on. The paths behind them are
# looked up in the demo content (see `public_pages`), so the checks follow the demo
# data instead of repeating its slugs.
PUBLIC_PAGES = [
    "portal:home",
    "pathway map",
    *[f"stage {position}" for position in range(1, 9)],
    "barrier list",
    "barrier",
    "stakeholder list",
    "organisation",
    "resource library",
    "resource library filtered",
    "resource library searched",
    "resource",
    "initiative directory",
    "initiative directory filtered",
    "initiative",
    "gap map",
    "gap map compared",
    "countries",
    "country",
    "transfers",
    "transfers filtered",
    "gap map proven practice",
    "assessment criteria",
    "assessed initiative",
    "initiative assessments",
    "initiative directory proven practice",
    "glossary",
    "my questions",
    "my questions to print",
    "not found",
]
NOT_FOUND_PAGES = {"not found"}


def public_pages() -> dict[str, str]:
    """Paths of the public pages, chosen so that each one shows demo content."""
    resource = Resource.objects.published().filter(countries__isnull=False).order_by("slug")[0]
    stage = resource.stages.order_by("position")[0]
    country = resource.countries.order_by("code")[0]
    initiative = Initiative.objects.published().filter(countries__isnull=False).order_by("slug")[0]
    barrier = Barrier.objects.filter(resources__status="published").distinct().order_by("slug")[0]
    organisation = (
        Organisation.objects.filter(verified=True, resources__status="published")
        .distinct()
        .order_by("slug")[0]
    )
    resources = reverse("contributions:resources")
    initiatives = reverse("contributions:initiatives")
    initiative_stage = initiative.stages.order_by("position")[0]
    other_country = (
        Country.objects.exclude(code=country.code)
        .filter(resources__status="published")
        .order_by("code")[0]
    )
    compared = {"country": country.code, "compare": other_country.code}
    transfer = Adoption.objects.agreed().order_by("pk")[0]
    assessed = Assessment.objects.current().filter(outcome="promising").order_by("pk")[0]
    return {
        "portal:home": reverse("portal:home"),
        "pathway map": reverse("portal:pathway"),
        **{f"stage {s.position}": s.get_absolute_url() for s in Stage.objects.all()},
        "barrier list": reverse("portal:barriers"),
        "barrier": barrier.get_absolute_url(),
        "stakeholder list": reverse("portal:stakeholders"),
        "organisation": organisation.get_absolute_url(),
        "resource library": resources,
        "resource library filtered": f"{resources}?country={country.code}&stage={stage.slug}",
        "resource library searched": f"{resources}?{urlencode({'q': SEARCH_TEXT})}",
        "resource": resource.get_absolute_url(),
        "initiative directory": initiatives,
        "initiative directory filtered": (
            f"{initiatives}?country={initiative.countries.order_by('code')[0].code}"
            f"&stage={initiative_stage.slug}"
        ),
        "initiative": initiative.get_absolute_url(),
        "gap map": reverse("gaps:map"),
        "gap map compared": f"{reverse('gaps:map')}?{urlencode(compared)}",
        "countries": reverse("gaps:countries"),
        "country": reverse("gaps:country", args=[country.code]),
        "transfers": reverse("adoptions:transfers"),
        "transfers filtered": f"{reverse('adoptions:transfers')}?country={transfer.country_id}",
        "gap map proven practice": f"{reverse('gaps:map')}?proven=on",
        "assessment criteria": reverse("assessments:criteria"),
        "assessed initiative": assessed.initiative.get_absolute_url(),
        "initiative assessments": reverse(
            "assessments:initiative", args=[assessed.initiative.slug]
        ),
        "initiative directory proven practice": f"{initiatives}?practice=best&practice=promising",
        "glossary": reverse("glossary:index"),
        "my questions": f"{reverse('pathway:questions')}?q={stage.slug}-1",
        "my questions to print": (
            f"{reverse('pathway:questions-print')}?q={stage.slug}-1&q=monitoring-1"
        ),
        "not found": f"{reverse('portal:pathway')}no-such-stage/",
    }


# The other pages of the URL contract (DESIGN.md) an anonymous visitor can open.
OTHER_PUBLIC_PAGES = [
    "site search",
    "digest subscription",
    "feeds",
    "log-in",
    "sign-up",
    "password reset",
    "about",
    "contact",
    "privacy notice",
    "accessibility statement",
    "terms",
]


def other_public_pages() -> dict[str, str]:
    return {
        "site search": f"{reverse('portal:search')}?{urlencode({'q': 'biomarker'})}",
        "digest subscription": reverse("digests:subscribe"),
        "feeds": reverse("contributions:feeds"),
        "log-in": reverse("account_login"),
        "sign-up": reverse("account_signup"),
        "password reset": reverse("account_reset_password"),
        "about": reverse("sitepages:about"),
        "contact": reverse("sitepages:contact"),
        "privacy notice": reverse("sitepages:privacy"),
        "accessibility statement": reverse("sitepages:accessibility"),
        "terms": reverse("sitepages:terms"),
    }


@dataclass(frozen=True)
class ConsoleError:
    text: str
    url: str

    def is_status_of(self, url: str) -> bool:
        """Whether this is the browser's note that the document at `url` itself
        answered with an error status, as a 404 page does on purpose."""
        return self.url == url and self.text.startswith("Failed to load resource")

    def __str__(self) -> str:
        return f"{self.text} ({self.url})"


@dataclass
class PageProblems:
    """What the browser complained about while a page loaded: console errors, uncaught
    script errors and Content Security Policy violations."""

    console_errors: list[ConsoleError] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)

    def csp_violations(self, page: Page) -> list[str]:
        return page.evaluate("() => window.__cspViolations || []")


def watch(page: Page) -> PageProblems:
    """Record what the browser complains about on `page` from now on; CSP violations
    are kept per document (see `PageProblems.csp_violations`)."""
    problems = PageProblems()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.console_errors.append(
                ConsoleError(message.text, message.location.get("url", ""))
            )

    page.add_init_script(CSP_LISTENER)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.script_errors.append(str(error)))
    return problems


# Added before any page script runs, through DevTools, so the CSP under test does not
# block it. It records every violation the document reports.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`
    + ` in ${event.sourceFile || document.location.href}:${event.lineNumber}`
  );
});
"""


def run_axe(page: Page, axe_source: str) -> list[dict]:
    """axe-core's WCAG 2.2 A/AA violations on the page as loaded, serious or critical only.

    The script goes in through DevTools evaluation: the portal's CSP rightly refuses an
    injected <script> element, and the page is checked exactly as visitors get it.
    """
    page.evaluate(axe_source)
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe_violations(violations: list[dict]) -> str:
    """One paragraph per rule: what is wrong, where, and how to fix it."""
    lines = []
    for violation in violations:
        lines.append(
            f"\n[{violation['impact']}] {violation['id']}: {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"  - element {' '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:300]}")
            summary = node.get("failureSummary") or ""
            lines.extend(f"    {line}" for line in summary.splitlines())
    return "\n".join(lines)


def open_page(
    browser: Browser, site: DemoSite, viewport: dict[str, int] = DESKTOP, session: str = ""
) -> Iterator[Page]:
    """A tab in a browser context of its own (cookies, storage), logged in when given
    a session key, closed when the generator ends."""
    context = browser.new_context(base_url=site.url, viewport=viewport)
    context.set_default_timeout(TIMEOUT_MS)
    if session:
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}]
        )
    page = context.new_page()
    yield page
    context.close()
