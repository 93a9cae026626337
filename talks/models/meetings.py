"""A meeting is one round of a track: where, when (as precisely as known), how, and who came or stayed away."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from talks.choices import DatePrecision, DateQualifier, DurationQualifier, IssueCategory
from talks.fulltext import DocumentIndex, document
from talks.models.actors import Party, Person, iso_country
from talks.models.base import Citable, Publishable, PublishableQuerySet, Recorded
from talks.models.tracks import Track


def validate_time_zone(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError(f"{name!r} is not an IANA time zone name such as Europe/Istanbul.")


class MeetingQuerySet(PublishableQuerySet):
    def upcoming(self, now):
        return self.filter(status=Meeting.Status.SCHEDULED, scheduled_start__gte=now).order_by("scheduled_start")

    def in_order(self):
        return self.order_by("track_id", "sequence")


class Meeting(Publishable, Citable):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        SCHEDULED = "scheduled", "Scheduled"
        POSTPONED = "postponed", "Postponed"
        CANCELLED = "cancelled", "Cancelled"
        HELD = "held", "Held"
        PAUSED = "paused", "Paused"
        CONCLUDED = "concluded", "Concluded"

    class Format(models.TextChoices):
        DIRECT = "direct", "Direct"
        MEDIATED = "mediated", "Mediated"
        PROXIMITY = "proximity", "Proximity"
        VIRTUAL = "virtual", "Virtual"

    class Level(models.TextChoices):
        TECHNICAL = "technical", "Technical"
        SENIOR_OFFICIALS = "senior_officials", "Senior officials"
        MINISTERIAL = "ministerial", "Ministerial"
        LEADERS = "leaders", "Leaders"

    TOOK_PLACE = (Status.HELD, Status.PAUSED, Status.CONCLUDED)
    KEPT_FOREVER = (Status.CANCELLED, Status.POSTPONED)

    track = models.ForeignKey(Track, on_delete=models.PROTECT, related_name="meetings")
    sequence = models.PositiveSmallIntegerField(help_text="Round number within the track, from 1.")
    title = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    follows = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followed_by",
        help_text="The round that came before, even in another track (the 2025 talks follow those of 2022).",
    )
    venue_city = models.CharField(max_length=100, blank=True)
    venue_country = models.CharField(max_length=2, blank=True, validators=[iso_country])
    venue_place = models.CharField(max_length=200, blank=True, help_text="Building or site, e.g. a palace.")
    venue_timezone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    date = models.DateField(null=True, blank=True, help_text="The day in the venue's zone, as precise as known.")
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    date_qualifier = models.CharField(max_length=12, choices=DateQualifier.choices, default=DateQualifier.EXACT)
    scheduled_start = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    approx_duration = models.DurationField(null=True, blank=True)
    duration_qualifier = models.CharField(
        max_length=10, choices=DurationQualifier.choices, default=DurationQualifier.EXACT
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.DIRECT)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.SENIOR_OFFICIALS)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["track", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["track", "sequence"], name="meeting_sequence_unique_in_track"),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="meeting_sequence_from_one"),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(started_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="meeting_ends_after_start",
                violation_error_message="A round cannot end before it starts.",
            ),
        ]
        indexes = [
            # The reminder planner and the home page look for scheduled rounds by start time.
            models.Index(fields=["status", "scheduled_start"], name="meeting_status_start_idx"),
            models.Index(fields=["date"], name="meeting_date_idx"),
            DocumentIndex(document("title", "venue_city", "venue_place", body=("summary",)), name="meeting_search_idx"),
        ]

    def __str__(self):
        label = self.title or f"Round {self.sequence}"
        return f"{self.track.name}: {label}" if self.track_id else label

    def get_absolute_url(self):
        return reverse("meeting-detail", kwargs={"pk": self.pk})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.venue_timezone)

    @property
    def took_place(self) -> bool:
        return self.status in self.TOOK_PLACE

    @property
    def reference_date(self) -> datetime.date | None:
        """The day used to look up who held which post at this round."""
        return self.date

    def clean(self):
        errors = {}
        if self.started_at and self.ended_at and self.ended_at < self.started_at:
            errors["ended_at"] = "A round cannot end before it starts."
        if self.took_place and not (self.date or self.started_at):
            errors["date"] = "A round that took place needs at least its date."
        if self.status == self.Status.SCHEDULED and not (self.scheduled_start or self.date):
            errors["scheduled_start"] = "A scheduled round needs a date or a start time."
        if self.date_precision == DatePrecision.EXACT and not (self.scheduled_start or self.started_at):
            errors["date_precision"] = "An exact time needs the scheduled or actual start."
        if self.date_qualifier == DateQualifier.UNDISCLOSED and self.date_precision == DatePrecision.EXACT:
            errors["date_qualifier"] = "An undisclosed date cannot be exact."
        if self.follows_id and self.follows_id == self.pk:
            errors["follows"] = "A round cannot follow itself."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        moment = self.started_at or self.scheduled_start
        if moment and self.date_precision == DatePrecision.EXACT:
            self.date = moment.astimezone(zoneinfo.ZoneInfo(self.venue_timezone)).date()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.status in self.KEPT_FOREVER:
            raise ValidationError("A cancelled or postponed round stays on the record; it cannot be deleted.")
        return super().delete(*args, **kwargs)


class MeetingSession(Recorded):
    """A sitting of a round: rounds pause and resume, sometimes the same day."""

    class Status(models.TextChoices):
        HELD = "held", "Held"
        PLANNED = "planned", "Planned"
        POSSIBLE = "possible", "Possible, not scheduled"
        CANCELLED = "cancelled", "Did not take place"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sessions")
    sequence = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    parent_field = "meeting"

    class Meta:
        ordering = ["meeting", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "sequence"], name="session_sequence_unique"),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(started_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="session_ends_after_start",
                violation_error_message="A session cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return f"Session {self.sequence} ({self.get_status_display()})"


class AgendaItem(Recorded):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    category = models.CharField(max_length=20, choices=IssueCategory.choices, blank=True)

    parent_field = "meeting"

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [models.UniqueConstraint(fields=["meeting", "position"], name="agenda_position_unique")]

    def __str__(self):
        return self.title


class Delegation(Recorded):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="delegations")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="delegations")
    note = models.CharField(max_length=300, blank=True)

    parent_field = "meeting"

    class Meta:
        ordering = ["meeting", "party__name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "party"], name="delegation_unique_per_party")]

    def __str__(self):
        return f"{self.party} delegation"

    def head(self) -> "DelegationMember | None":
        return next((m for m in self.members.all() if m.is_head), None)


class DelegationMember(Recorded):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="delegation_seats")
    is_head = models.BooleanField(default=False)
    function = models.CharField(max_length=100, blank=True, help_text="In the delegation: head, member, adviser.")

    parent_field = "delegation"

    class Meta:
        ordering = ["delegation", "-is_head", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["delegation", "person"], name="member_once_per_delegation"),
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(is_head=True),
                name="one_head_per_delegation",
                violation_error_message="A delegation has one head.",
            ),
        ]

    def __str__(self):
        return str(self.person)

    def title_then(self) -> str:
        """The title the member held on the round's date."""
        return self.person.title_at(self.delegation.meeting.reference_date)


class Absence(Recorded, Citable):
    """Someone expected who did not come (a leader who declined to attend): a record, not a line of prose."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="absences")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="absences")
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=300, blank=True, help_text="What is known: declined, not invited, ...")

    parent_field = "meeting"

    class Meta:
        ordering = ["meeting", "person__name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="absence_once_per_meeting")]

    def __str__(self):
        return f"{self.person} absent"
