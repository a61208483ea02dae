"""REST API for resources, initiatives and proposed revisions.

Reading: anonymous clients see published items; signed-in members also see every
item of their organisations, curators see everything. Lists take the same query
string as the web library (contributions.filters is shared), but where the web
page ignores what it does not know, the API answers 400 and names it.

Writing follows the web forms' rules: approved members create items for their
organisation as drafts or submit them; drafts and items sent back are edited in
place, while a change to a published item becomes a pending Revision and the live
item stays as it is until a curator accepts it. Status only changes through the
model's workflow methods, called by the action endpoints (submit, publish, ...).
"""

from .downloads import InitiativeCSVView, ResourceCSVView
from .revisions import RevisionViewSet
from .views import InitiativeViewSet, ResourceViewSet

__all__ = [
    "InitiativeCSVView",
    "InitiativeViewSet",
    "ResourceCSVView",
    "ResourceViewSet",
    "RevisionViewSet",
]
