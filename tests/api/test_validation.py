"""Writes are checked exactly as the admin checks them (the model's full_clean), and errors name each field."""

import pytest

from talks.models import Meeting
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_it_names_the_field_the_model_refuses(editor_api):
    track = f.TrackFactory()
    response = editor_api.post("/api/v1/meetings/", {"track": track.pk, "sequence": 1, "status": "held"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"date": ["A round that took place needs at least its date."]}
    assert not Meeting.objects.exists()


def test_it_names_every_wrong_field_at_once(editor_api):
    response = editor_api.post(
        "/api/v1/meetings/",
        {"track": 999999, "sequence": "first", "venue_timezone": "Mars/Olympus", "status": "adjourned"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"track", "sequence", "venue_timezone", "status"}


def test_it_checks_rules_across_fields(editor_api):
    russia = f.StateFactory()
    response = editor_api.post(
        "/api/v1/demands/",
        {
            "track": f.TrackFactory().pk,
            "made_by": russia.pk,
            "addressed_to": russia.pk,
            "summary": "s",
            "category": "legal",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"addressed_to": ["A party does not make a demand of itself."]}


def test_it_checks_a_change_against_the_row_as_it_would_be(editor_api):
    area = f.AreaFactory(country_code="UA", iso_code="UA-14")
    response = editor_api.patch(f"/api/v1/areas/{area.pk}/", {"country_code": "RU"}, format="json")
    assert response.status_code == 400
    assert "iso_code" in response.json()
    area.refresh_from_db()
    assert area.country_code == "UA"


def test_it_checks_uniqueness_and_database_constraints(editor_api):
    meeting = f.MeetingFactory()
    response = editor_api.post(
        "/api/v1/meetings/", {"track": meeting.track_id, "sequence": meeting.sequence}, format="json"
    )
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_a_wrong_type_is_a_400_naming_the_field(editor_api):
    response = editor_api.post("/api/v1/sources/", {"outlet": ["AP"], "published_at": "yesterday"}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"outlet", "published_at"}


def test_publishing_sets_the_publication_time(editor_api):
    track = f.TrackFactory()
    response = editor_api.post(
        "/api/v1/meetings/",
        {"track": track.pk, "sequence": 3, "date": "2025-06-02", "publication": "published"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["published_at"]


def test_a_published_record_is_deleted_softly_and_stays_in_history(editor_api):
    meeting = f.MeetingFactory(status="held")
    assert editor_api.delete(f"/api/v1/meetings/{meeting.pk}/").status_code == 204
    meeting.refresh_from_db()
    assert meeting.deleted_at is not None
    assert editor_api.get(f"/api/v1/meetings/{meeting.pk}/").status_code == 404


def test_a_cancelled_round_cannot_be_deleted(editor_api):
    meeting = f.MeetingFactory(status="cancelled")
    response = editor_api.delete(f"/api/v1/meetings/{meeting.pk}/")
    assert response.status_code == 409
    assert "stays on the record" in response.json()["detail"]


def test_a_record_others_refer_to_cannot_be_deleted(editor_api):
    party = f.DelegationFactory().party
    response = editor_api.delete(f"/api/v1/parties/{party.pk}/")
    assert response.status_code == 409
    assert "delegations" in response.json()["detail"]
