"""Vocabularies shared across the record: one issue taxonomy for demands, outcomes and agenda items."""

from django.db import models


class IssueCategory(models.TextChoices):
    TERRITORIAL = "territorial", "Territorial"
    CEASEFIRE = "ceasefire", "Ceasefire"
    HUMANITARIAN = "humanitarian", "Humanitarian"
    POLITICAL = "political", "Political"
    SECURITY = "security", "Security"
    ECONOMIC = "economic", "Economic"
    LEGAL = "legal", "Legal and accountability"
    PROCEDURAL = "procedural", "Procedural"


class DatePrecision(models.TextChoices):
    EXACT = "exact", "Exact time"
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class DateQualifier(models.TextChoices):
    """How sure the record is of a date: reports often say 'about', 'before' or keep it secret."""

    EXACT = "exact", "As stated"
    ABOUT = "about", "About"
    BEFORE = "before", "Before"
    AFTER = "after", "After"
    UNDISCLOSED = "undisclosed", "Set but not disclosed"
    UNKNOWN = "unknown", "Not known"


class DurationQualifier(models.TextChoices):
    EXACT = "exact", "Exactly"
    ABOUT = "about", "About"
    NEARLY = "nearly", "Nearly"
    MORE_THAN = "more_than", "More than"
