"""The record in other people's tools: CSV of any filtered list, iCalendar feeds of rounds, TimelineJS JSON."""

import csv
import datetime

import icalendar
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape

from talks import display
from talks.choices import DatePrecision
from talks.models import Meeting

ICAL_STATUS = {
    Meeting.Status.PROPOSED: "TENTATIVE",
    Meeting.Status.POSTPONED: "TENTATIVE",
    Meeting.Status.CANCELLED: "CANCELLED",
}


def csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        # A cell starting with = + - @ would run as a formula in a spreadsheet: quote it as text.
        writer.writerow([f"'{v}" if isinstance(v, str) and v[:1] in "=+-@" else v for v in row])
    return response


def absolute(path: str) -> str:
    return settings.SITE_URL + path


ROUND_HEADER = ["round", "track", "title", "date", "date as known", "status", "venue", "parties", "url"]


def round_rows(meetings):
    for m in meetings:
        yield [
            m.sequence,
            m.track.name,
            m.title,
            display.meeting_day(m) or "",
            display.meeting_date_text(m),
            m.get_status_display(),
            ", ".join(filter(None, [m.venue_place, m.venue_city, m.venue_country])),
            "; ".join(str(d.party) for d in m.delegations.all()),
            absolute(m.get_absolute_url()),
        ]


def _event(meeting) -> icalendar.Event | None:
    day = display.meeting_day(meeting)
    if day is None:
        return None
    event = icalendar.Event()
    event.add("uid", f"round-{meeting.pk}@{settings.SITE_URL.split('//')[-1]}")
    event.add("summary", str(meeting))
    start = meeting.started_at or meeting.scheduled_start
    if start and meeting.date_precision == DatePrecision.EXACT:
        event.add("dtstart", start)
        event.add("dtend", meeting.ended_at or start + (meeting.approx_duration or datetime.timedelta(hours=2)))
    else:
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("status", ICAL_STATUS.get(meeting.status, "CONFIRMED"))
    location = ", ".join(filter(None, [meeting.venue_place, meeting.venue_city, meeting.venue_country]))
    if location:
        event.add("location", location)
    event.add("url", absolute(meeting.get_absolute_url()))
    event.add("description", f"{meeting.get_status_display()}. Date: {display.meeting_date_text(meeting)}.")
    return event


def ical_response(name: str, meetings) -> HttpResponse:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Roundtable//negotiation rounds//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-published-ttl", "PT1H")
    for meeting in meetings:
        event = _event(meeting)
        if event is not None:
            calendar.add_component(event)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


def _tl_date(day: datetime.date, precision: str) -> dict:
    parts = {"year": day.year}
    if precision != DatePrecision.YEAR:
        parts["month"] = day.month
    if precision in (DatePrecision.DAY, DatePrecision.EXACT):
        parts["day"] = day.day
    return parts


def timelinejs_response(track, meetings) -> JsonResponse:
    """TimelineJS 3 JSON; texts are escaped because TimelineJS renders them as HTML."""
    events = []
    for m in meetings:
        day = display.meeting_day(m)
        if day is None:
            continue
        events.append(
            {
                "unique_id": f"round-{m.pk}",
                "start_date": _tl_date(day, m.date_precision),
                "display_date": display.meeting_date_text(m),
                "group": m.get_status_display(),
                "text": {
                    "headline": escape(m.title or f"Round {m.sequence}"),
                    "text": escape(m.summary) + f' <a href="{absolute(m.get_absolute_url())}">Round page</a>',
                },
            }
        )
    data = {"title": {"text": {"headline": escape(track.name), "text": escape(track.description)}}, "events": events}
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
