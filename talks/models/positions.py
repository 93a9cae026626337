"""Demands and positions, and their history from round to round."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from talks.choices import IssueCategory
from talks.fulltext import DocumentIndex, document
from talks.models.actors import Area, Party
from talks.models.base import Citable, Publishable, PublishableQuerySet, Recorded
from talks.models.meetings import Meeting
from talks.models.tracks import Track


class DemandQuerySet(PublishableQuerySet):
    def with_latest_action(self):
        """Annotate `latest_action`: where the position stands now (the API filters demands by it)."""
        latest = DemandEvent.objects.filter(demand=models.OuterRef("pk")).order_by("-occurred_on", "-id")
        return self.annotate(latest_action=models.Subquery(latest.values("action")[:1]))


class Demand(Publishable, Citable):
    class Kind(models.TextChoices):
        DEMAND = "demand", "Demand"
        PRECONDITION = "precondition", "Precondition"
        PROPOSAL = "proposal", "Proposal"
        REQUEST = "request", "Request"
        OFFER = "offer", "Offer"
        COMMITMENT = "commitment", "Commitment"

    track = models.ForeignKey(Track, on_delete=models.PROTECT, related_name="demands")
    made_by = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="demands_made")
    addressed_to = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="demands_received"
    )
    summary = models.CharField(max_length=300)
    text = models.TextField(blank=True, help_text="The position in full, in the record's own words.")
    category = models.CharField(max_length=20, choices=IssueCategory.choices)
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.DEMAND)
    condition_for = models.CharField(
        max_length=200, blank=True, help_text="What it is a condition for, e.g. a ceasefire."
    )
    areas = models.ManyToManyField(Area, blank=True, related_name="demands")

    objects = DemandQuerySet.as_manager()

    class Meta:
        ordering = ["track", "id"]
        indexes = [DocumentIndex(document("summary", "condition_for", body=("text",)), name="demand_search_idx")]

    def __str__(self):
        return self.summary

    def get_absolute_url(self):
        return reverse("demand-detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.addressed_to_id and self.addressed_to_id == self.made_by_id:
            raise ValidationError({"addressed_to": "A party does not make a demand of itself."})
        if self.kind == self.Kind.PRECONDITION and not self.condition_for:
            raise ValidationError({"condition_for": "Say what the precondition is a condition for."})

    def latest_event(self) -> "DemandEvent | None":
        """Reads prefetched events, so a list of demands costs no query per row."""
        events = list(self.events.all())
        return events[-1] if events else None


class DemandEvent(Recorded, Citable):
    """One step in a position's life: raised at a round, reiterated, modified, accepted, rejected, withdrawn."""

    class Action(models.TextChoices):
        RAISED = "raised", "Raised"
        REITERATED = "reiterated", "Reiterated"
        MODIFIED = "modified", "Modified"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    demand = models.ForeignKey(Demand, on_delete=models.CASCADE, related_name="events")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="demand_events")
    occurred_on = models.DateField()
    action = models.CharField(max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        Party,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who acted: the demanding side for raised/modified/withdrawn, the other for accepted/rejected.",
    )
    wording = models.TextField(blank=True, help_text="The position as it stood after this step.")
    note = models.CharField(max_length=300, blank=True)

    parent_field = "demand"
    published_with = ("meeting",)  # a step taken at a draft round stays hidden with it

    class Meta:
        ordering = ["demand", "occurred_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["demand", "meeting", "action"], name="demand_event_once_per_round"),
        ]
        indexes = [models.Index(fields=["meeting", "demand"], name="demand_event_meeting_idx")]

    def __str__(self):
        return f"{self.get_action_display()}: {self.demand}"

    def clean(self):
        if self.meeting_id and self.demand_id and self.meeting.track_id != self.demand.track_id:
            raise ValidationError({"meeting": "The round belongs to another track than the demand."})
        if self.action == self.Action.MODIFIED and not self.wording:
            raise ValidationError({"wording": "A modified position needs its new wording."})
