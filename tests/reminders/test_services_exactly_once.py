"""Exactly once on real services: PostgreSQL, Redis, two Celery workers each with its own beat (two dispatchers
ticking every second) and an SMTP server on loopback counting what arrives."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import Reminder
from tests.reminders.live import Worker, running, service_env, wait_for
from tests.reminders.seed import due_reminders

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
State = Reminder.State


def sent_count() -> int:
    return Reminder.objects.filter(state=State.SENT).count()


def fall_due_over(ids: list[int], seconds: int) -> None:
    """Spread the rows' due times over the next seconds, 20 ms apart, so every tick of both dispatchers finds some
    whatever the two beats' phases."""
    now = timezone.now()
    steps = seconds * 50
    for step in range(steps):
        when = now + datetime.timedelta(milliseconds=20 * step)
        Reminder.objects.filter(pk__in=ids[step::steps]).update(due_at=when, next_attempt_at=when)


def claimed_by_ticks(log: str) -> list[int]:
    return [int(n) for n in re.findall(r"dispatch_reminders\[[^\]]+\] succeeded in [\d.]+s: (\d+)", log)]


def test_two_workers_and_two_dispatchers_send_each_of_many_reminders_once(
    smtp, test_database_url, queue_name, tmp_path
):
    ids = due_reminders(300)
    Reminder.objects.filter(pk__in=ids).update(next_attempt_at=timezone.now() + datetime.timedelta(days=1))
    # Small batches, so two dispatchers ticking at once take turns at the due rows rather than one taking them all.
    env = service_env(
        database_url=test_database_url,
        redis_url=settings.REDIS_URL,
        smtp_port=smtp.port,
        queue=queue_name,
        REMINDER_DISPATCH_BATCH=10,
    )
    workers = [Worker(f"w{n}", env, tmp_path, beat=True, concurrency=2) for n in (1, 2)]

    with running(*workers):
        fall_due_over(ids, seconds=4)
        wait_for(lambda: sent_count() == len(ids), timeout=60, what="all reminders to be recorded as sent")
        wait_for(lambda: len(smtp.messages) >= len(ids), timeout=10, what="all messages at the SMTP server")

    deliveries = smtp.deliveries()
    assert len(deliveries) == len(ids) and set(deliveries.values()) == {1}, "each reminder arrived exactly once"
    assert set(Reminder.objects.filter(pk__in=ids).values_list("attempts", flat=True)) == {1}
    logs = [w.log.read_text() for w in workers]
    assert all(re.search(r"send_reminder\[.*\] succeeded", log) for log in logs), "both workers sent"
    assert all(sum(claimed_by_ticks(log)) > 0 for log in logs), "both dispatchers claimed rows"
    assert sum(sum(claimed_by_ticks(log)) for log in logs) == len(ids), "no row was claimed twice by the ticks"
