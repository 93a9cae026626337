"""Exports: CSV of a filtered list, iCalendar feeds that calendar apps read, TimelineJS JSON of a track."""

import csv
import datetime
import io
import json

import icalendar

from talks.models import Meeting
from tests import factories as f
from tests.web import builders


def test_the_csv_follows_the_filters(client, db):
    data = builders.busy_track(3)
    response = client.get(data["track"].get_absolute_url(), {"date_from": data["meetings"][1].date, "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Disposition"] == 'attachment; filename="busy-rounds.csv"'
    assert rows[0][:4] == ["round", "track", "title", "date"]
    assert [r[0] for r in rows[1:]] == ["2", "3"]


def test_the_csv_defuses_spreadsheet_formulas(client, db):
    meeting = f.MeetingFactory(title="=HYPERLINK(1)")
    rows = list(
        csv.reader(io.StringIO(client.get(meeting.track.get_absolute_url(), {"export": "csv"}).content.decode()))
    )
    assert rows[1][2] == "'=HYPERLINK(1)"


def test_the_track_calendar_parses_and_has_every_dated_round(client, db):
    meeting = f.MeetingFactory(
        status=Meeting.Status.SCHEDULED,
        date_precision="exact",
        scheduled_start=datetime.datetime(2025, 6, 2, 10, 0, tzinfo=datetime.UTC),
    )
    f.MeetingFactory(track=meeting.track, date=datetime.date(2025, 5, 16))
    f.MeetingFactory(track=meeting.track, date=None, status=Meeting.Status.PROPOSED)
    response = client.get(f"/tracks/{meeting.track.slug}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    timed = next(e for e in events if e["uid"].startswith(f"round-{meeting.pk}@"))
    assert timed.decoded("dtstart") == datetime.datetime(2025, 6, 2, 10, 0, tzinfo=datetime.UTC)
    assert str(timed["status"]) == "CONFIRMED"


def test_the_calendar_of_all_tracks_holds_the_demo_round(client, demo):
    calendar = icalendar.Calendar.from_ical(client.get("/calendar.ics").content)
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert "Russia–Ukraine direct talks, Istanbul (2025): First round" in summaries


def test_the_timelinejs_export_escapes_and_dates_each_round(client, db):
    meeting = f.MeetingFactory(title="<b>Round</b>", date=datetime.date(2025, 6, 1), date_precision="month")
    data = json.loads(client.get(f"/tracks/{meeting.track.slug}/timeline.json").content)
    event = data["events"][0]
    assert event["start_date"] == {"year": 2025, "month": 6}
    assert event["text"]["headline"] == "&lt;b&gt;Round&lt;/b&gt;"
    assert event["display_date"] == "June 2025"


def test_draft_rounds_stay_out_of_feeds(client, db):
    meeting = f.MeetingFactory(publication="draft")
    assert client.get(f"/tracks/{meeting.track.slug}/calendar.ics").content.count(b"BEGIN:VEVENT") == 0
    assert json.loads(client.get(f"/tracks/{meeting.track.slug}/timeline.json").content)["events"] == []
