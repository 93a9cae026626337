"""A track is one negotiation process with its participants in their roles."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from talks.models import Track, TrackParticipant
from tests.factories import StateFactory, TrackFactory

pytestmark = pytest.mark.django_db


def test_a_track_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        TrackFactory(started_on=datetime.date(2025, 5, 16), ended_on=datetime.date(2025, 5, 1))


def test_a_concluded_track_needs_its_end_date():
    track = TrackFactory.build(status=Track.Status.CONCLUDED, ended_on=None)
    with pytest.raises(ValidationError) as error:
        track.full_clean()
    assert "ended_on" in error.value.message_dict


def test_a_party_takes_each_role_once_per_track():
    track = TrackFactory()
    turkey = StateFactory()
    TrackParticipant.objects.create(track=track, party=turkey, role=TrackParticipant.Role.HOST)
    TrackParticipant.objects.create(track=track, party=turkey, role=TrackParticipant.Role.MEDIATOR)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrackParticipant.objects.create(track=track, party=turkey, role=TrackParticipant.Role.HOST)
    assert set(track.participants.values_list("role", flat=True)) == {"host", "mediator"}


def test_a_slug_names_one_track():
    TrackFactory(slug="istanbul-2025")
    with pytest.raises(IntegrityError), transaction.atomic():
        TrackFactory(slug="istanbul-2025")
