"""The library facets' rows, kept once per content version and language
(contributions/facets.py): a change of the taxonomy shows at once, each language
gets its own names, and the rows' HTML is what the template loop it replaced wrote."""

import re

import pytest
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template import Context, Template
from django.utils import translation

from barriers.models import Barrier
from contributions.facets import CountTexts, Facet, FacetOption
from pathway.models import Country, Stage

pytestmark = pytest.mark.django_db


def option_labels(client, url: str, facet_name: str) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    facet = next(f for f in response.context["facets"] if f.name == facet_name)
    return {option.value: option.label for option in facet.options}


def test_a_renamed_stage_shows_in_the_facet_at_once(client, rendered_pages, make_resource):
    make_resource("Tested", "published", stages=["testing-decision"])
    stage = Stage.objects.get(slug="testing-decision")
    assert option_labels(client, "/resources/", "stage")["testing-decision"] == str(stage)
    stage.name = "Deciding on a test"
    stage.save()
    labels = option_labels(client, "/resources/", "stage")
    assert labels["testing-decision"] == f"{stage.position}. Deciding on a test"


def test_a_renamed_barrier_category_regroups_the_barriers_at_once(
    client, rendered_pages, make_resource
):
    barrier = Barrier.objects.select_related("category").first()
    make_resource("Barred", "published", barriers=[barrier.slug])
    response = client.get("/resources/")
    facet = next(f for f in response.context["facets"] if f.name == "barrier")
    assert {option.group for option in facet.options} == {barrier.category.name}
    barrier.category.name = "Money and rules, renamed"
    barrier.category.save()
    response = client.get("/resources/")
    facet = next(f for f in response.context["facets"] if f.name == "barrier")
    assert {option.group for option in facet.options} == {"Money and rules, renamed"}
    assert '<li class="facet__group">Money and rules, renamed</li>' in response.content.decode()


def test_a_new_row_of_the_taxonomy_is_listed_at_once(client, rendered_pages, make_resource):
    make_resource("Before", "published", countries=["PL"])
    assert "XK" not in option_labels(client, "/resources/", "country")
    Country.objects.create(code="XK", name="Kosovo")
    make_resource("After", "published", countries=["XK"])
    assert option_labels(client, "/resources/", "country")["XK"] == "Kosovo"


def test_each_language_gets_its_own_names(client, rendered_pages, make_resource):
    make_resource("Polish work", "published", countries=["PL"])
    assert option_labels(client, "/fr/resources/", "country")["PL"] == "Pologne"
    assert option_labels(client, "/resources/", "country")["PL"] == "Poland"
    assert option_labels(client, "/de/resources/", "country")["PL"] == "Polen"
    assert option_labels(client, "/fr/resources/", "country")["PL"] == "Pologne"


# The template loop that wrote the options before contributions/facets.py did.
TEMPLATE_LOOP = (
    "{% load i18n humanize %}"
    "{% for option in facet.options %}"
    "{% ifchanged option.group %}{% if option.group %}"
    '<li class="facet__group">{{ option.group }}</li>{% endif %}{% endifchanged %}'
    "<li>"
    '<input type="checkbox" name="{{ facet.name }}" value="{{ option.value }}" '
    'id="f-{{ facet.name }}-{{ forloop.counter }}"{% if option.selected %} checked{% endif %}> '
    '<label for="f-{{ facet.name }}-{{ forloop.counter }}">{{ option.label }} '
    '<span class="facet__count">({% if capped %}'
    "{% blocktranslate asvar capped_count with count=option.count|intcomma %}"
    "{{ count }}+{% endblocktranslate %}"
    "{% blocktranslate with shown=capped_count count counter=option.count %}"
    '{{ shown }}<span class="visually-hidden"> result</span>{% plural %}'
    '{{ shown }}<span class="visually-hidden"> results</span>{% endblocktranslate %}'
    "{% else %}"
    "{% blocktranslate with shown=option.count|intcomma count counter=option.count %}"
    '{{ shown }}<span class="visually-hidden"> result</span>{% plural %}'
    '{{ shown }}<span class="visually-hidden"> results</span>{% endblocktranslate %}'
    "{% endif %})</span></label></li>"
    "{% endfor %}"
)


def same_html(html: str) -> str:
    """Whitespace as a browser reads it: any run is one space, none between list items."""
    html = re.sub(r"\s+", " ", str(html))
    return re.sub(r" ?(</?li\b[^>]*>) ?", r"\1", html).strip()


@pytest.mark.parametrize("language", ["en", "fr", "pl"])
@pytest.mark.parametrize("capped", [False, True])
def test_the_options_html_is_what_the_template_wrote(language, capped):
    facet = Facet(
        "barrier",
        "Barrier addressed",
        [
            FacetOption("a", "Cost <of> tests & more", 1, False, "Money & rules"),
            FacetOption("b", "Reimbursement", 12345, True, "Money & rules"),
            FacetOption("c", 'Quoted "name"', 0, True, "Data"),
            FacetOption("d", "Ungrouped", 2, False, ""),
        ],
        capped=capped,
    )
    with translation.override(language):
        expected = Template(TEMPLATE_LOOP).render(Context({"facet": facet, "capped": capped}))
        written = facet.options_html()
    assert same_html(written) == same_html(expected)
    assert written.count('class="facet__group"') == 2


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_counts_are_written_as_intcomma_writes_them(language):
    numbers = [0, 1, 999, 1000, 12345, 999999, 1234567, 91979123]
    with translation.override(language):
        texts = CountTexts(capped=False)
        assert [texts.number(n) for n in numbers] == [intcomma(n) for n in numbers]


def test_a_renamed_country_is_offered_and_read_at_once(client, rendered_pages):
    assert ("PL", "Poland") in client.get("/resources/").context["country_options"]
    poland = Country.objects.get(code="PL")
    poland.name = "Poland (renamed)"
    poland.save()
    assert ("PL", "Poland (renamed)") in client.get("/resources/").context["country_options"]
    response = client.get("/resources/?country=Poland+(renamed)")
    assert response.status_code == 302 and response["Location"].endswith("?country=PL")
