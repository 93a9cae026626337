"""Celery tasks: thin wrappers that take ids and call the reminder services (accounts.reminders)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from accounts.reminders.delivery import reminder_deliver
from accounts.reminders.dispatch import dispatch_due


def enqueue_sends(reminder_ids: list[int]) -> None:
    for reminder_id in reminder_ids:
        send_reminder.delay(reminder_id)


@shared_task(ignore_result=True)
def dispatch_reminders() -> int:
    """Run by beat every minute (settings.CELERY_BEAT_SCHEDULE); safe to run on several machines at once."""
    return dispatch_due(enqueue=enqueue_sends)


# A database that is away (restarting, failing over) leaves the row as it was: try again in a few seconds rather
# than wait for the row's queue lease to run out. Short countdowns only; nothing is parked in the broker for long.
@shared_task(
    bind=True,
    ignore_result=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=1,
    retry_backoff_max=30,
    retry_jitter=True,
    max_retries=8,
)
def send_reminder(self, reminder_id: int) -> str:
    # The task id is the claim: a message redelivered after its worker died carries the same id and may take
    # its own row back; any other copy of the task finds the row taken.
    return reminder_deliver(reminder_id=reminder_id, claim=self.request.id or f"local-{reminder_id}")
