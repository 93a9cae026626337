"""Reminders follow the record: scheduling, rescheduling, calling off and publishing a round replan its rows."""

import datetime

import pytest
import time_machine

from accounts.models import Reminder, Subscription
from accounts.reminders.planning import SHORT_LEAD, subscription_replan
from tests.factories import MeetingFactory, TrackFactory
from tests.reminders.conftest import NOW, at, schedule_round

pytestmark = pytest.mark.django_db
State = Reminder.State
HOUR = datetime.timedelta(hours=1)


def reminders(meeting, **filters):
    return Reminder.objects.filter(meeting=meeting, kind=Reminder.Kind.REMINDER, **filters)


def due_times(meeting, state=State.PENDING):
    return sorted(r.due_at for r in reminders(meeting, state=state))


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_it_plans_one_reminder_per_lead_time_when_a_round_is_scheduled(subscription, track):
    meeting = schedule_round(track, at(2025, 5, 16, 9, 30))

    assert due_times(meeting) == [at(2025, 5, 15, 9, 30), at(2025, 5, 16, 8, 30)]
    assert {r.user for r in reminders(meeting)} == {subscription.user}


def test_it_replans_when_a_round_is_rescheduled(subscription, track):
    meeting = schedule_round(track, at(2025, 5, 16, 9, 30))

    meeting.scheduled_start = at(2025, 5, 17, 12, 0)
    meeting.save()

    assert due_times(meeting) == [at(2025, 5, 16, 12, 0), at(2025, 5, 17, 11, 0)]
    dropped = reminders(meeting, state=State.SKIPPED)
    assert [r.skip_reason for r in dropped] == ["round rescheduled"] * 2
    assert {r.round_start for r in dropped} == {at(2025, 5, 16, 9, 30)}


def test_it_brings_back_the_reminders_when_a_reschedule_is_undone(subscription, track):
    meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
    meeting.scheduled_start = at(2025, 5, 17, 12, 0)
    meeting.save()

    meeting.scheduled_start = at(2025, 5, 16, 9, 30)
    meeting.save()

    assert due_times(meeting) == [at(2025, 5, 15, 9, 30), at(2025, 5, 16, 8, 30)]
    assert reminders(meeting).count() == 4, "each planned reminder is one row, kept with its fate"


def test_it_skips_a_reminder_with_more_lead_time_than_the_notice_given(subscription, track):
    meeting = schedule_round(track, NOW + 3 * HOUR)

    assert due_times(meeting) == [NOW + 2 * HOUR]
    skipped = reminders(meeting, state=State.SKIPPED).get()
    assert skipped.lead == datetime.timedelta(hours=24) and skipped.skip_reason == SHORT_LEAD


def test_it_tells_those_already_reminded_when_a_round_is_cancelled_and_reminds_no_more(
    subscription, track, clock, django_user_model
):
    late = Subscription.objects.create(user=django_user_model.objects.create_user("late", email="l@example.org"))
    meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
    reminders(meeting, subscription=subscription, lead=datetime.timedelta(hours=24)).update(state=State.SENT)

    meeting.status = "cancelled"
    meeting.save()

    notice = Reminder.objects.get(meeting=meeting, kind=Reminder.Kind.CANCELLED)
    assert notice.subscription == subscription and notice.due_at == NOW
    assert not Reminder.objects.filter(subscription=late, kind=Reminder.Kind.CANCELLED).exists()
    assert not reminders(meeting, state=State.PENDING).exists()
    assert set(reminders(meeting, state=State.SKIPPED).values_list("skip_reason", flat=True)) == {
        "round no longer scheduled (cancelled)"
    }
    meeting.save()
    assert Reminder.objects.filter(kind=Reminder.Kind.CANCELLED).count() == 1, "a second save sends no second notice"


def test_it_tells_those_already_reminded_when_a_round_is_postponed(subscription, track):
    meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
    reminders(meeting).update(state=State.SENT)

    meeting.status = "postponed"
    meeting.save()

    assert Reminder.objects.filter(meeting=meeting, kind=Reminder.Kind.POSTPONED).count() == 1


def test_it_keeps_drafts_to_editors_and_drops_reminders_when_a_round_leaves_the_public_record(subscription, track):
    draft = schedule_round(track, at(2025, 5, 16, 9, 30), publication="draft")
    assert not reminders(draft).exists()

    draft.publish()
    assert reminders(draft, state=State.PENDING).count() == 2

    draft.soft_delete()
    assert set(reminders(draft).values_list("skip_reason", flat=True)) == {"round withdrawn from the public record"}


def test_it_reminds_subscribers_of_the_track_and_of_all_tracks_only(subscription, track, django_user_model):
    everything = Subscription.objects.create(user=django_user_model.objects.create_user("all", email="a@example.org"))
    elsewhere = Subscription.objects.create(
        user=django_user_model.objects.create_user("other", email="o@example.org"), track=TrackFactory()
    )

    meeting = schedule_round(track, at(2025, 5, 16, 9, 30))

    assert set(reminders(meeting).values_list("subscription", flat=True)) == {subscription.pk, everything.pk}
    assert not elsewhere.reminders.exists()


def test_it_plans_upcoming_rounds_for_a_new_subscription_and_drops_them_on_unsubscribing(subscriber, track):
    meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
    MeetingFactory(track=track)  # held long ago: nothing to remind

    subscription = Subscription.objects.create(user=subscriber, track=track, lead_minutes=[120])
    subscription_replan(subscription=subscription)
    assert due_times(meeting) == [at(2025, 5, 16, 7, 30)]

    subscription.lead_minutes = [30]
    subscription.save()
    subscription_replan(subscription=subscription)
    assert due_times(meeting) == [at(2025, 5, 16, 9, 0)]

    subscription.unsubscribe()
    subscription_replan(subscription=subscription)
    assert not reminders(meeting, state=State.PENDING).exists()
    assert reminders(meeting, skip_reason="unsubscribed").count() == 1


def test_it_plans_no_reminder_for_a_round_without_a_start_time(subscription, track):
    meeting = MeetingFactory(track=track, status="scheduled", date=datetime.date(2025, 5, 16))

    assert not reminders(meeting).exists()
