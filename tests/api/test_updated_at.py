"""`updated_at` moves on a real change only; a change to a part of a record moves the record's too."""

import datetime

import pytest
import time_machine

from talks.models import Meeting
from tests import factories as f
from tests.api import factories as parts

pytestmark = pytest.mark.django_db

BEFORE = datetime.datetime(2025, 5, 16, 12, 0, tzinfo=datetime.UTC)
AFTER = datetime.datetime(2025, 5, 17, 12, 0, tzinfo=datetime.UTC)


def test_a_save_that_changes_nothing_writes_nothing():
    with time_machine.travel(BEFORE, tick=False):
        meeting = f.MeetingFactory()
    meeting = Meeting.objects.get(pk=meeting.pk)
    versions = meeting.history.count()
    with time_machine.travel(AFTER, tick=False):
        meeting.save()
    meeting.refresh_from_db()
    assert meeting.updated_at == BEFORE
    assert meeting.history.count() == versions


def test_a_real_change_moves_it():
    with time_machine.travel(BEFORE, tick=False):
        meeting = f.MeetingFactory()
    meeting = Meeting.objects.get(pk=meeting.pk)
    with time_machine.travel(AFTER, tick=False):
        meeting.title = "Renamed"
        meeting.save()
    meeting.refresh_from_db()
    assert meeting.updated_at == AFTER


def test_an_unchanged_put_through_the_api_keeps_it(editor_api):
    with time_machine.travel(BEFORE, tick=False):
        party = f.PartyFactory()
    body = editor_api.get(f"/api/v1/parties/{party.pk}/").json()
    with time_machine.travel(AFTER, tick=False):
        assert editor_api.put(f"/api/v1/parties/{party.pk}/", body, format="json").status_code == 200
    party.refresh_from_db()
    assert party.updated_at == BEFORE


@pytest.mark.parametrize(
    "make_part,parent_of",
    [
        (parts.SessionFactory, lambda p: p.meeting),
        (parts.AgendaItemFactory, lambda p: p.meeting),
        (f.DelegationFactory, lambda p: p.meeting),
        (parts.MemberFactory, lambda p: p.delegation.meeting),
        (parts.AbsenceFactory, lambda p: p.meeting),
        (parts.DemandEventFactory, lambda p: p.demand),
        (parts.ProgressFactory, lambda p: p.outcome),
        (parts.CitationFactory, lambda p: p.fact),
        (f.SwapQuotaFactory, lambda p: p.agreement),
        (f.SwapClaimFactory, lambda p: p.stage),
        (f.PersonRoleFactory, lambda p: p.person),
    ],
)
def test_a_change_to_a_part_moves_its_record(make_part, parent_of):
    with time_machine.travel(BEFORE, tick=False):
        part = make_part()
    parent = parent_of(part)
    type(parent).objects.filter(pk=parent.pk).update(updated_at=BEFORE)
    with time_machine.travel(AFTER, tick=False):
        part.delete()
    parent.refresh_from_db()
    assert parent.updated_at == AFTER


def test_a_new_link_moves_the_record():
    with time_machine.travel(BEFORE, tick=False):
        demand = f.DemandFactory()
    with time_machine.travel(AFTER, tick=False):
        demand.areas.add(f.AreaFactory())
    demand.refresh_from_db()
    assert demand.updated_at == AFTER
