"""Anonymous reads are served from a cache of rendered responses, and every write to the record drops it."""

import pytest
from django.db import transaction
from rest_framework.throttling import AnonRateThrottle

from talks import record_version
from talks.models import Meeting
from tests import factories as f
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/meetings/?include=delegations,demands"


@pytest.fixture
def cached(settings):
    settings.API_RESPONSE_CACHE_SECONDS = 60


def test_it_serves_an_anonymous_read_again_without_a_query(cached, api, django_assert_num_queries):
    f.MeetingFactory(title="Istanbul round")
    first = api.get(URL)
    with django_assert_num_queries(0):
        again = api.get(URL)
    assert again.status_code == 200
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"] and again["Vary"] == first["Vary"]


@pytest.mark.django_db(transaction=True)  # the version moves when the write commits
def test_it_drops_cached_reads_on_a_save(cached, api):
    meeting = f.MeetingFactory(title="Before")
    api.get(URL)
    meeting.title = "After"
    meeting.save()
    assert b"After" in api.get(URL).content


@pytest.mark.django_db(transaction=True)
def test_it_drops_cached_reads_on_a_queryset_update_too(cached, api):
    meeting = f.MeetingFactory(title="Before")
    api.get(URL)
    Meeting.objects.filter(pk=meeting.pk).update(title="After")
    assert b"After" in api.get(URL).content


def test_it_keeps_cached_reads_when_a_write_rolls_back(cached, api, django_assert_num_queries):
    meeting = f.MeetingFactory(title="Before")
    api.get(URL)
    with pytest.raises(RuntimeError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(title="After")
        raise RuntimeError
    with django_assert_num_queries(0):
        assert b"Before" in api.get(URL).content


def test_it_answers_if_none_match_from_the_cache(cached, api, django_assert_num_queries):
    f.MeetingFactory()
    etag = api.get(URL)["ETag"]
    with django_assert_num_queries(0):
        response = api.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response["ETag"] == etag and not response.content


def test_it_keeps_json_and_csv_apart(cached, api):
    url = f"/api/v1/meetings/{f.MeetingFactory().pk}/"
    assert api.get(url).content.startswith(b"{")
    assert api.get(url, HTTP_ACCEPT="text/csv").content.startswith(b"id,")


def test_it_never_serves_a_signed_in_reader_from_the_cache(cached, api, editor):
    f.MeetingFactory(title="Published")
    f.MeetingFactory(title="Draft", publication="draft")
    api.get(URL)
    assert b"Draft" in client_for(editor).get(URL).content


def test_it_is_off_unless_configured(api, django_assert_max_num_queries):
    f.MeetingFactory()
    api.get(URL)
    with django_assert_max_num_queries(20) as queries:
        api.get(URL)
    assert len(queries) > 0


def test_it_sees_writes_to_record_tables_only():
    assert record_version.writes_record('UPDATE "talks_meeting" SET "title" = %s')
    assert record_version.writes_record(' INSERT INTO "exchanges_swapstage" ("id") VALUES (%s)')
    assert not record_version.writes_record('SELECT "talks_meeting"."id" FROM "talks_meeting"')
    assert not record_version.writes_record('UPDATE "accounts_reminder" SET "state" = %s')


def test_a_cached_answer_counts_against_the_rate_limit(cached, api, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": "1000/min"})
    f.MeetingFactory()
    assert [api.get(URL).status_code for _ in range(3)] == [200, 200, 429]
