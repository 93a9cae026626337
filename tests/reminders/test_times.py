"""Times in reminders: lead times are elapsed time, shown in the venue's zone and the reader's, DST included."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail

from accounts.models import Reminder
from accounts.reminders.delivery import reminder_deliver
from tests.reminders.conftest import at, schedule_round

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
State = Reminder.State


def send_due(meeting, lead_hours: int) -> str:
    row = Reminder.objects.get(meeting=meeting, lead=datetime.timedelta(hours=lead_hours))
    Reminder.objects.filter(pk=row.pk).update(state=State.QUEUED)
    with time_machine.travel(row.due_at, tick=False):
        assert reminder_deliver(reminder_id=row.pk, claim="t") == "sent"
    return mail.outbox[-1].body


@pytest.fixture
def new_yorker(subscription):
    subscription.user.time_zone = "America/New_York"
    subscription.user.save()
    return subscription.user


@pytest.mark.parametrize(
    ("fold", "utc_start", "venue_label"),
    [
        (0, at(2025, 10, 26, 0, 30), "Sunday 26 October 2025, 02:30 CEST"),  # the first 02:30, still summer time
        (1, at(2025, 10, 26, 1, 30), "Sunday 26 October 2025, 02:30 CET"),  # the second, after clocks went back
    ],
)
def test_a_round_at_0230_on_the_night_clocks_go_back_is_reminded_24_elapsed_hours_before(
    new_yorker, track, fold, utc_start, venue_label
):
    start = datetime.datetime(2025, 10, 26, 2, 30, fold=fold, tzinfo=BERLIN)
    assert start.astimezone(datetime.UTC) == utc_start
    with time_machine.travel(at(2025, 10, 1), tick=False):
        meeting = schedule_round(track, start, venue_timezone="Europe/Berlin", venue_city="Berlin")

    due = sorted(Reminder.objects.filter(meeting=meeting).values_list("due_at", flat=True))
    assert due == [utc_start - datetime.timedelta(hours=24), utc_start - datetime.timedelta(hours=1)]

    body = send_due(meeting, 24)
    assert f"At the venue: {venue_label} (Europe/Berlin)" in body
    new_york = utc_start.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    assert f"Your time:    Saturday 25 October 2025, {new_york:%H:%M} EDT (America/New_York)" in body
    assert "starts in about 24 hours" in body


def test_the_day_before_a_round_after_clocks_went_back_is_25_wall_clock_hours_earlier(subscription, track):
    with time_machine.travel(at(2025, 10, 1), tick=False):
        meeting = schedule_round(
            track, datetime.datetime(2025, 10, 26, 12, 0, tzinfo=BERLIN), venue_timezone="Europe/Berlin"
        )

    day_before = Reminder.objects.get(meeting=meeting, lead=datetime.timedelta(hours=24))
    assert day_before.due_at.astimezone(BERLIN).strftime("%d %H:%M %Z") == "25 13:00 CEST"


def test_a_reader_in_the_venues_zone_sees_the_time_once(subscription, track):
    subscription.user.time_zone = "Europe/Istanbul"
    subscription.user.save()
    with time_machine.travel(at(2025, 5, 1), tick=False):
        meeting = schedule_round(track, at(2025, 5, 16, 9, 30))

    body = send_due(meeting, 1)

    assert "At the venue: Friday 16 May 2025, 12:30 +03 (Europe/Istanbul)" in body
    assert "Your time" not in body
    assert "starts in about 1 hour" in body


def test_a_reminder_sent_late_after_an_outage_says_how_long_is_really_left(subscription, track):
    with time_machine.travel(at(2025, 5, 1), tick=False):
        meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
    row = Reminder.objects.get(meeting=meeting, lead=datetime.timedelta(hours=24))
    Reminder.objects.filter(pk=row.pk).update(state=State.QUEUED)

    with time_machine.travel(at(2025, 5, 16, 6, 30), tick=False):
        reminder_deliver(reminder_id=row.pk, claim="t")

    assert "starts in about 3 hours" in mail.outbox[0].body
