"""The one rule of "assessed as best or promising practice", which the library's
FilterSet (contributions.tag_filters.PracticeFilter, through the
CONTRIBUTION_PRACTICE_RULE setting) applies for the web library, the API, CSV,
feeds and digests, and the gap map's layer uses directly."""

from django.db.models import QuerySet

from .models import PROVEN, Assessment, Outcome


class PracticeRule:
    """Initiatives whose standing decision is one of the chosen outcomes."""

    choices = [(outcome.value, outcome.label) for outcome in PROVEN]

    @staticmethod
    def filter(queryset: QuerySet, outcomes: list[str]) -> QuerySet:
        return queryset.filter(pk__in=Assessment.objects.proven_initiatives(outcomes))


def proven(queryset: QuerySet) -> QuerySet:
    """Initiatives assessed as best or promising practice."""
    return PracticeRule.filter(queryset, [Outcome.BEST, Outcome.PROMISING])
