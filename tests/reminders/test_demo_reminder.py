"""`make run`'s embedded default delivers reminders: `remind_demo` plans one, and the filebased mail backend of
the local settings writes it to the mail folder (the worker's part is run in-process here)."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Reminder
from accounts.reminders.delivery import reminder_deliver
from accounts.reminders.dispatch import dispatch_due

pytestmark = pytest.mark.django_db


def test_remind_demo_plans_a_reminder_that_lands_in_the_mail_folder(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.DATA_DIR = tmp_path
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    call_command("load_demo", stdout=io.StringIO())
    out = io.StringIO()
    now = timezone.now().replace(second=0, microsecond=0)
    with time_machine.travel(now, tick=False):
        call_command("remind_demo", stdout=out)
    assert "is due at" in out.getvalue()

    row = Reminder.objects.get(kind=Reminder.Kind.REMINDER, state=Reminder.State.PENDING)
    assert row.due_at == now + datetime.timedelta(minutes=1)

    def deliver_now(ids):
        for reminder_id in ids:
            reminder_deliver(reminder_id=reminder_id, claim="worker")

    with time_machine.travel(row.due_at, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert dispatch_due(enqueue=deliver_now) == 1
    (mail,) = (tmp_path / "mail").iterdir()
    text = mail.read_text()
    assert "Reminder demo round" in text and "BEGIN:VCALENDAR" in text


def test_running_remind_demo_again_reschedules_the_same_round(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    call_command("remind_demo", stdout=io.StringIO())
    call_command("remind_demo", "--minutes", "10", stdout=io.StringIO())

    assert Reminder.objects.filter(state=Reminder.State.PENDING).count() == 1
