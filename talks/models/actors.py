"""Who takes part: parties (states, organisations), people with their names and time-bound roles, and areas."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q

from talks.fulltext import DocumentIndex, document
from talks.models.base import Recorded

iso_country = RegexValidator(r"^[A-Z]{2}$", "Use the two capital letters of ISO 3166-1 alpha-2, e.g. UA.")
iso_subdivision = RegexValidator(
    r"^[A-Z]{2}-[A-Z0-9]{1,3}$", "Use an ISO 3166-2 code: country, hyphen, subdivision, e.g. UA-14."
)


class Party(Recorded):
    class Kind(models.TextChoices):
        STATE = "state", "State"
        ORGANISATION = "organisation", "International organisation"
        NON_STATE = "non_state", "Non-state actor"

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATE)
    country_code = models.CharField(max_length=2, blank=True, validators=[iso_country])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(
                fields=["country_code"], condition=~Q(country_code=""), name="party_country_code_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind="state", country_code__regex=r"^[A-Z]{2}$") | ~Q(kind="state"),
                name="party_state_has_country_code",
                violation_error_message="A state needs its ISO 3166-1 country code.",
            ),
        ]

    def __str__(self):
        return self.short_name or self.name


class Person(Recorded):
    name = models.CharField(max_length=200, help_text="The name as the record spells it in English.")
    native_name = models.CharField(max_length=200, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="people", help_text="Usual side."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [DocumentIndex(document("name", "native_name"), name="person_search_idx")]

    def __str__(self):
        return self.name

    def role_at(self, day: date | None) -> "PersonRole | None":
        """The role held on that day; reads prefetched roles, so a page of members costs no extra query."""
        if day is None:
            return None
        held = [role for role in self.roles.all() if role.held_on(day)]
        return max(held, key=lambda role: role.started_on, default=None)

    def title_at(self, day: date | None) -> str:
        role = self.role_at(day)
        return role.title if role else ""


class PersonAlias(Recorded):
    """Other spellings and transliterations (Zelensky, Zelenskiy, Зеленський), so search finds every one."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    language = models.CharField(max_length=16, blank=True, help_text="BCP 47 tag of the script or language.")

    parent_field = "person"

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="person_alias_unique")]
        indexes = [DocumentIndex(document("name"), name="person_alias_search_idx")]

    def __str__(self):
        return self.name


class PersonRole(Recorded):
    """A post held for a time: a round shows the title held on its own date, not today's."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    organisation = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True, help_text="Empty while the post is held.")

    parent_field = "person"

    class Meta:
        ordering = ["person", "started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="person_role_ends_after_start",
                violation_error_message="A role cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.title}"

    def held_on(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


class Area(Recorded):
    """A place a demand or outcome concerns, named by its ISO 3166-2 code where it has one."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        REGION = "region", "Region (oblast, province)"
        CITY = "city", "City"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REGION)
    iso_code = models.CharField(max_length=6, blank=True, validators=[iso_subdivision])
    country_code = models.CharField(max_length=2, validators=[iso_country])

    class Meta:
        ordering = ["country_code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["iso_code"], condition=~Q(iso_code=""), name="area_iso_code_unique"),
        ]

    def __str__(self):
        return f"{self.name} ({self.iso_code})" if self.iso_code else self.name

    def clean(self):
        if self.iso_code and self.country_code and not self.iso_code.startswith(f"{self.country_code}-"):
            raise ValidationError(
                {"iso_code": f"An area of {self.country_code} has a code starting {self.country_code}-."}
            )
