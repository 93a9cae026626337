"""Reading pages are rendered once per version of the record for anonymous readers; accounts always get their own."""

import pytest
from django.test import Client

from talks.models import Meeting
from tests import factories as f
from tests.web.html import text


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def meeting(db):
    return f.MeetingFactory(title="Istanbul round")


def test_an_anonymous_reader_gets_the_round_page_again_without_a_query(cached, meeting, django_assert_num_queries):
    first = Client().get(meeting.get_absolute_url())
    with django_assert_num_queries(0):
        again = Client().get(meeting.get_absolute_url())
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.django_db(transaction=True)  # the record's version moves when the write commits
def test_a_change_to_the_record_shows_at_once(cached):
    meeting = f.MeetingFactory(title="Before")
    assert "Before" in text(Client().get(meeting.get_absolute_url()))
    Meeting.objects.filter(pk=meeting.pk).update(title="After")  # an update the ORM sends in one statement
    assert "After" in text(Client().get(meeting.get_absolute_url()))


def test_each_readers_time_zone_gets_its_own_page(cached, meeting):
    Client().get(meeting.get_absolute_url())
    tokyo = Client()
    tokyo.cookies["tz"] = "Asia/Tokyo"
    assert "Asia/Tokyo" in text(tokyo.get(meeting.get_absolute_url()))


def test_a_reader_with_an_account_never_gets_or_leaves_a_cached_page(cached, meeting, analyst):
    Client().get(meeting.get_absolute_url())
    signed_in = Client()
    signed_in.force_login(analyst)
    assert f"Log out {analyst.username}" in text(signed_in.get(meeting.get_absolute_url()))
    f.MeetingFactory(track=meeting.track)  # a page kept for the analyst would now be stale; none was kept
    assert f"Log out {analyst.username}" not in text(Client().get(meeting.get_absolute_url()))


def test_pages_not_marked_for_every_reader_are_not_kept(cached, meeting, django_assert_max_num_queries):
    url = f"/tracks/{meeting.track.slug}/calendar.ics"
    Client().get(url)
    with django_assert_max_num_queries(50) as captured:
        Client().get(url)
    assert len(captured) > 0


def test_it_is_off_unless_set(meeting, django_assert_max_num_queries):
    Client().get(meeting.get_absolute_url())
    with django_assert_max_num_queries(100) as captured:
        Client().get(meeting.get_absolute_url())
    assert len(captured) > 0
