"""Reminders follow the record: from a round's current state and its subscribers, which rows should exist.

Planning only writes rows; it never talks to the broker, so saving a round works while Redis is down.
Every function is idempotent (rows have a unique key), so it is safe to call on every save.
"""

import datetime

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from accounts.models import Reminder, Subscription
from talks.models import Meeting

State = Reminder.State
Kind = Reminder.Kind

# Why a planned reminder was dropped because the round or the subscription changed; a row dropped for one of these
# reasons comes back if the change is undone before it falls due.
RESCHEDULED = "round rescheduled"
WITHDRAWN = "round withdrawn from the public record"
NO_LONGER_SCHEDULED = "round no longer scheduled ({status})"
SUBSCRIPTION_CHANGED = "subscription changed"
UNSUBSCRIBED = "unsubscribed"
SHORT_LEAD = "round scheduled with less lead time than this reminder's"


def reminder_key(subscription_id: int, meeting_id: int, start: datetime.datetime, lead: datetime.timedelta) -> str:
    return f"reminder:{subscription_id}:{meeting_id}:{int(start.timestamp())}:{int(lead.total_seconds()) // 60}"


def is_announced(meeting: Meeting) -> bool:
    """Readers are reminded of published, scheduled rounds with a start time; drafts stay with the editors."""
    return bool(
        meeting.status == Meeting.Status.SCHEDULED
        and meeting.scheduled_start
        and meeting.is_published
        and meeting.track.is_published
    )


def why_not_announced(meeting: Meeting) -> str:
    if meeting.status != Meeting.Status.SCHEDULED:
        return NO_LONGER_SCHEDULED.format(status=meeting.get_status_display().lower())
    if not meeting.is_published or not meeting.track.is_published:
        return WITHDRAWN
    return RESCHEDULED


def _replan_reasons() -> list[str]:
    called_off = [NO_LONGER_SCHEDULED.format(status=label.lower()) for label in Meeting.Status.labels]
    return [RESCHEDULED, WITHDRAWN, SUBSCRIPTION_CHANGED, *called_off]


def _reminder_row(subscription: Subscription, meeting: Meeting, lead: datetime.timedelta, now) -> Reminder:
    # In UTC: lead times are elapsed time, and aware arithmetic in the venue's zone would be wall-clock time
    # (24 h before noon on the day clocks go back would fall 25 real hours early).
    start = meeting.scheduled_start.astimezone(datetime.UTC)
    due = start - lead
    short = due < now
    return Reminder(
        key=reminder_key(subscription.pk, meeting.pk, start, lead),
        kind=Kind.REMINDER,
        state=State.SKIPPED if short else State.PENDING,
        skip_reason=SHORT_LEAD if short else "",
        user_id=subscription.user_id,
        subscription=subscription,
        meeting=meeting,
        round_start=start,
        lead=lead,
        due_at=due,
        next_attempt_at=due,
    )


def _plan(pairs, now) -> None:
    """Create the rows owed for (subscription, meeting) pairs, and revive those a change had dropped."""
    rows = [_reminder_row(sub, meeting, lead, now) for sub, meeting in pairs for lead in sub.leads]
    if not rows:
        return
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    Reminder.objects.filter(
        key__in=[row.key for row in rows], state=State.SKIPPED, skip_reason__in=_replan_reasons(), due_at__gte=now
    ).update(state=State.PENDING, skip_reason="", next_attempt_at=F("due_at"))


def meeting_replan(*, meeting: Meeting, now: datetime.datetime | None = None) -> None:
    """Bring the rows about one round in line with the record: drop stale ones, plan owed ones, send notices."""
    now = now or timezone.now()
    with transaction.atomic():
        announced = is_announced(meeting)
        waiting = Reminder.objects.filter(meeting=meeting, kind=Kind.REMINDER, state__in=(State.PENDING, State.QUEUED))
        if announced:
            waiting = waiting.exclude(round_start=meeting.scheduled_start)
        waiting.update(state=State.SKIPPED, skip_reason=why_not_announced(meeting), updated_at=now)
        if announced:
            subscriptions = Subscription.objects.for_track(meeting.track_id)
            _plan([(sub, meeting) for sub in subscriptions], now)
        elif meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED):
            _plan_notices(meeting, now)


def _plan_notices(meeting: Meeting, now) -> None:
    """Those already reminded of the round hear that it is off, once per subscription and planned start."""
    kind = Kind.CANCELLED if meeting.status == Meeting.Status.CANCELLED else Kind.POSTPONED
    reminded = (
        Reminder.objects.filter(
            meeting=meeting, kind=Kind.REMINDER, state=State.SENT, subscription__unsubscribed_at__isnull=True
        )
        .values("subscription_id", "user_id")
        .annotate(start=Max("round_start"))
    )
    Reminder.objects.bulk_create(
        [
            Reminder(
                key=f"{kind}:{row['subscription_id']}:{meeting.pk}:{int(row['start'].timestamp())}",
                kind=kind,
                user_id=row["user_id"],
                subscription_id=row["subscription_id"],
                meeting=meeting,
                round_start=row["start"],
                due_at=now,
                next_attempt_at=now,
            )
            for row in reminded
        ],
        ignore_conflicts=True,
    )


def upcoming_rounds(subscription: Subscription, now):
    rounds = Meeting.objects.published().filter(
        status=Meeting.Status.SCHEDULED,
        scheduled_start__gt=now,
        track__publication="published",
        track__deleted_at__isnull=True,
    )
    if subscription.track_id:
        rounds = rounds.filter(track_id=subscription.track_id)
    return rounds.select_related("track")


def subscription_replan(*, subscription: Subscription, now: datetime.datetime | None = None) -> None:
    """After a subscription is made, changed or ended: plan what it is owed, drop what it no longer wants."""
    now = now or timezone.now()
    with transaction.atomic():
        waiting = subscription.reminders.filter(kind=Kind.REMINDER, state__in=(State.PENDING, State.QUEUED))
        if not subscription.is_active:
            waiting.update(state=State.SKIPPED, skip_reason=UNSUBSCRIBED, updated_at=now)
            return
        rounds = list(upcoming_rounds(subscription, now))
        wanted = [
            reminder_key(subscription.pk, m.pk, m.scheduled_start, lead) for m in rounds for lead in subscription.leads
        ]
        waiting.exclude(key__in=wanted).update(state=State.SKIPPED, skip_reason=SUBSCRIPTION_CHANGED, updated_at=now)
        _plan([(subscription, meeting) for meeting in rounds], now)
