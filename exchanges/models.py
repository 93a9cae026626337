"""Prisoner exchanges: what a round agreed, each tranche carried out since, and each side's own figures."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from talks.choices import DatePrecision
from talks.models import Meeting, Outcome, Party, Source
from talks.models.actors import iso_country
from talks.models.base import Citable, Publishable, Recorded


class Category(models.TextChoices):
    PRISONERS_OF_WAR = "prisoners_of_war", "Prisoners of war"
    CIVILIANS = "civilians", "Civilians"
    WOUNDED_ILL = "wounded_ill", "Wounded and ill"
    BODIES = "bodies", "Bodies of the fallen"
    UNSPECIFIED = "unspecified", "Prisoners (category not stated)"


class SwapAgreement(Publishable, Citable):
    class DateStatus(models.TextChoices):
        NOT_SET = "not_set", "No date set"
        SET_UNDISCLOSED = "set_undisclosed", "Date set, not disclosed"
        DISCLOSED = "disclosed", "Date disclosed"

    class Status(models.TextChoices):
        AGREED = "agreed", "Agreed"
        IN_IMPLEMENTATION = "in_implementation", "In implementation"
        COMPLETED = "completed", "Completed"
        STALLED = "stalled", "Stalled"
        COLLAPSED = "collapsed", "Collapsed"

    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="swap_agreements",
        help_text="The round where it was agreed.",
    )
    outcome = models.OneToOneField(
        Outcome, null=True, blank=True, on_delete=models.SET_NULL, related_name="swap_agreement"
    )
    side_a = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    side_b = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    formula = models.CharField(max_length=100, help_text='As announced, e.g. "1,000 for 1,000".')
    mediators = models.ManyToManyField(Party, blank=True, related_name="mediated_swap_agreements")
    date_status = models.CharField(max_length=16, choices=DateStatus.choices, default=DateStatus.NOT_SET)
    planned_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AGREED)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(side_a=F("side_b")),
                name="swap_agreement_two_sides",
                violation_error_message="A swap has two different sides.",
            ),
            models.CheckConstraint(
                condition=Q(date_status="disclosed", planned_date__isnull=False) | ~Q(date_status="disclosed"),
                name="swap_agreement_disclosed_has_date",
                violation_error_message="A disclosed date needs the date.",
            ),
        ]
        indexes = [
            # The overdue-swap nudge looks for agreements whose planned date has passed.
            models.Index(fields=["status", "planned_date"], name="swap_agreement_due_idx"),
        ]

    def __str__(self):
        return f"{self.side_a} – {self.side_b}: {self.formula}"

    def get_absolute_url(self):
        return reverse("swap-detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.side_a_id and self.side_a_id == self.side_b_id:
            raise ValidationError({"side_b": "A swap has two different sides."})
        if self.date_status == self.DateStatus.DISCLOSED and not self.planned_date:
            raise ValidationError({"planned_date": "A disclosed date needs the date."})
        if self.date_status != self.DateStatus.DISCLOSED and self.planned_date:
            raise ValidationError({"date_status": "A planned date is given: mark the date as disclosed."})

    @property
    def sides(self) -> tuple:
        return (self.side_a, self.side_b)

    def progress(self) -> list["SideProgress"]:
        """Carried out against agreed, per side and category, from the stages; reads prefetched rows."""
        by_side = {party.pk: SideProgress(party=party) for party in self.sides}
        for quota in self.quotas.all():
            by_side[quota.releasing_side_id].add_agreed(quota.category, quota.count)
        for stage in self.stages.all():
            if stage.status != SwapStage.Status.CARRIED_OUT or stage.deleted_at:
                continue
            for (side_id, category), (low, high) in stage.figures().items():
                if side_id in by_side:
                    by_side[side_id].add_released(category, low, high)
        return list(by_side.values())


@dataclass
class CategoryProgress:
    category: str
    agreed: int = 0
    released_low: int = 0
    released_high: int = 0

    @property
    def label(self) -> str:
        return Category(self.category).label

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.released_low / self.agreed)) if self.agreed else 0

    @property
    def disputed(self) -> bool:
        return self.released_low != self.released_high


@dataclass
class SideProgress:
    """What one side was to release and has released; low and high differ when the sides' figures do."""

    party: Party
    categories: dict[str, CategoryProgress] = field(default_factory=dict)

    def _row(self, category: str) -> CategoryProgress:
        return self.categories.setdefault(category, CategoryProgress(category))

    def add_agreed(self, category: str, count: int) -> None:
        self._row(category).agreed += count

    def add_released(self, category: str, low: int, high: int) -> None:
        row = self._row(category)
        row.released_low += low
        row.released_high += high

    @property
    def agreed(self) -> int:
        return sum(row.agreed for row in self.categories.values())

    @property
    def released_low(self) -> int:
        return sum(row.released_low for row in self.categories.values())

    @property
    def released_high(self) -> int:
        return sum(row.released_high for row in self.categories.values())

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.released_low / self.agreed)) if self.agreed else 0


