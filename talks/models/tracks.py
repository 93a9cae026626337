"""A track is one negotiation process; its participants take part in a role (party, mediator, host, ...)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from talks.fulltext import DocumentIndex, document
from talks.models.actors import Party
from talks.models.base import Publishable, Recorded


class Track(Publishable):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        CONCLUDED = "concluded", "Concluded"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    parties = models.ManyToManyField(Party, through="TrackParticipant", related_name="tracks")

    class Meta:
        ordering = ["-started_on", "name"]
        indexes = [DocumentIndex(document("name"), name="track_search_idx")]
        permissions = [
            ("edit_record", "Can log and edit the negotiation record"),
            ("publish_record", "Can publish drafts of the negotiation record"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="track_ends_after_start",
                violation_error_message="A track cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("track-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.status == self.Status.CONCLUDED and not self.ended_on:
            raise ValidationError({"ended_on": "A concluded track needs the date it ended."})


class TrackParticipant(Recorded):
    class Role(models.TextChoices):
        PARTY = "party", "Party"
        MEDIATOR = "mediator", "Mediator"
        HOST = "host", "Host"
        GUARANTOR = "guarantor", "Guarantor"
        OBSERVER = "observer", "Observer"

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="participants")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="track_roles")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.PARTY)

    parent_field = "track"

    class Meta:
        ordering = ["track", "role", "party__name"]
        constraints = [
            models.UniqueConstraint(fields=["track", "party", "role"], name="track_participant_unique"),
        ]

    def __str__(self):
        return f"{self.party} ({self.get_role_display()}) in {self.track}"
