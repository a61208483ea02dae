"""The curators' pages: queue.py (the moderation queue and bulk publishing),
review.py (the review page of one item) and memberships.py (requests to join
organisations, proposed organisations)."""
