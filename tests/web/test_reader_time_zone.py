"""Times show in the venue's zone and the reader's: the account's zone, else the browser's, else UTC."""

import datetime

from talks.models import Meeting
from tests import factories as f
from tests.web.html import text

START = datetime.datetime(2025, 6, 2, 10, 0, tzinfo=datetime.UTC)


def scheduled():
    return f.MeetingFactory(status=Meeting.Status.SCHEDULED, scheduled_start=START, date_precision="exact")


def test_it_shows_the_venue_time_and_the_readers_from_the_browser(client, db):
    meeting = scheduled()
    client.cookies["tz"] = "America/New_York"
    page = text(client.get(meeting.get_absolute_url()))
    assert "2 Jun 2025, 13:00 UTC+03 (Europe/Istanbul)" in page
    assert "2 Jun 2025, 06:00 EDT your time, America/New_York" in page


def test_the_accounts_zone_wins_over_the_browsers(client, analyst):
    analyst.time_zone = "Asia/Tokyo"
    analyst.save()
    client.force_login(analyst)
    client.cookies["tz"] = "America/New_York"
    assert "19:00 JST your time, Asia/Tokyo" in text(client.get(scheduled().get_absolute_url()))


def test_a_bogus_cookie_falls_back_to_utc(client, db):
    client.cookies["tz"] = "../../etc/passwd"
    assert "10:00 UTC your time, UTC" in text(client.get(scheduled().get_absolute_url()))
