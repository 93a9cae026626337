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
