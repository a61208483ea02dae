"""The glossary: terms curated in the admin, listed A to Z on /glossary/ in every
language, and explained where a page first uses them, without JavaScript."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils.safestring import mark_safe

from glossary.models import Term

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "fr", "de", "pt", "pl", "it"]


def render(source: str, **context) -> str:
    return Template("{% load glossary %}" + source).render(Context(context))


def test_starter_terms_ship_in_every_language():
    terms = Term.objects.all()
    assert terms.count() >= 15
    for language in LANGUAGES:
        for term in terms:
            assert getattr(term, f"term_{language}"), (language, term.slug)
            assert getattr(term, f"explanation_{language}"), (language, term.slug)
            assert len(getattr(term, f"explanation_{language}").split()) <= 40


def test_the_glossary_page_lists_every_term_a_to_z_with_an_anchor(client):
    body = client.get("/glossary/").content.decode()
    slugs = re.findall(r'class="glossary-entry" id="([\w-]+)"', body)
    assert sorted(slugs) == sorted(Term.objects.values_list("slug", flat=True))
    letters = re.findall(r'<h2 id="letter-(\w)-heading">', body)
    assert letters == sorted(letters)
    assert '<a href="#letter-B">B</a>' in body
    assert "<dfn>Biomarker</dfn>" in body


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_the_glossary_page_is_in_the_visitors_language(client, language):
    term = Term.objects.get(slug="biomarker")
    response = client.get(f"/{language}/glossary/")
    assert response.status_code == 200
    assert f"<dfn>{getattr(term, f'term_{language}')}</dfn>" in response.content.decode()


def test_a_term_is_linked_and_explained_where_it_first_appears():
    html = render(
        "{% explain_terms first %}{% explain_terms second %}{% explained_terms %}",
        first=mark_safe("<p>Ask about <strong>biomarkers</strong> and a Liquid Biopsy.</p>"),
        second=mark_safe("<p>Biomarker results come later.</p>"),
    )
    assert html.count('class="glossary-term"') == 2
    assert (
        '<a class="glossary-term" href="/glossary/#biomarker" '
        'aria-describedby="glossary-biomarker">biomarkers</a>' in html
    )
    # The longer phrase wins over "biopsy", and the text keeps its case.
    assert 'aria-describedby="glossary-liquid-biopsy">Liquid Biopsy</a>' in html
    assert "<p>Biomarker results come later.</p>" in html
    # The explanation the link points at is on the page, visible, once per term.
    assert html.count('<dd id="glossary-biomarker">') == 1
    assert '<dd id="glossary-liquid-biopsy">' in html
    assert "Words explained on this page" in html


def test_links_headings_and_code_are_left_alone():
    html = render(
        "{% explain_terms text %}",
        text=mark_safe(
            '<h2>Biomarker</h2><a href="/x/">biomarker</a><code>biomarker</code>'
            '<img alt="biomarker">'
        ),
    )
    assert "glossary-term" not in html


def test_a_page_without_terms_has_no_box():
    assert render(
        "{% explain_terms text %}{% explained_terms %}", text=mark_safe("<p>Hello.</p>")
    ).strip() == ("<p>Hello.</p>")


def test_text_that_is_not_markup_yet_is_escaped():
    html = render("{% explain_terms text %}", text="<script>biomarker</script>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_polish_pages_match_polish_forms(client):
    html = client.get("/pl/pathway/testing-decision/").content.decode()
    term = Term.objects.get(slug="biomarker")
    assert 'href="/pl/glossary/#biomarker"' in html
    assert f"<dfn>{term.term_pl}</dfn>" in html


@pytest.mark.parametrize("path", ["/pathway/testing-decision/", "/barriers/test-not-reimbursed/"])
def test_stage_and_barrier_pages_explain_terms_accessibly(client, path):
    html = client.get(path).content.decode()
    described = set(re.findall(r'aria-describedby="(glossary-[\w-]+)"', html))
    assert described
    for id in described:
        assert html.count(f'id="{id}"') == 1
    assert "title=" not in re.search(r'<a class="glossary-term"[^>]*>', html).group(0)


def test_an_explanation_longer_than_forty_words_is_refused():
    term = Term(slug="long", term="Long", explanation="word " * 41)
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert "explanation" in error.value.message_dict


def test_a_curators_change_shows_at_once(client):
    client.get("/glossary/")
    Term.objects.filter(slug="biomarker").update(explanation_en="Changed")
    term = Term.objects.get(slug="biomarker")
    term.save()
    assert "Changed" in client.get("/glossary/").content.decode()
