"""Loaded into a test's worker with `celery worker --include tests.reminders.worker_hooks`: it notes every task
run in a file, and can stall a worker right after a reminder is recorded as sent, so a test can kill it there."""

import os
import threading
from pathlib import Path

from celery.signals import task_prerun
from django.dispatch import receiver

from accounts.reminders.delivery import reminder_delivered

RUNS = os.environ.get("RT_TASK_RUNS")
STALL_MARK = os.environ.get("RT_STALL_AFTER_SENT")


@task_prerun.connect
def _note_run(task_id=None, task=None, **kwargs):
    if RUNS and task.name == "accounts.tasks.send_reminder":
        with open(RUNS, "a") as runs:
            runs.write(f"{task_id}\n")


@receiver(reminder_delivered)
def _stall_once(sender, reminder, **kwargs):
    if STALL_MARK and not Path(STALL_MARK).exists():
        Path(STALL_MARK).write_text(str(reminder.pk))
        threading.Event().wait(120)  # hold the send here: the test kills this worker process long before
