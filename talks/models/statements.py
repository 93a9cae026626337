"""Who said what: named people, or anonymous sources described as the reporting describes them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from talks.choices import DatePrecision
from talks.fulltext import DocumentIndex, document
from talks.models.actors import Party, Person
from talks.models.base import Citable, Publishable
from talks.models.meetings import Absence, Meeting
from talks.models.outcomes import Outcome
from talks.models.positions import Demand


class Statement(Publishable, Citable):
    speaker = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    speaker_description = models.CharField(
        max_length=200, blank=True, help_text='For an anonymous source: "a Ukrainian diplomatic source".'
    )
    side = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    text = models.TextField()
    is_quote = models.BooleanField(default=False, help_text="The words are the speaker's own, not a paraphrase.")
    said_on = models.DateField(null=True, blank=True)
    said_on_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    demand = models.ForeignKey(Demand, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    outcome = models.ForeignKey(Outcome, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    absence = models.ForeignKey(Absence, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")

    published_with = ("meeting", "demand", "outcome")  # a statement about a draft stays hidden with it

    class Meta:
        ordering = ["said_on", "id"]
        indexes = [DocumentIndex(document("text", "speaker_description"), name="statement_search_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(speaker__isnull=False) | ~Q(speaker_description=""),
                name="statement_has_speaker",
                violation_error_message="Name the speaker or describe the anonymous source.",
            ),
        ]

    def __str__(self):
        return f"{self.attributed_to}: {self.text[:60]}"

    @property
    def is_anonymous(self) -> bool:
        return self.speaker_id is None

    @property
    def attributed_to(self) -> str:
        return self.speaker.name if self.speaker_id else self.speaker_description

    def clean(self):
        if not self.speaker_id and not self.speaker_description:
            raise ValidationError({"speaker": "Name the speaker or describe the anonymous source."})
