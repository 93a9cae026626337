"""A worker SIGKILLed in the middle of a send: the reminder still arrives, once where the crash came before the
message reached the server or after the send was recorded. The window between the server taking the message and
the record is shown honestly: the copy sent again carries the same delivery id, for the receiver to drop."""

import pytest
from celery import Celery
from django.conf import settings

from accounts.models import Reminder
from tests.reminders.live import ThrowawayRedis, Worker, running, service_env, wait_for
from tests.reminders.seed import due_reminders

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
State = Reminder.State


def enqueue(broker_url: str, queue: str, ids: list[int]) -> None:
    """What the dispatcher does, from the test: queue the rows and publish one send task each."""
    Reminder.objects.filter(pk__in=ids).update(state=State.QUEUED)
    with Celery(broker=broker_url) as app:
        for reminder_id in ids:
            app.send_task("accounts.tasks.send_reminder", args=[reminder_id], queue=queue)


def row(reminder_id: int) -> Reminder:
    return Reminder.objects.get(pk=reminder_id)


@pytest.fixture
def env(smtp, test_database_url, queue_name, tmp_path):
    return service_env(
        database_url=test_database_url,
        redis_url=settings.REDIS_URL,
        smtp_port=smtp.port,
        queue=queue_name,
        RT_TASK_RUNS=tmp_path / "runs",
    )


def worker(env, tmp_path, name="w1", **options) -> Worker:
    return Worker(name, env, tmp_path, concurrency=1, include=["tests.reminders.worker_hooks"], **options)


def test_a_worker_killed_before_the_message_left_sends_it_once_when_the_task_comes_back(smtp, env, tmp_path):
    (reminder_id,) = due_reminders(1)
    smtp.hold("rcpt")
    with running(worker(env, tmp_path)) as (w,):
        enqueue(settings.REDIS_URL, env["CELERY_QUEUE"], [reminder_id])
        wait_for(smtp.holding.is_set, timeout=20, what="the worker to be mid-send")
        assert row(reminder_id).state == State.SENDING

        w.kill_child()
        smtp.release()
        wait_for(lambda: row(reminder_id).state == State.SENT, timeout=30, what="the redelivered task to send")

    assert smtp.deliveries() == {row(reminder_id).delivery_id: 1}
    assert row(reminder_id).attempts == 2
    runs = (tmp_path / "runs").read_text().split()
    assert len(runs) == 2 and runs[0] == runs[1], "the same task came back after its worker died"


def test_a_worker_killed_after_the_send_was_recorded_does_not_send_again(smtp, env, tmp_path):
    env = {**env, "RT_STALL_AFTER_SENT": str(tmp_path / "stalled")}
    (reminder_id,) = due_reminders(1)
    with running(worker(env, tmp_path)) as (w,):
        enqueue(settings.REDIS_URL, env["CELERY_QUEUE"], [reminder_id])
        wait_for((tmp_path / "stalled").exists, timeout=20, what="the worker to stall after recording the send")
        assert row(reminder_id).state == State.SENT

        w.kill_child()
        wait_for(lambda: len((tmp_path / "runs").read_text().split()) == 2, timeout=30, what="the task to come back")
        wait_for(lambda: b"succeeded" in w.log.read_bytes(), timeout=10, what="the redelivered task to finish")

    assert len(smtp.messages) == 1
    assert row(reminder_id).attempts == 1, "the redelivered task found the row sent and left it"


def test_a_whole_worker_killed_mid_send_is_covered_by_another_once_the_lease_runs_out(
    smtp, env, tmp_path, test_database_url
):
    # Killing the parent too means nothing is redelivered soon (the broker waits its visibility timeout, an hour):
    # the row's send lease runs out instead and a dispatcher queues it again for another worker. A broker of the
    # test's own keeps the unacknowledged message out of the shared Redis.
    redis = ThrowawayRedis(tmp_path).start()
    env = {**env, "REDIS_URL": redis.url, "REMINDER_SEND_LEASE": "3"}
    (reminder_id,) = due_reminders(1)
    smtp.hold("rcpt")
    try:
        with running(worker(env, tmp_path, name="doomed")) as (doomed,):
            enqueue(redis.url, env["CELERY_QUEUE"], [reminder_id])
            wait_for(smtp.holding.is_set, timeout=20, what="the worker to be mid-send")
            doomed.kill()
        smtp.release()
        with running(worker(env, tmp_path, name="rescuer", beat=True)):
            wait_for(lambda: row(reminder_id).state == State.SENT, timeout=30, what="the rescuer to send")
    finally:
        redis.kill()

    assert smtp.deliveries() == {row(reminder_id).delivery_id: 1}
    assert row(reminder_id).attempts == 2


def test_a_worker_killed_between_the_servers_ok_and_the_record_sends_a_copy_with_the_same_id(smtp, env, tmp_path):
    # The one window left: the server has the message, the worker dies before it hears so. Sending again beats
    # never sending; Message-ID and X-Roundtable-Delivery are the same on both copies so receivers can tell.
    (reminder_id,) = due_reminders(1)
    smtp.hold("data")
    with running(worker(env, tmp_path)) as (w,):
        enqueue(settings.REDIS_URL, env["CELERY_QUEUE"], [reminder_id])
        wait_for(smtp.holding.is_set, timeout=20, what="the server to hold its reply")
        w.kill_child()
        smtp.release()
        wait_for(lambda: row(reminder_id).state == State.SENT, timeout=30, what="the redelivered task to send")

    first, second = smtp.messages
    assert first["Message-ID"] == second["Message-ID"]
    assert first["X-Roundtable-Delivery"] == second["X-Roundtable-Delivery"] == row(reminder_id).delivery_id
