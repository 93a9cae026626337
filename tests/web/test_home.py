"""The home page: upcoming rounds with a countdown, the latest rounds, active tracks and swaps in progress."""

import datetime

import pytest
import time_machine

from talks.models import Meeting
from tests import factories as f
from tests.web import builders

NOW = datetime.datetime(2025, 6, 1, 9, 0, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_it_counts_down_to_an_upcoming_round(client, db):
    f.MeetingFactory(
        title="Second round",
        status=Meeting.Status.SCHEDULED,
        date=None,
        scheduled_start=NOW + datetime.timedelta(days=1, hours=4),
    )
    html = client.get("/").content.decode()
    assert "Second round" in html
    assert 'data-countdown="2025-06-02T13:00:00+00:00"' in html
    assert "in 1\xa0day, 4\xa0hours" in html


def test_it_shows_the_demo_track_round_and_swap(client, demo):
    html = client.get("/").content.decode()
    assert "Russia–Ukraine direct talks, Istanbul (2025)" in html
    assert "First round" in html
    assert "1,000 for 1,000" in html
    assert "Date set, not disclosed" in html
    assert "0 of 1000 carried out" in html


@pytest.mark.parametrize("size", [1, 20])
def test_it_costs_the_same_queries_however_much_is_on_record(client, db, django_assert_max_num_queries, size):
    builders.busy_track(size, slug=f"t{size}")
    for _ in range(size):
        builders.busy_swap(2)
    with django_assert_max_num_queries(11):
        client.get("/")
