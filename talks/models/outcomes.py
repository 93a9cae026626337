"""What a round produced, and how each outcome has been carried out since, as a dated series."""

from django.core.exceptions import ValidationError
from django.db import models

from talks.choices import DatePrecision, IssueCategory
from talks.fulltext import DocumentIndex, document
from talks.models.actors import Area, Party
from talks.models.base import Citable, Publishable, PublishableQuerySet, Recorded
from talks.models.meetings import Meeting


class ImplementationStatus(models.TextChoices):
    AGREED = "agreed", "Agreed"
    IN_IMPLEMENTATION = "in_implementation", "In implementation"
    IMPLEMENTED = "implemented", "Implemented"
    STALLED = "stalled", "Stalled"
    COLLAPSED = "collapsed", "Collapsed"


class OutcomeQuerySet(PublishableQuerySet):
    def with_current_status(self):
        """Annotate `current`: the latest point of the implementation series (the API filters by it)."""
        latest = OutcomeProgress.objects.filter(outcome=models.OuterRef("pk")).order_by("-as_of", "-id")
        return self.annotate(current=models.Subquery(latest.values("status")[:1]))


class Outcome(Publishable, Citable):
    class Kind(models.TextChoices):
        AGREEMENT = "agreement", "Agreement"
        JOINT_COMMITMENT = "joint_commitment", "Joint commitment"
        UNILATERAL_COMMITMENT = "unilateral_commitment", "Unilateral commitment"
        DISAGREEMENT = "disagreement", "Disagreement"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="outcomes")
    kind = models.CharField(max_length=25, choices=Kind.choices)
    category = models.CharField(max_length=20, choices=IssueCategory.choices)
    summary = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    parties = models.ManyToManyField(Party, blank=True, related_name="outcomes")
    areas = models.ManyToManyField(Area, blank=True, related_name="outcomes")
    deadline = models.DateField(null=True, blank=True)
    deadline_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "id"]
        indexes = [DocumentIndex(document("summary", body=("text",)), name="outcome_search_idx")]

    def __str__(self):
        return self.summary

    def current_status(self) -> str | None:
        """The latest point of the implementation series (reads prefetched rows)."""
        series = list(self.implementation.all())
        return series[-1].status if series else None


class OutcomeProgress(Recorded, Citable):
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="implementation")
    as_of = models.DateField()
    status = models.CharField(max_length=20, choices=ImplementationStatus.choices)
    evidence = models.TextField(blank=True)

    parent_field = "outcome"

    class Meta:
        ordering = ["outcome", "as_of", "id"]
        verbose_name_plural = "outcome progress"
        constraints = [
            models.UniqueConstraint(fields=["outcome", "as_of", "status"], name="outcome_progress_unique"),
        ]

    def __str__(self):
        return f"{self.as_of}: {self.get_status_display()}"

    def clean(self):
        if self.outcome_id and self.as_of and self.outcome.meeting.date and self.as_of < self.outcome.meeting.date:
            raise ValidationError({"as_of": "Progress cannot predate the round that agreed the outcome."})
