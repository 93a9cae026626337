"""Whether a row is still worth sending: asked by the dispatcher before queueing and by the task before sending."""

from accounts.models import Reminder
from accounts.reminders.planning import RESCHEDULED, UNSUBSCRIBED, is_announced, why_not_announced
from talks.models import Meeting
from talks.permissions import can_edit

Kind = Reminder.Kind

ROUND_STARTED = "round had started before the reminder could be sent"
INACTIVE = "account deactivated"
ROUND_LOGGED = "round logged meanwhile"

# What drop_reason reads: the dispatcher loads these fields and no others, so one read here that is missing there
# costs a query per row (tests/reminders/test_dispatch.py counts them).
FIELDS = (
    "kind",
    "round_start",
    "subscription__unsubscribed_at",
    "user__is_active",
    "meeting__status",
    "meeting__scheduled_start",
    "meeting__publication",
    "meeting__deleted_at",
    "meeting__track__publication",
    "meeting__track__deleted_at",
)


def drop_reason(reminder: Reminder, now) -> str:
    """Why the row should not be sent now, or "" to send it. Reads the row's meeting, subscription and user (FIELDS)."""
    if reminder.subscription_id and not reminder.subscription.is_active:
        return UNSUBSCRIBED
    if not reminder.user.is_active:
        return INACTIVE
    if reminder.kind == Kind.REMINDER:
        return _reminder_drop_reason(reminder, now)
    if reminder.kind == Kind.NUDGE_ROUND:
        meeting = reminder.meeting
        if meeting.status != Meeting.Status.SCHEDULED or meeting.scheduled_start != reminder.round_start:
            return ROUND_LOGGED
    return ""


def _reminder_drop_reason(reminder: Reminder, now) -> str:
    meeting = reminder.meeting
    if not is_announced(meeting):
        return why_not_announced(meeting)
    if meeting.scheduled_start != reminder.round_start:
        return RESCHEDULED
    if now >= reminder.round_start:
        # Catch-up after an outage: a reminder for a round already under way would only mislead.
        return ROUND_STARTED
    return ""


def send_time_drop_reason(reminder: Reminder, now) -> str:
    """The dispatcher's checks plus the costlier ones, asked once per message just before it is sent."""
    reason = drop_reason(reminder, now)
    if reason or reminder.kind not in Reminder.NUDGES:
        return reason
    if not can_edit(reminder.user):
        return "no longer an editor"
    swap = reminder.swap_agreement
    if swap and (swap.status != swap.Status.AGREED or swap.stages.filter(deleted_at__isnull=True).exists()):
        return "swap updated meanwhile"
    return ""
