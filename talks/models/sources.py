"""Sources and the citations that tie each fact to them."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from talks.fulltext import DocumentIndex, document
from talks.models.base import Recorded


class Source(Recorded):
    """A report, statement or broadcast that facts are taken from."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "News article"
        WIRE = "wire", "Wire report"
        OFFICIAL = "official", "Official statement or release"
        BROADCAST = "broadcast", "Broadcast or video"
        SOCIAL = "social", "Social media post"
        DOCUMENT = "document", "Document"

    outlet = models.CharField(max_length=200, help_text="Reuters, The Telegraph, a ministry, ...")
    title = models.CharField(max_length=400, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    language = models.CharField(max_length=16, default="en", help_text="BCP 47 tag, e.g. en, uk, ru.")
    published_at = models.DateTimeField(null=True, blank=True)
    accessed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["outlet", "title"]
        indexes = [DocumentIndex(document("outlet", "title"), name="source_search_idx")]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="source_url_unique"),
            models.CheckConstraint(
                condition=Q(accessed_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(accessed_at__gte=F("published_at")),
                name="source_accessed_after_published",
                violation_error_message="A source cannot be read before it was published.",
            ),
        ]

    def __str__(self):
        return f"{self.outlet}: {self.title}" if self.title else self.outlet


class Citation(Recorded):
    """One source backing one fact, with how the fact was attributed and what the source says of it."""

    class Attribution(models.TextChoices):
        ON_RECORD = "on_record", "On the record"
        ANONYMOUS = "anonymous", "Anonymous source"
        OFFICIAL_STATEMENT = "official_statement", "Official statement"
        MEDIA_REPORT = "media_report", "Media report"

    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        CONTRADICTS = "contradicts", "Contradicts"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    via = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relayed_citations",
        help_text="The report through which this source's account reached us, if not first-hand.",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    attribution = models.CharField(max_length=20, choices=Attribution.choices)
    stance = models.CharField(max_length=12, choices=Stance.choices, default=Stance.SUPPORTS)
    claim = models.CharField(
        max_length=300, blank=True, help_text="This source's version of the fact, where sources disagree."
    )
    excerpt = models.CharField(max_length=500, blank=True, help_text="A short excerpt, not the article.")

    class Meta:
        ordering = ["content_type", "object_id", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_fact_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(via=F("source")),
                name="citation_not_via_itself",
                violation_error_message="A source is not relayed through itself.",
            ),
        ]

    def __str__(self):
        return f"{self.source} ({self.get_attribution_display()})"

    def parent_record(self):
        return self.fact

    def clean(self):
        if self.via_id and self.via_id == self.source_id:
            raise ValidationError({"via": "A source is not relayed through itself."})
        if self.content_type_id and not self.content_type.model_class():
            raise ValidationError({"content_type": "Cite a fact of the record."})
