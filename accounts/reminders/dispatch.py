"""The dispatcher: claim the rows whose time has come and hand each to a send task, after the claim commits.

Beat runs it every minute (settings.CELERY_BEAT_SCHEDULE). Any number of dispatchers may run at once: rows are
claimed with SELECT ... FOR UPDATE SKIP LOCKED, so two ticks never claim the same row, and the send task claims
again with a conditional update, so a task enqueued twice still sends once. Nothing waits in the broker: a row
that is not due yet stays in the database, and a task the broker lost is enqueued again when its lease runs out.
"""

import datetime
import logging
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Reminder
from accounts.reminders import rules
from accounts.reminders.nudges import plan_nudges

log = logging.getLogger(__name__)
State = Reminder.State

# A batch (settings.REMINDER_DISPATCH_BATCH, 500 by default) is one transaction of a fixed number of statements,
# whether it finds 10 rows or 500; its row locks are held for tens of milliseconds. A tick stops after TICK_ROWS so
# beat's next tick is not starved; the rest wait a tick.
TICK_ROWS = 2000


def dispatch_due(*, enqueue: Callable[[list[int]], None], now: datetime.datetime | None = None) -> int:
    """One tick: plan the nudges owed, then claim due rows batch by batch; returns how many were queued."""
    now = now or timezone.now()
    plan_nudges(now)
    batch = settings.REMINDER_DISPATCH_BATCH
    queued = 0
    for _ in range(max(1, TICK_ROWS // batch)):
        claimed, found = claim_due(enqueue=enqueue, now=now, limit=batch)
        queued += claimed
        if found < batch:
            break
    return queued


def claim_due(
    *, enqueue: Callable[[list[int]], None], now: datetime.datetime, limit: int | None = None
) -> tuple[int, int]:
    """Claim one batch in one transaction; returns (queued, rows looked at)."""
    limit = limit or settings.REMINDER_DISPATCH_BATCH
    with transaction.atomic():
        rows = list(due_rows(now)[:limit])
        verdicts = _judge(rows, now)
        _apply(verdicts, now)
        to_send = verdicts.get(State.QUEUED, {}).get("", [])
        if to_send:
            # After commit: a worker must find the row queued, and a rolled-back claim must enqueue nothing.
            transaction.on_commit(lambda: enqueue(to_send), robust=True)
    return len(to_send), len(rows)


def due_rows(now: datetime.datetime) -> QuerySet[Reminder]:
    """Due rows oldest first, by the partial index reminder_dispatch_idx; rows another tick holds are skipped.

    Only the fields the verdict needs are loaded: the send task reads the whole row again before sending.
    """
    return (
        Reminder.objects.filter(state__in=Reminder.ACTIVE, next_attempt_at__lte=now)
        .select_related("meeting__track", "subscription", "user")
        .only(*rules.FIELDS, "state", "attempts", "last_error")
        .order_by("next_attempt_at")
        .select_for_update(skip_locked=True, of=("self",))
    )


def _judge(rows: list[Reminder], now) -> dict[str, dict[str, list[int]]]:
    """state -> note -> ids: what becomes of each row this tick."""
    verdicts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        reason = rules.drop_reason(row, now)
        if reason:
            verdicts[State.SKIPPED][reason].append(row.pk)
        elif row.attempts >= settings.REMINDER_MAX_ATTEMPTS:
            verdicts[State.FAILED][_gave_up(row)].append(row.pk)
        else:
            if row.state == State.SENDING:
                # The lease ran out: the worker died or hung mid-send. Whether the message left is unknown; the
                # row is sent again (at least once), under the same delivery id so receivers can tell.
                log.warning("reminder %s: send lease expired, queueing again", row.pk)
            verdicts[State.QUEUED][""].append(row.pk)
    return verdicts


def _gave_up(row: Reminder) -> str:
    return f"gave up after {row.attempts} attempts: {row.last_error}".strip(": ")


def _apply(verdicts, now) -> None:
    queue_lease = now + datetime.timedelta(seconds=settings.REMINDER_QUEUE_LEASE)
    for ids in verdicts.get(State.QUEUED, {}).values():
        Reminder.objects.filter(pk__in=ids).update(
            state=State.QUEUED, next_attempt_at=queue_lease, claimed_by="", updated_at=now
        )
    for reason, ids in verdicts.get(State.SKIPPED, {}).items():
        Reminder.objects.filter(pk__in=ids).update(state=State.SKIPPED, skip_reason=reason, updated_at=now)
    for error, ids in verdicts.get(State.FAILED, {}).items():
        Reminder.objects.filter(pk__in=ids).update(state=State.FAILED, last_error=error, updated_at=now)
