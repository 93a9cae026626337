"""Shared fixtures: a fixed cast of users, one per role, and the rule that CI tolerates no skipped test."""

import os
from pathlib import Path

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


# Services ------------------------------------------------------------------------------------------------------
# Tests marked `services` need real PostgreSQL and Redis (locking, delivery, outages). CI's SQLite pass deselects
# them with -m "not services"; its PostgreSQL pass runs them. Elsewhere they skip with the reason.


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    if settings.IS_POSTGRES and settings.REDIS_URL:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL and Redis: set DATABASE_URL=postgres://... and REDIS_URL")
    for item in items:
        if "services" in item.keywords:
            item.add_marker(skip)


# Browser -------------------------------------------------------------------------------------------------------
# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make there are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab at desktop size; `page.base_url` is the live server's address."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=live_server.url)
    tab = context.new_page()
    tab.base_url = live_server.url
    yield tab
    context.close()


def screenshot(page, name: str) -> Path:
    """Write a full-page screenshot at desktop and phone widths, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        page.screenshot(path=SCREENSHOTS / f"{name}-{label}.png", full_page=True)
    page.set_viewport_size(VIEWPORTS["desktop"])
    return SCREENSHOTS / f"{name}-desktop.png"
