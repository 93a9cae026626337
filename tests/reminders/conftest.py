"""Fixtures for reminders: a subscriber, rounds scheduled at a given time, and a clock to hold still."""

import datetime

import pytest

from accounts.models import Subscription
from tests.factories import MeetingFactory, TrackFactory

UTC = datetime.UTC
NOW = datetime.datetime(2025, 5, 10, 9, 0, tzinfo=UTC)


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.fixture
def track(db):
    return TrackFactory(name="Istanbul talks")


@pytest.fixture
def subscriber(analyst):
    analyst.time_zone = "Europe/London"
    analyst.save()
    return analyst


@pytest.fixture
def subscription(subscriber, track):
    return Subscription.objects.create(user=subscriber, track=track)


def schedule_round(track, start: datetime.datetime, **extra):
    """A published round, scheduled at `start` (the save plans its reminders)."""
    fields = {"status": "scheduled", "scheduled_start": start, "date_precision": "exact", "venue_city": "Istanbul"}
    return MeetingFactory(track=track, **{**fields, **extra})


# Real services -------------------------------------------------------------------------------------------------


@pytest.fixture
def smtp():
    from tests.reminders.live import SmtpSink

    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def test_database_url(transactional_db):
    """The URL of pytest-django's test database, for worker subprocesses to share the committed rows."""
    from django.db import connection

    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def queue_name(request):
    """A queue of the test's own, so leftovers of another run never reach its workers."""
    import uuid

    return f"reminders-test-{uuid.uuid4().hex[:8]}"
