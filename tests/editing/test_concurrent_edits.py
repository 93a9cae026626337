"""Two editors on one round: the second to save is told, sees both versions, and nothing is overwritten."""

import datetime

import pytest
import time_machine

from talks.services import version_of
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def edit_form(meeting, **changes):
    data = {
        "track": meeting.track_id,
        "sequence": meeting.sequence,
        "title": meeting.title,
        "status": meeting.status,
        "format": meeting.format,
        "level": meeting.level,
        "date": meeting.date.isoformat(),
        "date_qualifier": meeting.date_qualifier,
        "venue_city": meeting.venue_city,
        "venue_country": meeting.venue_country,
        "venue_timezone": meeting.venue_timezone,
        "version": version_of(meeting),
    }
    return data | changes


def test_a_stale_edit_is_refused_and_shows_both_versions(client, editor, admin):
    with time_machine.travel(datetime.datetime(2025, 5, 16, 12, tzinfo=datetime.UTC), tick=False):
        meeting = MeetingFactory(title="Round one")
    mine = edit_form(meeting, title="Istanbul, first round")  # the editor opens the form
    theirs = edit_form(meeting, title="Istanbul talks", edit_note="Official name")
    client.force_login(admin)
    with time_machine.travel(datetime.datetime(2025, 5, 16, 12, 5, tzinfo=datetime.UTC), tick=False):
        assert client.post(f"/edit/rounds/{meeting.pk}/details/", theirs).status_code == 302

    client.force_login(editor)
    response = client.post(f"/edit/rounds/{meeting.pk}/details/", mine)
    assert response.status_code == 409
    body = response.content.decode()
    assert "not saved" in body and "Istanbul talks" in body and "Istanbul, first round" in body
    assert "Official name" in body and "admin" in body
    meeting.refresh_from_db()
    assert meeting.title == "Istanbul talks"

    # The form offered again carries the current version: saving it now is a conscious choice.
    retry = response.context["form"]
    assert retry["title"].value() == "Istanbul, first round"
    assert (
        client.post(f"/edit/rounds/{meeting.pk}/details/", mine | {"version": retry["version"].value()}).status_code
        == 302
    )
    meeting.refresh_from_db()
    assert meeting.title == "Istanbul, first round"


def test_a_stale_status_change_is_refused(client, editor):
    meeting = MeetingFactory()
    old = version_of(meeting)
    meeting.summary = "News"
    meeting.save()
    client.force_login(editor)
    response = client.post(f"/edit/rounds/{meeting.pk}/status/", {"status-status": "paused", "status-version": old})
    assert response.status_code == 409
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_a_missing_version_is_a_field_error(client, editor):
    meeting = MeetingFactory()
    client.force_login(editor)
    response = client.post(f"/edit/rounds/{meeting.pk}/details/", edit_form(meeting, version=""))
    assert response.status_code == 400 and response.context["form"].errors["version"]
