"""What a message says, whatever carries it: the round, its time in the venue's zone and the reader's, the links."""

import datetime
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Reminder
from accounts.models.subscriptions import lead_label

CLOSE_ENOUGH = datetime.timedelta(minutes=10)


@dataclass(frozen=True)
class Moment:
    venue: str
    reader: str
    venue_zone: str
    reader_zone: str

    @property
    def same_zone(self) -> bool:
        return self.venue == self.reader


def local_time(moment: datetime.datetime, zone: zoneinfo.ZoneInfo) -> str:
    """'Sunday 26 October 2025, 02:30 CET': the abbreviation tells the two 02:30s of a fall-back night apart."""
    local = moment.astimezone(zone)
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M} {local.tzname()}"


def moment(when: datetime.datetime, venue_zone: zoneinfo.ZoneInfo, reader_zone: zoneinfo.ZoneInfo) -> Moment:
    return Moment(
        venue=local_time(when, venue_zone),
        reader=local_time(when, reader_zone),
        venue_zone=venue_zone.key,
        reader_zone=reader_zone.key,
    )


def starts_in(reminder: Reminder) -> str:
    """The lead time when sent on time; after a catch-up, the time really left."""
    if not reminder.round_start:
        return ""
    left = reminder.round_start - timezone.now()
    if reminder.lead and abs(left - reminder.lead) < CLOSE_ENOUGH:
        return lead_label(reminder.lead)
    return lead_label(_rounded(left))


def _rounded(left: datetime.timedelta) -> datetime.timedelta:
    minutes = max(round(left.total_seconds() / 60), 1)
    unit = 24 * 60 if minutes >= 48 * 60 else 60 if minutes >= 60 else 1
    return datetime.timedelta(minutes=round(minutes / unit) * unit)


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_context(reminder: Reminder) -> dict:
    user, meeting, swap = reminder.user, reminder.meeting, reminder.swap_agreement
    context = {
        "reminder": reminder,
        "user": user,
        "site_url": settings.SITE_URL,
        "lead": lead_label(reminder.lead),
        "starts_in": starts_in(reminder),
    }
    if meeting:
        context["meeting"] = meeting
        context["round_url"] = settings.SITE_URL + meeting.get_absolute_url()
        when = reminder.round_start or meeting.scheduled_start
        if when:
            context["when"] = moment(when, meeting.zone, user.zone)
    if swap:
        context["swap"] = swap
        context["swap_url"] = settings.SITE_URL + swap.get_absolute_url()
    if reminder.subscription_id:
        context["unsubscribe_url"] = reminder.subscription.unsubscribe_url()
        context["manage_url"] = settings.SITE_URL + reverse("subscription-list")
    return context
