"""The track page: a timeline and list of rounds, filtered by party, status, dates and topic through the URL."""

import datetime

import pytest
import time_machine

from talks.choices import DatePrecision, DateQualifier
from talks.models import Meeting
from tests import factories as f
from tests.web import builders
from tests.web.html import text


def rounds_listed(response) -> int:
    return response.content.decode().split('id="rounds"', 1)[-1].count('<th scope="row">')


def test_it_draws_every_round_on_the_timeline(client, db):
    track = builders.busy_track(4)["track"]
    html = client.get(track.get_absolute_url()).content.decode()
    assert html.count('class="round-marker"') == 4
    assert "Legend" in html and "Date uncertain or undisclosed" in html


def test_it_filters_by_party_status_dates_and_topic(client, db):
    data = builders.busy_track(4)
    track, (side_a, _) = data["track"], data["sides"]
    url = track.get_absolute_url()
    assert rounds_listed(client.get(url)) == 4
    assert rounds_listed(client.get(url, {"party": side_a.slug})) == 4
    assert client.get(url, {"party": f.StateFactory().slug}).status_code == 400  # not a party of this track
    data["meetings"][0].status = Meeting.Status.CANCELLED
    data["meetings"][0].save()
    assert rounds_listed(client.get(url, {"status": "cancelled"})) == 1
    second = data["meetings"][1].date
    assert rounds_listed(client.get(url, {"date_from": second.isoformat()})) == 3
    assert rounds_listed(client.get(url, {"date_to": second.isoformat()})) == 2
    assert rounds_listed(client.get(url, {"category": "humanitarian"})) == 4  # every round has a humanitarian outcome
    assert rounds_listed(client.get(url, {"category": "legal"})) == 0


@pytest.mark.parametrize(
    "params, field",
    [({"date_from": "16/05/2025"}, "date_from"), ({"status": "won"}, "status"), ({"party": "nobody"}, "party")],
)
def test_it_refuses_a_bad_filter_with_the_field_named(client, db, params, field):
    track = f.TrackFactory()
    response = client.get(track.get_absolute_url(), params)
    assert response.status_code == 400
    assert f'id="id_{field}"' in response.content.decode()
    assert "errorlist" in response.content.decode()


def test_it_refuses_a_date_range_that_ends_before_it_starts(client, db):
    track = f.TrackFactory()
    response = client.get(track.get_absolute_url(), {"date_from": "2025-06-01", "date_to": "2025-05-01"})
    assert response.status_code == 400
    assert "The end of the range comes before its start." in response.content.decode()


def test_it_draws_an_uncertain_date_as_a_range(client, db):
    meeting = f.MeetingFactory(
        date=datetime.date(2025, 6, 1), date_precision=DatePrecision.MONTH, date_qualifier=DateQualifier.UNDISCLOSED
    )
    f.MeetingFactory(track=meeting.track, date=datetime.date(2025, 5, 16))
    html = client.get(meeting.track.get_absolute_url()).content.decode()
    assert 'data-uncertain="June 2025 (exact date set, not disclosed)"' in html


def test_it_marks_a_long_gap_between_rounds(client, db):
    first = f.MeetingFactory(date=datetime.date(2025, 1, 1))
    f.MeetingFactory(track=first.track, date=datetime.date(2025, 6, 1))
    assert "5 months without a round" in client.get(first.track.get_absolute_url()).content.decode()


def test_it_shows_the_demo_track(client, demo):
    html = client.get(demo.track.get_absolute_url()).content.decode()
    assert "First round" in html and "16 May 2025" in html and "Paused" in html


@pytest.mark.parametrize("size", [1, 50])
def test_it_costs_the_same_queries_for_1_or_50_rounds(client, db, django_assert_max_num_queries, size):
    track = builders.busy_track(size)["track"]
    with django_assert_max_num_queries(8):
        response = client.get(track.get_absolute_url(), {"status": "held"})
    assert rounds_listed(response) == size


@time_machine.travel(datetime.datetime(2025, 6, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_it_counts_down_to_the_next_round(client, db):
    meeting = f.MeetingFactory(
        title="Second round",
        status=Meeting.Status.SCHEDULED,
        date=None,
        scheduled_start=datetime.datetime(2025, 6, 3, 9, 0, tzinfo=datetime.UTC),
    )
    page = text(client.get(meeting.track.get_absolute_url()))
    assert "Next round in 2 days: Round" in page and "Second round" in page and "in 2 days" in page
