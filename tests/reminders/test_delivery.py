"""A send task delivers its row once: it claims, re-checks, sends, and records sent, failure or skip on the row."""

import datetime

import pytest
import time_machine
from django.core import mail

from accounts.models import Reminder
from accounts.reminders.delivery import reminder_deliver
from tests.reminders.conftest import NOW, at, schedule_round

pytestmark = pytest.mark.django_db
State = Reminder.State
SEND_TIME = at(2025, 5, 15, 9, 30)


@pytest.fixture
def queued(subscription, track):
    """The day-before reminder of a round on 16 May at 09:30 UTC, claimed by the dispatcher."""
    with time_machine.travel(NOW, tick=False):
        meeting = schedule_round(track, at(2025, 5, 16, 9, 30), title="First round", venue_place="Dolmabahçe Palace")
    row = Reminder.objects.get(meeting=meeting, lead=datetime.timedelta(hours=24))
    Reminder.objects.filter(pk=row.pk).update(state=State.QUEUED)
    row.refresh_from_db()
    return row


def deliver(row, claim="task-1", when=SEND_TIME) -> str:
    with time_machine.travel(when, tick=False):
        return reminder_deliver(reminder_id=row.pk, claim=claim)


def test_it_sends_the_reminder_and_records_it(queued):
    assert deliver(queued) == "sent"

    queued.refresh_from_db()
    assert (queued.state, queued.sent_at, queued.attempts, queued.last_error) == (State.SENT, SEND_TIME, 1, "")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["analyst@example.org"]


def test_it_writes_text_html_a_calendar_file_and_a_one_click_unsubscribe(queued, subscription, settings):
    deliver(queued)
    message = mail.outbox[0]

    assert message.subject == "Reminder: Istanbul talks: First round starts Friday 16 May 2025, 12:30 +03"
    round_url = f"{settings.SITE_URL}/rounds/{queued.meeting_id}/"
    assert round_url in message.body
    assert "At the venue: Friday 16 May 2025, 12:30 +03 (Europe/Istanbul)" in message.body
    assert "Your time:    Friday 16 May 2025, 10:30 BST (Europe/London)" in message.body
    html = message.alternatives[0].content
    assert round_url in html and "<strong>Friday 16 May 2025, 12:30 +03</strong>" in html
    assert message.extra_headers["List-Unsubscribe"] == f"<{subscription.unsubscribe_url()}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert subscription.unsubscribe_url() in message.body

    name, ics, mimetype = message.attachments[0]
    assert name == f"round-{queued.meeting_id}.ics" and mimetype.startswith("text/calendar")
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "DTSTART:20250516T093000Z" in ics and f"UID:round-{queued.meeting_id}@127.0.0.1" in ics
    assert "LOCATION:Dolmabahçe Palace\\, Istanbul" in ics


def test_it_sends_once_when_the_task_runs_twice(queued):
    assert deliver(queued, claim="task-1") == "sent"
    assert deliver(queued, claim="task-1") == "not claimed"
    assert deliver(queued, claim="task-2") == "not claimed"

    assert len(mail.outbox) == 1


def test_a_copy_of_the_task_leaves_a_row_another_worker_is_sending(queued):
    Reminder.objects.filter(pk=queued.pk).update(state=State.SENDING, claimed_by="task-1", attempts=1)

    assert deliver(queued, claim="task-2") == "not claimed"
    assert mail.outbox == []


def test_a_task_redelivered_after_its_worker_died_before_the_send_sends_it(queued):
    # The first delivery of task-1 claimed the row, then its worker was killed before the message left.
    Reminder.objects.filter(pk=queued.pk).update(state=State.SENDING, claimed_by="task-1", attempts=1)

    assert deliver(queued, claim="task-1") == "sent"

    queued.refresh_from_db()
    assert queued.state == State.SENT and queued.attempts == 2 and len(mail.outbox) == 1


def test_it_records_a_failed_attempt_and_tries_again_later(queued, settings):
    settings.EMAIL_BACKEND = "tests.reminders.backends.DisconnectingBackend"

    assert deliver(queued) == "retry"

    queued.refresh_from_db()
    assert queued.state == State.PENDING and queued.attempts == 1
    assert queued.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert queued.next_attempt_at == SEND_TIME + datetime.timedelta(seconds=settings.REMINDER_RETRY_BACKOFF)


