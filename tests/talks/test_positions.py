"""Demands and positions, followed round by round."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from talks.models import Demand, DemandEvent
from tests.factories import DemandFactory, MeetingFactory, StateFactory

pytestmark = pytest.mark.django_db


def test_a_position_is_followed_across_rounds():
    demand = DemandFactory()
    first = MeetingFactory(track=demand.track, sequence=1, date=datetime.date(2025, 5, 16))
    second = MeetingFactory(track=demand.track, sequence=2, date=datetime.date(2025, 6, 2))
    DemandEvent.objects.create(demand=demand, meeting=first, occurred_on=first.date, action="raised")
    DemandEvent.objects.create(
        demand=demand, meeting=second, occurred_on=second.date, action="modified", wording="Withdrawal from two oblasts"
    )
    assert [e.action for e in demand.events.all()] == ["raised", "modified"]
    assert demand.latest_event().wording == "Withdrawal from two oblasts"


def test_an_action_is_recorded_once_per_round():
    demand = DemandFactory()
    meeting = MeetingFactory(track=demand.track)
    DemandEvent.objects.create(demand=demand, meeting=meeting, occurred_on=meeting.date, action="raised")
    with pytest.raises(IntegrityError), transaction.atomic():
        DemandEvent.objects.create(demand=demand, meeting=meeting, occurred_on=meeting.date, action="raised")


def test_an_event_belongs_to_a_round_of_the_demands_track():
    demand = DemandFactory()
    elsewhere = MeetingFactory()
    event = DemandEvent(demand=demand, meeting=elsewhere, occurred_on=elsewhere.date, action="raised")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "meeting" in error.value.message_dict


def test_a_modified_position_needs_its_new_wording():
    demand = DemandFactory()
    event = DemandEvent(demand=demand, occurred_on=datetime.date(2025, 6, 2), action="modified")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "wording" in error.value.message_dict


def test_a_precondition_says_what_it_is_a_condition_for():
    demand = DemandFactory.build(
        track=DemandFactory().track, made_by=StateFactory(), addressed_to=StateFactory(), kind=Demand.Kind.PRECONDITION
    )
    with pytest.raises(ValidationError) as error:
        demand.full_clean()
    assert "condition_for" in error.value.message_dict


def test_a_party_makes_no_demand_of_itself():
    russia = StateFactory()
    demand = DemandFactory.build(track=DemandFactory().track, made_by=russia, addressed_to=russia)
    with pytest.raises(ValidationError) as error:
        demand.full_clean()
    assert "addressed_to" in error.value.message_dict


def test_the_category_comes_from_the_shared_taxonomy():
    demand = DemandFactory.build(
        track=DemandFactory().track, made_by=StateFactory(), addressed_to=StateFactory(), category="astrology"
    )
    with pytest.raises(ValidationError) as error:
        demand.full_clean()
    assert "category" in error.value.message_dict
