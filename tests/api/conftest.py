"""The API's cast: a client per role, authenticated as an API client would be (a token), or anonymous."""

import itertools

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.models import ApiToken


@pytest.fixture(autouse=True)
def fresh_throttles():
    # Throttle counters live in the cache; each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


TOKEN_NAMES = (f"tests {n}" for n in itertools.count())


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        _, key = ApiToken.issue(user, next(TOKEN_NAMES))
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api(db):
    """An anonymous client."""
    return APIClient()


@pytest.fixture
def as_role(cast):
    return lambda role: client_for(cast[role])


@pytest.fixture
def editor_api(editor):
    return client_for(editor)
