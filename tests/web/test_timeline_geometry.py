"""The timeline's geometry: status by shape, uncertain dates as ranges, long gaps measured, close rounds apart."""

import datetime

from talks import display, timeline
from talks.choices import DatePrecision, DateQualifier, DurationQualifier
from talks.models import Meeting, MeetingSession
from tests import factories as f

DAY = datetime.date(2025, 5, 16)


def test_every_status_has_its_own_shape():
    shapes = [item["shape"] for item in timeline.legend()]
    assert len(shapes) == len(set(shapes)) == len(Meeting.Status.choices)


def test_a_round_known_to_the_month_spans_the_month_with_its_marker_in_the_middle(db):
    vague = f.MeetingFactory(date=datetime.date(2025, 11, 1), date_precision=DatePrecision.MONTH)
    sure = f.MeetingFactory(track=vague.track, date=DAY)
    drawn = timeline.build([sure, vague])
    marker = drawn.markers[1]
    left, width = marker.range_x
    assert width > 20
    assert abs(marker.x - (left + width / 2)) < 0.01
    assert drawn.markers[0].range_x is None


def test_a_long_gap_is_measured_and_a_short_one_is_not(db):
    first = f.MeetingFactory(date=DAY)
    second = f.MeetingFactory(track=first.track, date=DAY + datetime.timedelta(days=10))
    third = f.MeetingFactory(track=first.track, date=DAY + datetime.timedelta(days=100))
    gaps = timeline.build([first, second, third]).gaps
    assert [g.label for g in gaps] == ["3 months without a round"]


def test_rounds_on_the_same_day_stack_in_lanes(db):
    first = f.MeetingFactory(date=DAY)
    second = f.MeetingFactory(track=first.track, date=DAY)
    markers = timeline.build([first, second]).markers
    assert markers[0].y != markers[1].y


def test_a_round_without_a_date_is_listed_apart(db):
    undated = f.MeetingFactory(date=None, status=Meeting.Status.PROPOSED)
    drawn = timeline.build([undated])
    assert drawn.markers == [] and drawn.undated == [undated]


def test_a_possible_resumption_is_flagged(db):
    meeting = f.MeetingFactory(date=DAY, status=Meeting.Status.PAUSED)
    MeetingSession.objects.create(meeting=meeting, sequence=2, status=MeetingSession.Status.POSSIBLE)
    marker = timeline.build([meeting]).markers[0]
    assert marker.shape == "pause" and marker.possible_resumption


def test_dates_and_durations_read_as_the_record_knows_them(db):
    meeting = f.MeetingFactory(
        date=DAY,
        date_qualifier=DateQualifier.ABOUT,
        approx_duration=datetime.timedelta(hours=2),
        duration_qualifier=DurationQualifier.NEARLY,
    )
    assert display.meeting_date_text(meeting) == "about 16 May 2025"
    assert display.duration_text(meeting) == "nearly 2 hours"
    meeting.date_qualifier = DateQualifier.UNKNOWN
    assert display.meeting_date_text(meeting) == "date not known"
