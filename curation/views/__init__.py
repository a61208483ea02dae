"""The curators' pages: items.py (the moderation queue, bulk publishing, the review
page) and memberships.py (requests to join organisations, proposed organisations)."""