def test_it_backs_off_longer_after_each_failure_and_records_the_last_as_final(queued, settings):
    settings.EMAIL_BACKEND = "tests.reminders.backends.DisconnectingBackend"
    settings.REMINDER_MAX_ATTEMPTS = 3
    waits = []
    when = SEND_TIME
    for _ in range(3):
        Reminder.objects.filter(pk=queued.pk).update(state=State.QUEUED)
        result = deliver(queued, when=when)
        queued.refresh_from_db()
        waits.append(queued.next_attempt_at - when)
        when = queued.next_attempt_at

    assert result == "failed" and queued.state == State.FAILED
    assert [w.total_seconds() for w in waits[:2]] == [
        settings.REMINDER_RETRY_BACKOFF,
        2 * settings.REMINDER_RETRY_BACKOFF,
    ]


def test_admins_see_final_failures_with_their_error(queued, admin_client):
    Reminder.objects.filter(pk=queued.pk).update(state=State.FAILED, last_error="SMTPRecipientsRefused: no such user")

    response = admin_client.get("/admin/accounts/reminder/?state__exact=failed")

    assert response.status_code == 200
    assert "SMTPRecipientsRefused: no such user" in response.content.decode()


def test_it_skips_a_row_whose_round_moved_after_it_was_queued(queued):
    meeting = queued.meeting
    Reminder.objects.filter(pk=queued.pk).update(round_start=meeting.scheduled_start - datetime.timedelta(hours=1))

    assert deliver(queued) == "skipped"

    queued.refresh_from_db()
    assert queued.state == State.SKIPPED and queued.skip_reason == "round rescheduled" and mail.outbox == []


def test_it_skips_a_row_of_a_subscription_stopped_after_it_was_queued(queued, subscription):
    subscription.unsubscribe()

    assert deliver(queued) == "skipped"
    assert mail.outbox == []


def test_a_cancellation_notice_carries_a_cancelling_calendar_file(queued, track):
    deliver(queued)
    meeting = queued.meeting
    with time_machine.travel(at(2025, 5, 15, 12, 0), tick=False):
        meeting.status = "cancelled"
        meeting.save()
    notice = Reminder.objects.get(kind=Reminder.Kind.CANCELLED)
    Reminder.objects.filter(pk=notice.pk).update(state=State.QUEUED)

    assert deliver(notice, when=at(2025, 5, 15, 12, 1)) == "sent"
    message = mail.outbox[1]
    assert message.subject == "Cancelled: Istanbul talks: First round"
    assert "has been cancelled" in message.body
    ics = message.attachments[0][1]
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics


def test_admins_can_send_failed_reminders_again(queued, admin_client):
    Reminder.objects.filter(pk=queued.pk).update(state=State.FAILED, attempts=5, last_error="SMTP down")

    response = admin_client.post(
        "/admin/accounts/reminder/", {"action": "send_again", "_selected_action": [queued.pk]}, follow=True
    )

    assert "1 reminder(s) will be sent on the next dispatch." in response.content.decode()
    queued.refresh_from_db()
    assert queued.state == State.PENDING and queued.attempts == 0


def test_editors_without_admin_rights_cannot_see_reminders_in_the_admin(client, editor):
    client.force_login(editor)

    assert client.get("/admin/accounts/reminder/").status_code == 403


def test_the_send_task_tries_again_when_the_database_is_away(queued, monkeypatch):
    from django.db import OperationalError

    from accounts import tasks

    calls = []

    def database_away(**kwargs):
        calls.append(kwargs)
        raise OperationalError("connection refused")

    monkeypatch.setattr(tasks, "reminder_deliver", database_away)

    tasks.send_reminder.apply(args=[queued.pk])  # run in-process, retries run at once instead of after a backoff

    assert len(calls) == 1 + tasks.send_reminder.max_retries
    queued.refresh_from_db()
    assert queued.state == State.QUEUED, "the row waits as it was; its queue lease is the last resort"
