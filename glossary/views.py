from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from search.text import fold

from .models import Term


def initial(term: Term) -> str:
    """The letter a term is listed under: its first letter without accents."""
    letter = fold(term.term)[:1].upper()
    return letter if letter.isalpha() else "#"


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Every term from A to Z in the visitor's language, a section per letter."""
    terms = sorted(Term.objects.all(), key=lambda term: fold(term.term))
    letters = [(letter, list(group)) for letter, group in groupby(terms, key=initial)]
    return render(request, "glossary/index.html", {"letters": letters})
