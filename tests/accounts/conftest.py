import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

from accounts.models import User
from tests.conftest import make_user


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # allauth counts attempts in the cache, which outlives a test (and, with Redis, a run).
    cache.clear()
    yield
    cache.clear()


def make_verified_user(username: str, **extra) -> User:
    """A user who signed up and confirmed their address, as allauth records it."""
    user = make_user(username, **extra)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


@pytest.fixture
def member(db) -> User:
    return make_verified_user("member")
