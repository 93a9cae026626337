"""Shared fixtures: a fixed cast of users, one per role, and the rule that CI tolerates no skipped test."""

import os

import pytest
from django.contrib.auth.models import Group

from accounts.roles import ADMIN, ANALYST, EDITOR


def _member(django_user_model, username: str, group: str | None, **extra):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.org", password="pw-" + username, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def analyst(db, django_user_model):
    return _member(django_user_model, "analyst", ANALYST)


@pytest.fixture
def editor(db, django_user_model):
    return _member(django_user_model, "editor", EDITOR, is_staff=True)


@pytest.fixture
def admin(db, django_user_model):
    return _member(django_user_model, "admin", ADMIN, is_staff=True)


@pytest.fixture
def cast(analyst, editor, admin):
    """Every role of the permission matrix; None is the anonymous reader."""
    return {"anonymous": None, "analyst": analyst, "editor": editor, "admin": admin}


def pytest_sessionfinish(session, exitstatus):
    # Under CI every test must run: a skip there means a missing install step, not an optional test.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") == "true" and skipped and exitstatus == 0:
        reporter.write_line(f"CI=true: {skipped} test(s) skipped; every test must run in CI.", red=True)
        session.exitstatus = 1
