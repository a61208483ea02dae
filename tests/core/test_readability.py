"""Plain language (issue #18): every text written for patients reads at a
Flesch-Kincaid grade of 8 or below (core/readability.py).

Patient-facing are the reference texts patients read and the prose of the pages they
browse; the expert detail (stage and barrier descriptions, evidence) is exempt, and
the pages show it under "For professionals" (data-audience="professionals").

The formula is made for passages: on a two-word heading it gives nonsense
("Regulators" alone is grade 32). So a name or title is measured with the text it
heads, as it is read on the page ("Regulators. Regulators approve medicines ...").
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from barriers.models import Barrier, BarrierCategory
from core.readability import counts, grade, syllables
from pathway.models import Stage
from stakeholders.models import StakeholderGroup

LIMIT = 8.0

# (model, heading field, the patient-facing texts under it). A heading is read
# with the first text after it; every text is measured on its own too.
PATIENT_FACING = [
    (Stage, "name", ("summary", "patient_summary", "patient_questions")),
    (Barrier, "title", ("summary",)),
    (BarrierCategory, "name", ("description",)),
    (StakeholderGroup, "name", ("description",)),
]


# -- the grade function ----------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("test", 1),
        ("asked", 1),
        ("tested", 2),
        ("changes", 2),
        ("lives", 1),
        ("table", 2),
        ("samples", 2),
        ("handled", 2),
        ("centre", 2),
        ("rarely", 2),
        ("statement", 2),
        ("awareness", 3),
        ("patient", 2),
        ("nation", 2),
        ("special", 2),
        ("opinion", 3),
        ("biopsy", 3),
        ("trial", 2),
        ("carrying", 3),
        ("medicine", 3),
        ("diagnosis", 4),
        ("biomarker", 4),
        ("reimbursed", 3),
        ("coordinating", 5),
        ("immunotherapy", 6),
        ("laboratory", 4),
        ("patients'", 2),
        ("2026", 1),
    ],
)
def test_it_counts_the_syllables_of_a_word(word, expected):
    assert syllables(word) == expected


def test_sentences_end_at_stops_and_at_line_breaks():
    assert counts("Is it? Yes. No!\nA heading\n\nA list item").sentences == 5
    assert counts("It costs 2.5 euros here").sentences == 1
    assert counts("").sentences == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 6 words, 6 syllables, 1 sentence: 0.39 x 6 + 11.8 x 6 / 6 - 15.59
        ("The cat sat on the mat.", -1.4),
        # 18 words, 30 syllables, 1 sentence: 7.02 + 19.67 - 15.59
        (
            "This sentence, taken as a reading passage unto itself, is being used to prove "
            "a point about readability.",
            11.1,
        ),
        # 18 words, 25 syllables, 2 sentences: 3.51 + 16.39 - 15.59
        (
            "Your doctor may suggest a test. It looks for changes, called biomarkers, in "
            "your tumour or your blood.",
            4.3,
        ),
        ("", 0.0),
    ],
)
def test_it_gives_the_flesch_kincaid_grade(text, expected):
    assert grade(text) == expected


def test_long_words_and_long_sentences_raise_the_grade():
    short = "We test the sample. Then we tell you what we found."
    assert grade(short) < 4
    assert grade(short.replace(". Then", ", and then")) > grade(short)
    assert grade("We examine the specimen. Subsequently we communicate the findings.") > 10


# -- the reference content ---------------------------------------------------------


def reference_texts():
    """(name of the text, its English text) of every patient-facing reference text."""
    for model, heading, fields in PATIENT_FACING:
        for row in model.objects.order_by("pk"):
            label = f"{model._meta.model_name} {row.slug}"
            title = getattr(row, f"{heading}_en")
            for position, name in enumerate(fields):
                text = getattr(row, f"{name}_en") or ""
                if not text:
                    continue
                if position == 0:
                    yield f"{label}: {heading} and {name}", f"{title}\n{text}"
                yield f"{label}: {name}", text


@pytest.mark.django_db
def test_every_patient_facing_reference_text_is_at_grade_8_or_below():
    texts = dict(reference_texts())
    assert len(texts) > 100  # 8 stages, 23 barriers, 6 categories, 13 groups
    too_hard = {name: grade(text) for name, text in texts.items() if grade(text) > LIMIT}
    assert too_hard == {}


@pytest.mark.django_db
def test_the_expert_descriptions_are_not_measured_but_still_there():
    stage = Stage.objects.get(slug="testing-decision")
    assert "next-generation sequencing" in stage.description_en
    assert grade(stage.description_en) > LIMIT  # why they sit under "For professionals"


# -- the pages -----------------------------------------------------------------------


class PageProse(HTMLParser):
    """The text of a page's <main>, block by block, leaving out navigation, forms'
    hidden parts, scripts and the "For professionals" part."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "label", "legend", "td", "th"}
    SKIPPED = {"nav", "script", "style", "template", "select", "option", "datalist"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.in_main = False
        self.stack: list[bool] = []  # per open element: is it left out?

    def skipping(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if tag in self.VOID:
            return
        left_out = (
            tag in self.SKIPPED
            or attrs.get("data-audience") == "professionals"
            # Lists of choices (countries, barriers, stages to tick) are names, as a
            # <select>'s options are, not prose; their group names too.
            or any(
                name.endswith(("choices__list", "choices__group"))
                for name in (attrs.get("class") or "").split()
            )
        )
        self.stack.append(left_out)
        if tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag) -> None:
        if tag in self.VOID:
            return
        if tag in self.BLOCKS:
            self.flush()
        if self.stack:
            self.stack.pop()
        if tag == "main":
            self.in_main = False

    def handle_data(self, data) -> None:
        if self.in_main and not self.skipping():
            self.current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def page_prose(html: str) -> str:
    parser = PageProse()
    parser.feed(html)
    parser.flush()
    return "\n".join(parser.blocks)


def patient_pages():
    yield reverse("portal:home")
    yield reverse("portal:pathway")
    yield reverse("portal:barriers")
    yield reverse("portal:stakeholders")
    yield reverse("portal:search")
    yield reverse("contributions:resources")
    yield reverse("contributions:initiatives")
    yield reverse("digests:subscribe")
    for stage in Stage.objects.order_by("position"):
        yield stage.get_absolute_url()
    for barrier in Barrier.objects.order_by("pk"):
        yield barrier.get_absolute_url()


@pytest.mark.django_db
def test_every_patient_page_reads_at_grade_8_or_below(client):
    too_hard = {}
    measured = 0
    for path in patient_pages():
        response = client.get(path)
        assert response.status_code == 200, path
        prose = page_prose(response.content.decode())
        assert counts(prose).words > 20, path
        measured += 1
        if grade(prose) > LIMIT:
            too_hard[path] = grade(prose)
    assert measured == 8 + 8 + 23
    assert too_hard == {}


@pytest.mark.django_db
def test_the_expert_detail_is_under_for_professionals_and_left_out_of_the_measure(client):
    stage = Stage.objects.get(slug="testing-decision")
    html = client.get(stage.get_absolute_url()).content.decode()
    assert 'data-audience="professionals"' in html
    assert "For professionals" in html
    assert "next-generation sequencing" in html
    prose = page_prose(html)
    assert "next-generation sequencing" not in prose
    assert stage.patient_summary_en.split(".")[0] in prose
    assert "Stage 3 of 8" in prose

    barrier = Barrier.objects.get(slug="drug-test-reimbursement-lag")
    html = client.get(barrier.get_absolute_url()).content.decode()
    assert "For professionals" in html and "Normanno" in html
    prose = page_prose(html)
    assert barrier.summary_en in prose
    assert "Normanno" not in prose  # its sources are references, not prose
