"""My questions: the questions to ask at each stage, ticked across the pathway and
taken to the doctor, printed on one A4 page or downloaded, with room for notes.

No account and no JavaScript: the choice is the query string (`?q=<stage>-<n>`,
the nth question of a stage), so a list can be bookmarked or shared, and the
three pages (choose, print, download) read it the same way.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .models import Stage

# More values than questions exist are never needed; the rest is ignored.
MAX_CHOSEN = 100
MAX_ID_LENGTH = 100


@dataclass
class Question:
    id: str
    text: str
    chosen: bool


@dataclass
class StageQuestions:
    stage: Stage
    questions: list[Question] = field(default_factory=list)

    @property
    def chosen(self) -> list[Question]:
        return [question for question in self.questions if question.chosen]


@dataclass
class Choice:
    """Every stage's questions, those in the query string marked chosen."""

    stages: list[StageQuestions]
    unknown: int  # ids asked for that match no question (the list changed since)

    @property
    def chosen(self) -> list[StageQuestions]:
        return [group for group in self.stages if group.chosen]

    @property
    def count(self) -> int:
        return sum(len(group.chosen) for group in self.stages)

    @property
    def query(self) -> str:
        return "&".join(f"q={q.id}" for group in self.stages for q in group.chosen)


def question_id(stage: Stage, number: int) -> str:
    return f"{stage.slug}-{number}"


def read_choice(request: HttpRequest) -> Choice:
    wanted = {
        value.strip()
        for value in request.GET.getlist("q")[:MAX_CHOSEN]
        if value.strip() and len(value) <= MAX_ID_LENGTH
    }
    stages, known = [], set()
    for stage in Stage.objects.all():
        group = StageQuestions(stage)
        for number, text in enumerate(stage.questions, start=1):
            id = question_id(stage, number)
            known.add(id)
            group.questions.append(Question(id, text, id in wanted))
        if group.questions:
            stages.append(group)
    return Choice(stages, unknown=len(wanted - known))


@require_safe
def questions(request: HttpRequest) -> HttpResponse:
    """Every stage's questions with a box to tick, and what to do with the list."""
    return render(request, "pathway/questions.html", {"choice": read_choice(request)})


@require_safe
def questions_print(request: HttpRequest) -> HttpResponse:
    """The chosen questions on one A4 page, each with ruled space for notes."""
    return render(request, "pathway/questions_print.html", {"choice": read_choice(request)})


@require_safe
def questions_download(request: HttpRequest) -> HttpResponse:
    """The chosen questions as a plain-text file, with lines for notes."""
    body = render_to_string("pathway/questions.txt", {"choice": read_choice(request)}, request)
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    # Translators: the name of the downloaded file, without ".txt"
    filename = _("my-questions") + ".txt"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
