"""Many reminders due at once, for the delivery tests (run in the test process or, against a throwaway
database, through `manage.py shell`)."""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Reminder, Subscription
from talks.models import Meeting
from tests.factories import MeetingFactory, TrackFactory

LATER = datetime.timedelta(days=2)


def due_reminders(count: int, *, round_in: datetime.timedelta = datetime.timedelta(hours=2)) -> list[int]:
    """`count` readers subscribed to one track, a round `round_in` from now, every reminder due now (as if time
    had passed since they were planned, so even a round about to start has its reminders owed)."""
    batch = uuid.uuid4().hex[:8]
    track = TrackFactory(slug=f"track-{batch}")
    User = get_user_model()
    readers = User.objects.bulk_create(
        [User(username=f"reader-{batch}-{n}", email=f"reader-{batch}-{n}@example.org") for n in range(count)]
    )
    Subscription.objects.bulk_create([Subscription(user=user, track=track, lead_minutes=[60]) for user in readers])
    now = timezone.now()
    meeting = MeetingFactory(
        track=track, status="scheduled", scheduled_start=now + LATER, date_precision="exact", sequence=1
    )
    start = now + round_in
    Meeting.objects.filter(pk=meeting.pk).update(scheduled_start=start)  # bypasses replanning on purpose
    rows = Reminder.objects.filter(meeting=meeting)
    rows.update(state=Reminder.State.PENDING, due_at=now, next_attempt_at=now, round_start=start)
    return list(rows.values_list("pk", flat=True))
