import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import Reminder, Subscription
from accounts.reminders.planning import subscription_replan
from talks.models import Meeting, Track

TITLE = "Reminder demo round"


class Command(BaseCommand):
    help = (
        "See a reminder arrive: (re)schedule a demo round a few minutes ahead and subscribe the demo editor to "
        "reminders a couple of minutes before it. Run `load_demo` first; with `make run`, mail lands in data/mail/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=3, help="How far ahead the round starts (default 3).")

    @transaction.atomic
    def handle(self, *args, minutes, **options):
        if minutes < 2:
            raise CommandError("--minutes must be at least 2: the reminder goes one minute before the round.")
        editor = get_user_model().objects.filter(username="demo-editor").first()
        track = Track.objects.published().order_by("-started_on").first()
        if not editor or not track:
            raise CommandError("No demo record: run `python manage.py load_demo` first.")
        subscription, _ = Subscription.objects.get_or_create(
            user=editor, track=track, channel=Subscription.Channel.EMAIL, defaults={"lead_minutes": [minutes - 1]}
        )
        subscription.lead_minutes, subscription.unsubscribed_at = [minutes - 1], None
        subscription.save()
        meeting = self._demo_round(
            track, timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=minutes)
        )
        subscription_replan(subscription=subscription)
        due = Reminder.objects.get(subscription=subscription, meeting=meeting, round_start=meeting.scheduled_start)
        self.stdout.write(
            f"{meeting} starts at {meeting.scheduled_start:%H:%M} UTC; the reminder to {editor.email} is due at "
            f"{due.due_at:%H:%M} UTC and goes out on the dispatcher's next tick (every minute)."
        )

    def _demo_round(self, track, start) -> Meeting:
        meeting = Meeting.objects.filter(track=track, title=TITLE).first()
        if meeting is None:
            last = track.meetings.aggregate(last=Max("sequence"))["last"] or 0
            meeting = Meeting(track=track, title=TITLE, sequence=last + 1, venue_city="Istanbul", venue_country="TR")
            meeting.venue_timezone = "Europe/Istanbul"
        meeting.status, meeting.scheduled_start, meeting.date_precision = "scheduled", start, "exact"
        meeting.publication, meeting.published_at = "published", meeting.published_at or timezone.now()
        meeting.save()  # replans every subscriber's reminders for the new time
        return meeting
