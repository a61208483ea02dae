"""My questions: tick questions across the stages, print them on one page or
download them, without an account and without JavaScript (the choice is the query
string). The one-page print itself is measured in tests/browser/test_print.py."""

import re
from html import unescape

import pytest

from pathway.models import Stage

pytestmark = pytest.mark.django_db


def all_question_ids() -> list[str]:
    return [
        f"{stage.slug}-{number}"
        for stage in Stage.objects.all()
        for number, _text in enumerate(stage.questions, start=1)
    ]


def test_the_page_lists_every_stages_questions_with_a_box_each(client):
    body = client.get("/questions/").content.decode()
    boxes = re.findall(r'<input type="checkbox" name="q" value="([\w-]+)" id="q-\1"', body)
    assert boxes == all_question_ids()
    for id in boxes:
        assert f'<label for="q-{id}">' in body
    assert body.count("<fieldset") == Stage.objects.exclude(patient_questions="").count()
    assert 'method="get"' in body
    assert " checked" not in body


def test_the_chosen_questions_are_ticked_from_the_address(client):
    body = client.get("/questions/?q=testing-decision-1&q=monitoring-2").content.decode()
    ticked = re.findall(r'value="([\w-]+)" id="q-[\w-]+" checked', body)
    assert ticked == ["testing-decision-1", "monitoring-2"]


def test_questions_no_longer_on_the_list_are_reported_not_fatal(client):
    response = client.get("/questions/?q=testing-decision-99&q=" + "x" * 500)
    assert response.status_code == 200
    assert "1 question in your link is no longer on the list." in response.content.decode()


def test_the_print_view_lists_only_the_chosen_questions_with_space_for_notes(client):
    stage = Stage.objects.get(slug="testing-decision")
    body = client.get("/questions/print/?q=testing-decision-2&q=testing-decision-1").content
    body = body.decode()
    texts = [unescape(t) for t in re.findall(r'<p class="my-questions__text">(.*?) <span', body)]
    assert texts == [stage.questions[0], stage.questions[1]]
    assert body.count('class="my-questions__notes"') == 2
    assert 'href="/questions/?q=testing-decision-1&amp;q=testing-decision-2"' in body
    assert "one-page-print.css" in body


def test_the_print_view_without_a_choice_says_so(client):
    body = client.get("/questions/print/").content.decode()
    assert "You have not chosen any questions yet." in body
    assert 'class="my-questions__list"' not in body


def test_the_download_is_a_text_file_with_the_questions_and_lines_for_notes(client):
    stage = Stage.objects.get(slug="monitoring")
    response = client.get("/questions/download/?q=monitoring-1")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-questions.txt"'
    text = response.content.decode()
    assert f"[ ] {stage.questions[0]}" in text
    assert "Notes: ____" in text
    assert stage.questions[1] not in text
    assert "&amp;" not in text


def test_the_download_is_in_the_visitors_language(client):
    stage = Stage.objects.get(slug="monitoring")
    response = client.get("/pl/questions/download/?q=monitoring-1")
    text = response.content.decode()
    assert stage.patient_questions_pl.splitlines()[0] in text
    assert "my-questions.txt" not in response["Content-Disposition"]


def test_each_stage_page_links_its_questions_to_the_list(client):
    stage = Stage.objects.get(slug="treatment-decision")
    body = client.get(stage.get_absolute_url()).content.decode()
    query = "&amp;".join(f"q={stage.slug}-{n}" for n in range(1, len(stage.questions) + 1))
    assert f'<a href="/questions/?{query}">Add these to my questions</a>' in body


@pytest.mark.parametrize("path", ["/questions/", "/questions/print/", "/questions/download/"])
def test_the_pages_only_answer_reads(client, path):
    assert client.post(path).status_code == 405
