"""Every change is kept: a record can be restored to an earlier version, and deletion is soft."""

import pytest

from tests.factories import MeetingFactory, OutcomeFactory

pytestmark = pytest.mark.django_db


def test_it_restores_an_earlier_version_and_records_the_restore(client, editor):
    meeting = MeetingFactory(venue_city="Istanbul")
    meeting.venue_city = "Geneva"
    meeting.save()
    first = meeting.history.order_by("history_date").first()
    client.force_login(editor)
    response = client.post(
        f"/history/talks.meeting/{meeting.pk}/restore/{first.history_id}/", {"edit_note": "Wrong city"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.venue_city == "Istanbul"
    latest = meeting.history.first()
    assert latest.history_change_reason == "Wrong city" and latest.history_user == editor
    assert meeting.history.count() == 3
    assert "Wrong city" in client.get(f"/history/talks.meeting/{meeting.pk}/").content.decode()


def test_restore_is_a_post(client, editor):
    meeting = MeetingFactory()
    client.force_login(editor)
    version = meeting.history.first()
    assert client.get(f"/history/talks.meeting/{meeting.pk}/restore/{version.history_id}/").status_code == 405


def test_a_version_of_another_record_is_not_found(client, editor):
    one, other = MeetingFactory(), MeetingFactory()
    client.force_login(editor)
    version = other.history.first()
    assert client.post(f"/history/talks.meeting/{one.pk}/restore/{version.history_id}/").status_code == 404


def test_deleting_a_published_record_hides_it_and_keeps_its_history(client, editor):
    outcome = OutcomeFactory(summary="Exchange agreed")
    client.force_login(editor)
    response = client.post(f"/edit/delete/talks.outcome/{outcome.pk}/", {"edit_note": "Duplicate"})
    assert response.status_code == 302
    outcome.refresh_from_db()
    assert outcome.deleted_at is not None
    assert outcome.history.first().history_change_reason == "Duplicate"
    client.logout()
    assert outcome.__class__.objects.visible_to(None).filter(pk=outcome.pk).count() == 0


def test_a_deleted_round_leaves_public_pages_and_can_be_restored(client, editor):
    meeting = MeetingFactory()
    client.force_login(editor)
    client.post(f"/edit/delete/talks.meeting/{meeting.pk}/")
    assert client.get(f"/rounds/{meeting.pk}/").status_code == 404
    before = meeting.history.order_by("-history_date")[1]
    client.post(f"/history/talks.meeting/{meeting.pk}/restore/{before.history_id}/")
    meeting.refresh_from_db()
    assert meeting.deleted_at is None
    assert client.get(f"/rounds/{meeting.pk}/").status_code == 200


def test_only_publishable_records_are_deleted_here(client, editor):
    client.force_login(editor)
    assert client.post("/edit/delete/talks.source/1/").status_code == 404
