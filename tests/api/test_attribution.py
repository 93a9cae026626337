"""Every write through the API records who made it and when, in the change history."""

import datetime

import pytest
import time_machine

from tests import factories as f

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2025, 5, 17, 9, 30, tzinfo=datetime.UTC)


def test_a_token_write_records_its_user_and_time(editor_api, editor):
    meeting = f.MeetingFactory(venue_city="Istanbul")
    with time_machine.travel(WHEN, tick=False):
        assert (
            editor_api.patch(f"/api/v1/meetings/{meeting.pk}/", {"venue_city": "Geneva"}, format="json").status_code
            == 200
        )
    latest = meeting.history.order_by("-history_id").first()
    assert (latest.history_user, latest.history_date, latest.venue_city) == (editor, WHEN, "Geneva")


def test_a_session_write_records_its_user(client, editor):
    client.force_login(editor)
    party = f.PartyFactory()
    response = client.patch(
        f"/api/v1/parties/{party.pk}/", {"short_name": "UN"}, content_type="application/json", HTTP_X_CSRFTOKEN="x"
    )
    assert response.status_code == 200
    assert party.history.latest().history_user == editor


def test_a_session_write_needs_the_csrf_token(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    party = f.PartyFactory()
    response = client.patch(f"/api/v1/parties/{party.pk}/", {"short_name": "UN"}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_deletion_is_attributed(editor_api, editor):
    session = f.MeetingFactory().sessions.create(sequence=1)
    assert editor_api.delete(f"/api/v1/meeting-sessions/{session.pk}/").status_code == 204
    assert session.history.filter(history_type="-").get().history_user == editor
