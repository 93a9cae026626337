"""A round: where, when as precisely as known, how it went, who came and who stayed away."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from talks.choices import DatePrecision, DateQualifier
from talks.models import Delegation, DelegationMember, Meeting, MeetingSession
from tests.factories import MeetingFactory, PersonFactory, PersonRoleFactory, StateFactory, TrackFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_it_numbers_rounds_once_per_track():
    first = MeetingFactory(sequence=1)
    MeetingFactory(track=TrackFactory(), sequence=1)  # another track may have its own round 1
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(track=first.track, sequence=1)


def test_it_counts_rounds_from_one():
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(sequence=0)


def test_the_database_refuses_an_end_before_the_start():
    start = datetime.datetime(2025, 5, 16, 10, tzinfo=UTC)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(started_at=start, ended_at=start - datetime.timedelta(minutes=1))


def test_validation_names_the_field_of_an_end_before_the_start():
    start = datetime.datetime(2025, 5, 16, 10, tzinfo=UTC)
    meeting = MeetingFactory.build(track=TrackFactory(), started_at=start, ended_at=start - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "ended_at" in error.value.message_dict


def test_a_venue_time_zone_must_be_a_real_one():
    meeting = MeetingFactory.build(track=TrackFactory(), venue_timezone="Mars/Olympus")
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "venue_timezone" in error.value.message_dict


def test_a_round_that_took_place_needs_its_date():
    meeting = MeetingFactory.build(track=TrackFactory(), date=None, status=Meeting.Status.HELD)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "date" in error.value.message_dict


def test_an_exact_time_needs_a_start():
    meeting = MeetingFactory.build(track=TrackFactory(), date_precision=DatePrecision.EXACT)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "date_precision" in error.value.message_dict


def test_an_undisclosed_date_is_never_exact():
    meeting = MeetingFactory.build(
        track=TrackFactory(),
        date_precision=DatePrecision.EXACT,
        date_qualifier=DateQualifier.UNDISCLOSED,
        scheduled_start=datetime.datetime(2025, 6, 1, 9, tzinfo=UTC),
        status=Meeting.Status.SCHEDULED,
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "date_qualifier" in error.value.message_dict


def test_the_venue_day_follows_an_exact_start_in_the_venue_zone():
    # 22:30 UTC on 1 June is already 2 June in Istanbul (UTC+3).
    meeting = MeetingFactory(
        date=None,
        date_precision=DatePrecision.EXACT,
        status=Meeting.Status.SCHEDULED,
        scheduled_start=datetime.datetime(2025, 6, 1, 22, 30, tzinfo=UTC),
    )
    assert meeting.date == datetime.date(2025, 6, 2)


def test_a_cancelled_round_is_never_deleted():
    meeting = MeetingFactory(status=Meeting.Status.CANCELLED)
    with pytest.raises(ValidationError):
        meeting.delete()
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_round_can_follow_one_of_another_track():
    earlier = MeetingFactory(date=datetime.date(2022, 3, 29))
    later = MeetingFactory(track=TrackFactory(), follows=earlier)
    assert later.follows == earlier
    assert list(earlier.followed_by.all()) == [later]


def test_sessions_record_a_pause_and_a_possible_resumption():
    meeting = MeetingFactory(status=Meeting.Status.PAUSED)
    MeetingSession.objects.create(meeting=meeting, sequence=1, status=MeetingSession.Status.HELD)
    MeetingSession.objects.create(meeting=meeting, sequence=2, status=MeetingSession.Status.POSSIBLE)
    assert [s.status for s in meeting.sessions.all()] == ["held", "possible"]
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingSession.objects.create(meeting=meeting, sequence=2)


def test_a_session_cannot_end_before_it_starts():
    start = datetime.datetime(2025, 5, 16, 10, tzinfo=UTC)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingSession.objects.create(
            meeting=MeetingFactory(), sequence=1, started_at=start, ended_at=start - datetime.timedelta(seconds=1)
        )


def test_one_delegation_per_party_and_one_head_per_delegation():
    meeting = MeetingFactory()
    party = StateFactory()
    delegation = Delegation.objects.create(meeting=meeting, party=party)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(meeting=meeting, party=party)
    DelegationMember.objects.create(delegation=delegation, person=PersonFactory(), is_head=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationMember.objects.create(delegation=delegation, person=PersonFactory(), is_head=True)
    DelegationMember.objects.create(delegation=delegation, person=PersonFactory(), is_head=False)
    assert delegation.members.count() == 2


def test_a_member_shows_the_title_held_at_that_round():
    person = PersonFactory(name="Rustem Umerov")
    PersonRoleFactory(
        person=person,
        title="Minister of Defence",
        started_on=datetime.date(2023, 9, 6),
        ended_on=datetime.date(2025, 7, 17),
    )
    PersonRoleFactory(person=person, title="NSDC Secretary", started_on=datetime.date(2025, 7, 17))
    may = Delegation.objects.create(meeting=MeetingFactory(date=datetime.date(2025, 5, 16)), party=StateFactory())
    july = Delegation.objects.create(meeting=MeetingFactory(date=datetime.date(2025, 7, 23)), party=StateFactory())
    seat_in_may = DelegationMember.objects.create(delegation=may, person=person, is_head=True)
    seat_in_july = DelegationMember.objects.create(delegation=july, person=person, is_head=True)
    assert seat_in_may.title_then() == "Minister of Defence"
    assert seat_in_july.title_then() == "NSDC Secretary"


def test_upcoming_lists_scheduled_rounds_in_start_order():
    now = datetime.datetime(2025, 6, 1, tzinfo=UTC)
    later = MeetingFactory(status=Meeting.Status.SCHEDULED, scheduled_start=now + datetime.timedelta(days=2))
    sooner = MeetingFactory(status=Meeting.Status.SCHEDULED, scheduled_start=now + datetime.timedelta(days=1))
    MeetingFactory(status=Meeting.Status.SCHEDULED, scheduled_start=now - datetime.timedelta(days=1))
    MeetingFactory(status=Meeting.Status.CANCELLED, scheduled_start=now + datetime.timedelta(days=1))
    assert list(Meeting.objects.upcoming(now)) == [sooner, later]