class SwapQuota(Recorded):
    """How many people of a category one side agreed to release."""

    agreement = models.ForeignKey(SwapAgreement, on_delete=models.CASCADE, related_name="quotas")
    releasing_side = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=20, choices=Category.choices)
    count = models.PositiveIntegerField()

    parent_field = "agreement"

    class Meta:
        ordering = ["agreement", "releasing_side", "category"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "releasing_side", "category"], name="swap_quota_unique"),
        ]

    def __str__(self):
        return f"{self.releasing_side} releases {self.count} ({self.get_category_display()})"

    def clean(self):
        if self.agreement_id and self.releasing_side_id not in (self.agreement.side_a_id, self.agreement.side_b_id):
            raise ValidationError({"releasing_side": "The releasing side must be one of the agreement's sides."})


class SwapStage(Publishable, Citable):
    """One tranche: planned, carried out or aborted. Progress is computed from these, never typed in."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        CARRIED_OUT = "carried_out", "Carried out"
        ABORTED = "aborted", "Aborted"

    agreement = models.ForeignKey(SwapAgreement, null=True, blank=True, on_delete=models.PROTECT, related_name="stages")
    side_a = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    side_b = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    handover_place = models.CharField(max_length=200, blank=True)
    handover_country = models.CharField(max_length=2, blank=True, validators=[iso_country])
    mediator = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)

    parent_field = "agreement"

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(side_a=F("side_b")),
                name="swap_stage_two_sides",
                violation_error_message="A swap has two different sides.",
            ),
        ]

    def __str__(self):
        return f"{self.side_a} – {self.side_b}, {self.date or 'date unknown'} ({self.get_status_display()})"

    def clean(self):
        errors = {}
        if self.side_a_id and self.side_a_id == self.side_b_id:
            errors["side_b"] = "A swap has two different sides."
        if self.agreement_id:
            agreed = {self.agreement.side_a_id, self.agreement.side_b_id}
            if {self.side_a_id, self.side_b_id} != agreed:
                errors["agreement"] = "A stage of an agreement is between the agreement's two sides."
        if self.status == self.Status.CARRIED_OUT and not self.date:
            errors["date"] = "A stage carried out needs its date."
        if errors:
            raise ValidationError(errors)

    def figures(self) -> dict[tuple[int, str], tuple[int, int]]:
        """(releasing side, category) -> (lowest, highest) count among the claims (prefetched)."""
        counts: dict[tuple[int, str], list[int]] = defaultdict(list)
        for claim in self.claims.all():
            counts[(claim.releasing_side_id, claim.category)].append(claim.count)
        return {key: (min(values), max(values)) for key, values in counts.items()}


class SwapClaim(Recorded):
    """One party's figure for one stage: the sides often report different numbers, so each is kept."""

    stage = models.ForeignKey(SwapStage, on_delete=models.CASCADE, related_name="claims")
    claimant = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+", help_text="Who reports it.")
    releasing_side = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=20, choices=Category.choices)
    count = models.PositiveIntegerField()
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    parent_field = "stage"

    class Meta:
        ordering = ["stage", "releasing_side", "category", "claimant"]
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "claimant", "releasing_side", "category"], name="swap_claim_unique"
            ),
        ]

    def __str__(self):
        return f"{self.claimant}: {self.releasing_side} released {self.count} ({self.get_category_display()})"

    def clean(self):
        if self.stage_id and self.releasing_side_id not in (self.stage.side_a_id, self.stage.side_b_id):
            raise ValidationError({"releasing_side": "The releasing side must be one of the stage's sides."})
