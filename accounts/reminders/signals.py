"""The record does not know about reminders: accounts listens to it (talks must not import accounts)."""

from django.db.models.signals import post_save

from accounts.reminders.planning import meeting_replan


def _meeting_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures: the rows come with the data
        return
    meeting_replan(meeting=instance)


def connect() -> None:
    post_save.connect(_meeting_saved, sender="talks.Meeting", dispatch_uid="accounts.reminders.meeting_saved")
