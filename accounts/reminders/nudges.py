"""Editor nudges: a round still "scheduled" well after its start, a swap whose planned date passed with no stage.

The dispatcher looks for them on every tick; the row's unique key makes each nudge once per editor and situation
(a round rescheduled and overdue again is a new situation).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q

from accounts.models import Reminder
from exchanges.models import SwapAgreement, SwapStage
from talks.models import Meeting
from talks.permissions import EDIT_RECORD, can_edit

Kind = Reminder.Kind

# Rounds or swaps overdue for longer than this when nudging starts (a new deployment over an old record) are
# left alone: a nudge is a prompt, not an audit.
LOOKBACK = datetime.timedelta(days=30)


def editors() -> list:
    """Everyone who may log rounds, by the one permission check, and has an address to nudge."""
    app_label, codename = EDIT_RECORD.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    candidates = (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True) | Q(groups__permissions__in=permission) | Q(user_permissions__in=permission),
            is_active=True,
        )
        .exclude(email="")
        .distinct()
    )
    return [user for user in candidates if can_edit(user)]


def nudge_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.REMINDER_NUDGE_AFTER)


def overdue_rounds(now):
    cutoff = now - nudge_after()
    nudged = Reminder.objects.filter(
        meeting=OuterRef("pk"), kind=Kind.NUDGE_ROUND, round_start=OuterRef("scheduled_start")
    )
    return (
        Meeting.objects.live()
        .filter(status=Meeting.Status.SCHEDULED, scheduled_start__lte=cutoff, scheduled_start__gte=cutoff - LOOKBACK)
        .exclude(Exists(nudged))
    )


def overdue_swaps(now):
    nudged = Reminder.objects.filter(
        swap_agreement=OuterRef("pk"), kind=Kind.NUDGE_SWAP, round_start__date=OuterRef("planned_date")
    )
    staged = SwapStage.objects.filter(agreement=OuterRef("pk"), deleted_at__isnull=True)
    candidates = (
        SwapAgreement.objects.live()
        .filter(
            status=SwapAgreement.Status.AGREED,
            planned_date__lte=now.date(),
            planned_date__gte=(now - LOOKBACK).date(),
        )
        .exclude(Exists(staged))
        .exclude(Exists(nudged))
        .select_related("meeting")
    )
    return [swap for swap in candidates if _swap_overdue_since(swap) + nudge_after() <= now]


def _swap_overdue_since(swap: SwapAgreement) -> datetime.datetime:
    """The planned day is over at midnight where the swap was agreed (UTC if that is not known)."""
    zone = swap.meeting.zone if swap.meeting_id else datetime.UTC
    day_after = swap.planned_date + datetime.timedelta(days=1)
    return datetime.datetime.combine(day_after, datetime.time(), tzinfo=zone)


def plan_nudges(now) -> int:
    """Make the nudge rows owed right now; returns how many situations were found."""
    rounds = list(overdue_rounds(now))
    swaps = overdue_swaps(now)
    if not rounds and not swaps:
        return 0
    people = editors()
    rows = [_round_nudge(meeting, editor, now) for meeting in rounds for editor in people]
    rows += [_swap_nudge(swap, editor, now) for swap in swaps for editor in people]
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rounds) + len(swaps)


def _round_nudge(meeting: Meeting, editor, now) -> Reminder:
    start = meeting.scheduled_start
    return Reminder(
        key=f"nudge_round:{meeting.pk}:{int(start.timestamp())}:{editor.pk}",
        kind=Kind.NUDGE_ROUND,
        user=editor,
        meeting=meeting,
        round_start=start,
        due_at=now,
        next_attempt_at=now,
    )


def _swap_nudge(swap: SwapAgreement, editor, now) -> Reminder:
    # round_start holds the start of the planned day, so a new planned date is a new situation.
    planned = datetime.datetime.combine(swap.planned_date, datetime.time(), tzinfo=datetime.UTC)
    return Reminder(
        key=f"nudge_swap:{swap.pk}:{swap.planned_date.isoformat()}:{editor.pk}",
        kind=Kind.NUDGE_SWAP,
        user=editor,
        swap_agreement=swap,
        meeting_id=swap.meeting_id,
        round_start=planned,
        due_at=now,
        next_attempt_at=now,
    )
