"""What a message says, whatever carries it: the round, its time in the venue's zone and the reader's, the links."""

import datetime
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

from accounts.models import Reminder
from accounts.models.subscriptions import lead_label


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


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_context(reminder: Reminder) -> dict:
    user, meeting, swap = reminder.user, reminder.meeting, reminder.swap_agreement
    context = {
        "reminder": reminder,
        "user": user,
        "site_url": settings.SITE_URL,
        "lead": lead_label(reminder.lead),
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
