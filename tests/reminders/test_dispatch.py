"""The dispatcher claims due rows and hands them to send tasks after commit; it catches up after an outage."""

import datetime

import pytest
import time_machine

from accounts.models import Reminder
from accounts.reminders.dispatch import claim_due, dispatch_due
from accounts.reminders.planning import RESCHEDULED
from accounts.reminders.rules import ROUND_STARTED
from tests.reminders.conftest import NOW, at, schedule_round

pytestmark = pytest.mark.django_db(transaction=False)
State = Reminder.State
MINUTE = datetime.timedelta(minutes=1)


class Enqueued(list):
    def __call__(self, ids):
        self.extend(ids)


def tick(when, django_capture_on_commit_callbacks) -> Enqueued:
    enqueued = Enqueued()
    with time_machine.travel(when, tick=False), django_capture_on_commit_callbacks(execute=True):
        dispatch_due(enqueue=enqueued)
    return enqueued


@pytest.fixture
def meeting(subscription, track):
    with time_machine.travel(NOW, tick=False):
        return schedule_round(track, at(2025, 5, 16, 9, 30))


def test_it_queues_a_row_when_it_falls_due_and_not_before(meeting, django_capture_on_commit_callbacks):
    day_before = Reminder.objects.get(meeting=meeting, lead=datetime.timedelta(hours=24))

    assert tick(day_before.due_at - MINUTE, django_capture_on_commit_callbacks) == []
    assert tick(day_before.due_at, django_capture_on_commit_callbacks) == [day_before.pk]

    day_before.refresh_from_db()
    assert day_before.state == State.QUEUED
    assert tick(day_before.due_at + MINUTE, django_capture_on_commit_callbacks) == [], "a queued row is claimed once"


def test_it_enqueues_only_after_the_claim_commits(meeting, django_capture_on_commit_callbacks):
    enqueued = Enqueued()
    with time_machine.travel(at(2025, 5, 15, 9, 30), tick=False):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            dispatch_due(enqueue=enqueued)
        assert enqueued == [] and len(callbacks) == 1
        callbacks[0]()
    assert len(enqueued) == 1


def test_it_sends_what_fell_due_during_an_outage_while_the_round_is_still_ahead(
    meeting, django_capture_on_commit_callbacks
):
    # Delivery was down from the day before until an hour and a half before the round.
    enqueued = tick(at(2025, 5, 16, 8, 0), django_capture_on_commit_callbacks)

    assert len(enqueued) == 1, "the 24 h reminder goes out late, once; the 1 h one is not due yet"


def test_it_drops_what_fell_due_during_an_outage_once_the_round_has_started(
    meeting, django_capture_on_commit_callbacks
):
    enqueued = tick(at(2025, 5, 16, 9, 31), django_capture_on_commit_callbacks)

    assert enqueued == []
    rows = Reminder.objects.filter(meeting=meeting)
    assert {(r.state, r.skip_reason) for r in rows} == {(State.SKIPPED, ROUND_STARTED)}


def test_it_queues_again_a_row_whose_task_the_broker_lost(meeting, settings, django_capture_on_commit_callbacks):
    first = tick(at(2025, 5, 15, 9, 30), django_capture_on_commit_callbacks)
    lease = datetime.timedelta(seconds=settings.REMINDER_QUEUE_LEASE)

    assert tick(at(2025, 5, 15, 9, 30) + lease - MINUTE, django_capture_on_commit_callbacks) == []
    assert tick(at(2025, 5, 15, 9, 30) + lease, django_capture_on_commit_callbacks) == first


def test_it_queues_again_a_row_whose_worker_died_mid_send(meeting, settings, django_capture_on_commit_callbacks):
    row = Reminder.objects.get(meeting=meeting, lead=datetime.timedelta(hours=24))
    lease_end = at(2025, 5, 15, 9, 40)
    Reminder.objects.filter(pk=row.pk).update(
        state=State.SENDING, claimed_by="dead-task", attempts=1, next_attempt_at=lease_end
    )

    assert tick(lease_end, django_capture_on_commit_callbacks) == [row.pk]
    row.refresh_from_db()
    assert row.state == State.QUEUED and row.claimed_by == ""


def test_it_gives_up_after_the_last_attempt(meeting, settings, django_capture_on_commit_callbacks):
    row = Reminder.objects.get(meeting=meeting, lead=datetime.timedelta(hours=24))
    Reminder.objects.filter(pk=row.pk).update(
        state=State.PENDING, attempts=settings.REMINDER_MAX_ATTEMPTS, last_error="SMTPServerDisconnected: gone"
    )

    assert tick(row.due_at, django_capture_on_commit_callbacks) == []
    row.refresh_from_db()
    assert row.state == State.FAILED
    assert row.last_error == f"gave up after {settings.REMINDER_MAX_ATTEMPTS} attempts: SMTPServerDisconnected: gone"


def test_a_tick_costs_the_same_queries_for_one_due_row_or_two_hundred(
    subscriber, track, django_assert_max_num_queries, django_capture_on_commit_callbacks, django_user_model
):
    from accounts.models import Subscription

    with time_machine.travel(NOW, tick=False):
        for n in range(40):
            user = django_user_model.objects.create_user(f"reader{n}", email=f"r{n}@example.org")
            Subscription.objects.create(user=user, track=track, lead_minutes=[60, 120, 180, 240, 300])
        schedule_round(track, at(2025, 5, 16, 9, 30))
    assert Reminder.objects.count() == 200

    with django_assert_max_num_queries(14):
        enqueued = tick(at(2025, 5, 16, 9, 0), django_capture_on_commit_callbacks)
    assert len(enqueued) == 200


@pytest.mark.parametrize("due", [10, 500])  # 500: a full batch at the default REMINDER_DISPATCH_BATCH
def test_a_batch_costs_the_same_queries_for_ten_due_rows_or_a_full_batch(
    due, meeting, subscription, settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # A third of the rows are skipped, a third have used up their attempts: a statement per verdict, none per row
    # (a field the drop rule reads but the claim query left out would cost one query per row).
    Reminder.objects.bulk_create(
        Reminder(
            key=f"test:{n}",
            kind=Reminder.Kind.REMINDER,
            user=subscription.user,
            subscription=subscription,
            meeting=meeting,
            round_start=meeting.scheduled_start - MINUTE * (n % 3 == 0),
            due_at=NOW,
            next_attempt_at=NOW,
            attempts=settings.REMINDER_MAX_ATTEMPTS * (n % 3 == 1),
        )
        for n in range(due)
    )
    enqueued = Enqueued()

    with django_assert_max_num_queries(6), django_capture_on_commit_callbacks(execute=True):
        queued, found = claim_due(enqueue=enqueued, now=NOW)

    assert found == due and queued == len(enqueued) == due // 3
    outcomes = Reminder.objects.filter(key__startswith="test:").values_list("state", "skip_reason")
    assert sorted(set(outcomes)) == [(State.FAILED, ""), (State.QUEUED, ""), (State.SKIPPED, RESCHEDULED)]
