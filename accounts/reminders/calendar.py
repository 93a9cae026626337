"""The .ics attached to reminders: one event per round, with a stable UID so calendars update it in place."""

import datetime

import icalendar
from django.conf import settings
from django.utils import timezone

from accounts.reminders.content import site_host
from talks.models import Meeting

DEFAULT_LENGTH = datetime.timedelta(hours=2)


def round_calendar(meeting: Meeting, start: datetime.datetime, *, cancelled: bool = False) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Roundtable//Round reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    calendar.add_component(_event(meeting, start, cancelled))
    return calendar.to_ical()


def _event(meeting: Meeting, start: datetime.datetime, cancelled: bool) -> icalendar.Event:
    start = start.astimezone(datetime.UTC)
    event = icalendar.Event()
    event.add("uid", f"round-{meeting.pk}@{site_host()}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", start + (meeting.approx_duration or DEFAULT_LENGTH))
    event.add("summary", str(meeting))
    event.add("location", ", ".join(part for part in (meeting.venue_place, meeting.venue_city) if part))
    event.add("url", settings.SITE_URL + meeting.get_absolute_url())
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    # Calendars replace an event only by a higher sequence; the last edit's time always grows.
    event.add("sequence", int(meeting.updated_at.timestamp()) if meeting.updated_at else 0)
    return event
