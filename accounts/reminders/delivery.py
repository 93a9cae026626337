"""Deliver one row: claim it, check it is still owed, send it, record what happened.

The state machine, and what a crash at each step does (the task is acknowledged late, so a worker killed mid-task
has its message delivered again under the same task id, the `claim`):
- queued -> sending: a conditional UPDATE that only one task wins. A duplicate task (enqueued twice by two ticks,
  or again after a lease ran out) finds the row taken and does nothing.
- crash after the claim, before the message reaches the server: the redelivered task holds the same claim, so it
  takes the row again and sends; if the whole worker died and nothing is redelivered, the dispatcher queues the
  row again once the send lease runs out. Sent once.
- crash after the server accepted the message, before `sent` is recorded: the one window left. The row is sent
  again (at least once beats never), with the same Message-ID / X-Roundtable-Delivery so receivers can drop the
  copy. The window is one network round trip plus one UPDATE; recording is retried through a database outage so
  a restart of PostgreSQL does not widen it.
- crash after `sent` is recorded: the redelivered task finds the row sent and does nothing. Sent once.
"""

import datetime
import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.db.models import F, Q
from django.dispatch import Signal
from django.utils import timezone

from accounts.models import Reminder, Subscription
from accounts.reminders import emails, webhooks
from accounts.reminders.rules import send_time_drop_reason

log = logging.getLogger(__name__)
State = Reminder.State

# Sent in the worker right after a row is recorded as sent (observability hooks, and the crash tests).
reminder_delivered = Signal()

MAX_BACKOFF = datetime.timedelta(hours=6)


def reminder_deliver(*, reminder_id: int, claim: str) -> str:
    """Deliver the row if this claim wins it; returns what happened (sent, skipped, retry, failed, not claimed)."""
    now = timezone.now()
    if not _claim(reminder_id, claim, now):
        return _give_up_if_exhausted(reminder_id, claim, now)
    reminder = Reminder.objects.select_related("user", "subscription", "meeting__track", "swap_agreement__meeting").get(
        pk=reminder_id
    )
    reason = send_time_drop_reason(reminder, now)
    if reason:
        _finish(reminder, claim, state=State.SKIPPED, skip_reason=reason)
        return "skipped"
    try:
        _send(reminder)
    except Exception as error:  # SMTP, socket, HTTP, or a bug in rendering: all recorded on the row
        log.warning("reminder %s: attempt %s failed: %s", reminder.pk, reminder.attempts, error)
        return _record_failure(reminder, claim, error)
    _record_sent(reminder, claim)
    reminder_delivered.send(sender=Reminder, reminder=reminder)
    return "sent"


def _send(reminder: Reminder) -> None:
    if reminder.subscription_id and reminder.subscription.channel == Subscription.Channel.WEBHOOK:
        webhooks.post(reminder)
    else:
        emails.send(reminder)


def _claim(reminder_id: int, claim: str, now) -> bool:
    lease = now + datetime.timedelta(seconds=settings.REMINDER_SEND_LEASE)
    return (
        Reminder.objects.filter(
            Q(state=State.QUEUED) | Q(state=State.SENDING, claimed_by=claim),
            pk=reminder_id,
            attempts__lt=settings.REMINDER_MAX_ATTEMPTS,
        ).update(
            state=State.SENDING, claimed_by=claim, attempts=F("attempts") + 1, next_attempt_at=lease, updated_at=now
        )
        == 1
    )


def _give_up_if_exhausted(reminder_id: int, claim: str, now) -> str:
    """A row whose every attempt killed its worker would be redelivered forever: stop it here."""
    stopped = Reminder.objects.filter(
        Q(state=State.QUEUED) | Q(state=State.SENDING, claimed_by=claim),
        pk=reminder_id,
        attempts__gte=settings.REMINDER_MAX_ATTEMPTS,
    ).update(state=State.FAILED, last_error="gave up: every attempt ended with the worker lost", updated_at=now)
    return "failed" if stopped else "not claimed"


def _finish(reminder: Reminder, claim: str, **fields) -> int:
    return Reminder.objects.filter(pk=reminder.pk, state=State.SENDING, claimed_by=claim).update(
        updated_at=timezone.now(), **fields
    )


def _record_failure(reminder: Reminder, claim: str, error: Exception) -> str:
    message = f"{type(error).__name__}: {error}"[:2000]
    if reminder.attempts >= settings.REMINDER_MAX_ATTEMPTS or isinstance(error, webhooks.WebhookRefused):
        _finish(reminder, claim, state=State.FAILED, last_error=message)
        return "failed"
    _finish(
        reminder, claim, state=State.PENDING, last_error=message, next_attempt_at=timezone.now() + backoff(reminder)
    )
    return "retry"


def backoff(reminder: Reminder) -> datetime.timedelta:
    delay = datetime.timedelta(seconds=settings.REMINDER_RETRY_BACKOFF * 2 ** max(reminder.attempts - 1, 0))
    return min(delay, MAX_BACKOFF)


def _record_sent(reminder: Reminder, claim: str) -> None:
    """Record the send, waiting out a database outage: giving up here would mean sending the message twice."""
    deadline = time.monotonic() + settings.REMINDER_SEND_LEASE / 2
    while True:
        try:
            recorded = _finish(reminder, claim, state=State.SENT, sent_at=timezone.now(), last_error="")
            break
        except (OperationalError, InterfaceError):
            if time.monotonic() > deadline or connection.in_atomic_block:
                raise
            log.warning("reminder %s: sent, but the database is away; retrying the record", reminder.pk)
            connection.close()
            time.sleep(0.5)
    if not recorded:
        log.error("reminder %s: sent after its claim was lost (lease too short for this send?)", reminder.pk)
