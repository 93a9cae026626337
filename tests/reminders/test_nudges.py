"""Editor nudges: a round still "scheduled" well after its start, or a swap whose planned date passed with no
stage, nudges every editor once."""

import datetime

import pytest
import time_machine
from django.core import mail

from accounts.models import Reminder
from accounts.reminders.delivery import reminder_deliver
from accounts.reminders.dispatch import dispatch_due
from tests.factories import SwapAgreementFactory, SwapStageFactory
from tests.reminders.conftest import at, schedule_round

pytestmark = pytest.mark.django_db
Kind = Reminder.Kind
START = at(2025, 5, 16, 9, 30)


def tick(when) -> list[int]:
    enqueued: list[int] = []
    with time_machine.travel(when, tick=False):
        dispatch_due(enqueue=enqueued.extend)
    return enqueued


def nudges(kind=Kind.NUDGE_ROUND):
    return Reminder.objects.filter(kind=kind)


@pytest.fixture
def overdue_round(track, settings):
    settings.REMINDER_NUDGE_AFTER = 6 * 3600
    with time_machine.travel(at(2025, 5, 1), tick=False):
        return schedule_round(track, START)


def test_it_nudges_each_editor_once_when_a_round_is_still_scheduled_after_the_interval(
    overdue_round, cast, django_capture_on_commit_callbacks
):
    assert tick(START + datetime.timedelta(hours=5, minutes=59)) == []
    assert not nudges().exists()

    with django_capture_on_commit_callbacks(execute=True):
        queued = tick(START + datetime.timedelta(hours=6))
    assert {r.user.username for r in nudges()} == {"editor", "admin"}, "analysts are not nudged"
    assert sorted(queued) == sorted(nudges().values_list("pk", flat=True))

    tick(START + datetime.timedelta(hours=7))
    assert nudges().count() == 2, "once"


def test_the_nudge_names_the_round_and_links_to_it(overdue_round, cast, settings):
    tick(START + datetime.timedelta(hours=6))
    row = nudges().get(user=cast["editor"])
    Reminder.objects.filter(pk=row.pk).update(state=Reminder.State.QUEUED)

    with time_machine.travel(START + datetime.timedelta(hours=6, minutes=1), tick=False):
        assert reminder_deliver(reminder_id=row.pk, claim="t") == "sent"

    message = mail.outbox[0]
    assert message.to == ["editor@example.org"]
    assert message.subject == f"Not logged yet: {overdue_round}"
    assert f"{settings.SITE_URL}/rounds/{overdue_round.pk}/" in message.body
    assert "List-Unsubscribe" not in message.extra_headers and not message.attachments


def test_a_nudge_is_dropped_if_the_round_was_logged_before_it_went_out(overdue_round, cast):
    tick(START + datetime.timedelta(hours=6))
    overdue_round.status = "held"
    overdue_round.save()
    row = nudges().get(user=cast["editor"])
    Reminder.objects.filter(pk=row.pk).update(state=Reminder.State.QUEUED)

    with time_machine.travel(START + datetime.timedelta(hours=6, minutes=1), tick=False):
        assert reminder_deliver(reminder_id=row.pk, claim="t") == "skipped"
    assert mail.outbox == []


def test_a_rescheduled_round_overdue_again_nudges_again(overdue_round, cast):
    tick(START + datetime.timedelta(hours=6))
    overdue_round.scheduled_start = START + datetime.timedelta(days=1)
    overdue_round.save()

    tick(START + datetime.timedelta(days=1, hours=6))

    assert nudges().count() == 4


def test_it_nudges_editors_when_a_swaps_planned_date_passed_with_no_stage(cast, settings):
    settings.REMINDER_NUDGE_AFTER = 6 * 3600
    swap = SwapAgreementFactory(date_status="disclosed", planned_date=datetime.date(2025, 5, 23))
    on_time = SwapAgreementFactory(date_status="disclosed", planned_date=datetime.date(2025, 5, 23))
    SwapStageFactory(agreement=on_time)

    # The day is over at midnight in Istanbul (21:00 UTC), and nudges wait six hours more.
    tick(at(2025, 5, 24, 2, 59))
    assert not nudges(Kind.NUDGE_SWAP).exists()
    tick(at(2025, 5, 24, 3, 0))

    assert {(r.swap_agreement, r.user.username) for r in nudges(Kind.NUDGE_SWAP)} == {
        (swap, "editor"),
        (swap, "admin"),
    }
    row = nudges(Kind.NUDGE_SWAP).get(user=cast["editor"])
    Reminder.objects.filter(pk=row.pk).update(state=Reminder.State.QUEUED)
    with time_machine.travel(at(2025, 5, 24, 3, 1), tick=False):
        assert reminder_deliver(reminder_id=row.pk, claim="t") == "sent"
    assert mail.outbox[0].subject == f"No stage recorded: {swap}"
    assert "23 May 2025" in mail.outbox[0].body

    tick(at(2025, 5, 25))
    assert nudges(Kind.NUDGE_SWAP).count() == 2, "once"
