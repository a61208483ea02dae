"""{% translated %}: reference content in the active language, or in English marked
lang="en" with a visible "Not yet translated" note; and the pages that use it."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from barriers.models import Barrier, BarrierCategory
from pathway.models import Stage
from stakeholders.models import StakeholderGroup

pytestmark = pytest.mark.django_db

# The note in Polish, the language these tests render in, from its catalogue.
with translation.override("pl"):
    NOTE_TEXT = translation.gettext("Not yet translated")
NOTE = f'<span class="untranslated__note">{NOTE_TEXT}</span>'


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load translated %}" + source).render(Context(context))


@pytest.fixture
def stage() -> Stage:
    stage = Stage.objects.get(slug="monitoring")
    for name in ("name", "summary", "description", "patient_summary", "patient_questions"):
        setattr(stage, f"{name}_pl", None)
    stage.name_pl = "Monitorowanie <i>i</i> życie z chorobą"
    stage.save()
    return stage


def test_a_translated_text_is_shown_as_it_is(stage):
    html = render('{% translated stage "name" %}', "pl", stage=stage)
    assert html == "Monitorowanie &lt;i&gt;i&lt;/i&gt; życie z chorobą"


def test_english_pages_never_get_the_note(stage):
    html = render('{% translated stage "summary" %}', "en", stage=stage)
    assert html == stage.summary_en


def test_an_untranslated_text_is_english_marked_and_noted(stage):
    html = render('{% translated stage "summary" %}', "pl", stage=stage)
    assert html == f'<span lang="en">{stage.summary_en}</span> {NOTE}'


def test_the_note_is_in_the_active_language(stage, monkeypatch):
    monkeypatch.setattr(
        "core.templatetags.translated._",
        lambda text: {"Not yet translated": "Jeszcze nie przetłumaczono"}[text],
    )
    html = render('{% translated stage "summary" %}', "pl", stage=stage)
    assert "Jeszcze nie przetłumaczono" in html


def test_block_texts_keep_their_format_inside_an_english_block(stage):
    markdown = render('{% translated stage "description" "markdown" %}', "pl", stage=stage)
    assert markdown.startswith(
        f'<div class="untranslated"><p class="untranslated__note">{NOTE_TEXT}</p>'
        '<div lang="en"><p>Regular check-ups'
    )
    assert markdown.count("<p>") == 2  # the two paragraphs of the English text
    questions = render('{% translated stage "patient_questions" "list" %}', "pl", stage=stage)
    assert '<div lang="en"><ul><li>Will I need new tests' in questions
    assert questions.count("<li>") == 3
    paragraphs = render('{% translated stage "patient_summary" "linebreaks" %}', "pl", stage=stage)
    assert '<div lang="en"><p>During and after treatment' in paragraphs


def test_a_translated_list_has_no_note(stage):
    stage.patient_questions_pl = "Czy potrzebuję nowych badań?\n\nJak to sprawdzimy?"
    stage.save()
    html = render('{% translated stage "patient_questions" "list" %}', "pl", stage=stage)
    assert html == "<ul><li>Czy potrzebuję nowych badań?</li><li>Jak to sprawdzimy?</li></ul>"


def test_english_that_is_empty_too_shows_nothing():
    category = BarrierCategory.objects.get(slug="equity")
    category.description_en = ""
    category.description_pl = None
    category.save()
    assert render('{% translated category "description" %}', "pl", category=category) == ""


def test_a_model_without_translations_is_shown_as_it_is(organisation):
    html = render('{% translated organisation "name" %}', "pl", organisation=organisation)
    assert html == "Lung Patients Network"


def test_an_unknown_format_is_a_template_error(stage):
    with pytest.raises(TemplateSyntaxError):
        render('{% translated stage "name" "bold" %}', "pl", stage=stage)


def polish_page(client, name: str, *args) -> str:
    """A page in Polish, whether the language comes from the URL or the header."""
    with translation.override("pl"):
        url = reverse(name, args=args)
    response = client.get(url, headers={"accept-language": "pl"})
    assert response.status_code == 200
    assert response["Content-Language"] == "pl"
    return response.content.decode()


def test_a_stage_page_shows_translations_and_notes_what_is_not(client, stage):
    body = polish_page(client, "portal:stage", stage.slug)
    assert "<h1>Monitorowanie &lt;i&gt;i&lt;/i&gt; życie z chorobą</h1>" in body
    assert f'<p class="lead"><span lang="en">{escape(stage.summary_en)}</span> {NOTE}</p>' in body
    assert '<div lang="en"><ul><li>Will I need new tests' in body


def test_barrier_category_and_group_pages_note_untranslated_texts(client):
    barrier = Barrier.objects.select_related("category").first()
    Barrier.objects.filter(pk=barrier.pk).update(title_pl=None, summary_pl="Streszczenie.")
    BarrierCategory.objects.update(name_pl=None, description_pl=None)
    StakeholderGroup.objects.update(name_pl=None, description_pl=None)
    body = polish_page(client, "portal:barrier", barrier.slug)
    assert f'<h1><span lang="en">{escape(barrier.title_en)}</span> {NOTE}</h1>' in body
    assert '<p class="lead">Streszczenie.</p>' in body
    category = f'<span lang="en">{escape(barrier.category.name_en)}</span> {NOTE}'
    assert category in body
    assert category in polish_page(client, "portal:barriers")
    group = StakeholderGroup.objects.first()
    assert f'<span lang="en">{escape(group.name_en)}</span> {NOTE}' in polish_page(
        client, "portal:stakeholders"
    )


def test_country_names_on_pages_are_in_the_active_language(client, make_resource):
    barrier = Barrier.objects.get(slug="test-not-reimbursed")
    make_resource(
        "Biomarker testing questions", "published", barriers=[barrier.slug], countries=["DE"]
    )
    body = polish_page(client, "portal:barrier", barrier.slug)
    assert ">Niemcy</a>" in body
    item = polish_page(client, "contributions:resource", "biomarker-testing-questions")
    assert ">Niemcy</a>" in item
