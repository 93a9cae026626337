"""Editors see who changed what and when, field by field."""

import pytest

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_it_shows_each_change_with_its_author(client, editor):
    meeting = MeetingFactory(venue_city="Istanbul")
    client.force_login(editor)
    meeting.venue_city = "Geneva"
    meeting._history_user = editor
    meeting.save()
    response = client.get(f"/history/talks.meeting/{meeting.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "venue_city" in body and "Istanbul" in body and "Geneva" in body and "editor" in body


@pytest.mark.parametrize("role", ["anonymous", "analyst"])
def test_it_is_for_editors_only(client, cast, role):
    meeting = MeetingFactory()
    if cast[role]:
        client.force_login(cast[role])
    assert client.get(f"/history/talks.meeting/{meeting.pk}/").status_code in (302, 403)


def test_an_unknown_kind_of_record_is_not_found(client, editor):
    client.force_login(editor)
    assert client.get("/history/accounts.user/1/").status_code == 404
    assert client.get("/history/talks.nothing/1/").status_code == 404
    assert client.get("/history/talks.meeting/999999/").status_code == 404
