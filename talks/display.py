"""How the record's uncertain dates and durations read in words, the same on pages, in CSV and in calendars."""

import calendar
import datetime

from talks.choices import DatePrecision, DateQualifier, DurationQualifier

QUALIFIER_WORDS = {
    DateQualifier.ABOUT: "about ",
    DateQualifier.BEFORE: "before ",
    DateQualifier.AFTER: "after ",
}


def day_text(day: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    if day is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


def date_range(day: datetime.date, precision: str, qualifier: str) -> tuple[datetime.date, datetime.date]:
    """The span a date may fall in, for drawing: a month's date is the whole month, 'about' a few days around it."""
    start = end = day
    if precision == DatePrecision.MONTH:
        start = day.replace(day=1)
        end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    elif precision == DatePrecision.YEAR:
        start, end = datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)
    if qualifier == DateQualifier.ABOUT:
        start, end = start - datetime.timedelta(days=3), end + datetime.timedelta(days=3)
    elif qualifier == DateQualifier.BEFORE:
        start = start - datetime.timedelta(days=30)
    elif qualifier == DateQualifier.AFTER:
        end = end + datetime.timedelta(days=30)
    return start, end


def meeting_day(meeting) -> datetime.date | None:
    """The day a round is placed on: its date, else its scheduled start in the venue's zone."""
    if meeting.date:
        return meeting.date
    if meeting.scheduled_start:
        return meeting.scheduled_start.astimezone(meeting.zone).date()
    return None


def is_uncertain(meeting) -> bool:
    return meeting.date_qualifier != DateQualifier.EXACT or meeting.date_precision in (
        DatePrecision.MONTH,
        DatePrecision.YEAR,
    )


def meeting_date_text(meeting) -> str:
    day = meeting_day(meeting)
    if meeting.date_qualifier == DateQualifier.UNKNOWN or day is None:
        return "date not known"
    precision = DatePrecision.DAY if meeting.date_precision == DatePrecision.EXACT else meeting.date_precision
    text = QUALIFIER_WORDS.get(meeting.date_qualifier, "") + day_text(day, precision)
    if meeting.date_qualifier == DateQualifier.UNDISCLOSED:
        text += " (exact date set, not disclosed)"
    return text


def duration_text(meeting) -> str:
    span = meeting.approx_duration
    if not span and meeting.started_at and meeting.ended_at:
        span = meeting.ended_at - meeting.started_at
    if not span:
        return ""
    minutes = round(span.total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    amount = " ".join(parts) or "under a minute"
    qualifier = meeting.duration_qualifier
    if qualifier == DurationQualifier.EXACT:
        return amount
    return f"{DurationQualifier(qualifier).label.lower()} {amount}"
