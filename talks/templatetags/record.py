"""Template helpers for the record: numbered citations, disputed versions, times in two zones, last change."""

import zoneinfo

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from talks import display

register = template.Library()


@register.simple_tag(takes_context=True)
def cite(context, fact):
    """[1][2] links to the sources list at the foot of the page."""
    notes = context.get("notes")
    if notes is None or fact is None:
        return ""
    refs = notes.for_fact(fact)
    if not refs:
        return format_html('<span class="uncited">{}</span>', "(no source yet)")
    links = format_html_join(
        "",
        '<a href="#{}" class="cite" aria-label="Source {}">[{}]</a>',
        ((note.anchor, note.number, note.number) for note in refs),
    )
    return format_html('<sup class="cites">{}</sup>', links)


@register.inclusion_tag("talks/includes/versions.html", takes_context=True)
def versions(context, fact):
    """Where sources disagree, every version beside the sources that give it."""
    notes = context.get("notes")
    if fact is None or notes is None:
        return {"disputed": False}
    refs = notes.for_fact(fact)
    if not fact.is_disputed:
        return {"disputed": False}
    return {"disputed": True, "refs": [n for n in refs if n.citation.claim or n.citation.stance == "contradicts"]}


def _zone(name) -> zoneinfo.ZoneInfo:
    if isinstance(name, zoneinfo.ZoneInfo):
        return name
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _clock(moment, zone) -> str:
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b %Y, %H:%M} {local:%Z}".replace(" +", " UTC+").replace(" -", " UTC-")


@register.simple_tag(takes_context=True)
def moment(context, value, venue_zone=None):
    """A time in the venue's zone, and in the reader's when it differs."""
    if not value:
        return ""
    venue = _zone(venue_zone) if venue_zone else None
    reader = context.get("reader_zone") or zoneinfo.ZoneInfo("UTC")
    first = venue or reader
    text = format_html(
        '<time datetime="{}">{}</time> <span class="zone">({})</span>', value.isoformat(), _clock(value, first), first
    )
    if venue and str(venue) != str(reader):
        text = format_html(
            '{} <span class="reader-time">{} <span class="zone">your time, {}</span></span>',
            text,
            _clock(value, reader),
            reader,
        )
    return text


@register.filter
def when(meeting):
    return display.meeting_date_text(meeting)


@register.filter
def duration(meeting):
    return display.duration_text(meeting)


@register.simple_tag(takes_context=True)
def last_change(context, record, label):
    """When and by whom the record last changed (annotated on the queryset), and its history for editors."""
    changed = getattr(record, "updated_at", None)
    if changed is None:
        return ""
    by = getattr(record, "last_changed_by", None) or "the system"
    text = format_html(
        'Last changed <time datetime="{}">{}</time> by {}', changed.isoformat(), f"{changed:%d %b %Y}", by
    )
    if context.get("reader_edits"):
        url = reverse("record-history", args=[label, record.pk])
        text = format_html('{} · <a href="{}">Change history</a>', text, url)
    return format_html('<p class="changed">{}</p>', text)


ACTION_SYMBOLS = {
    "raised": "●",
    "reiterated": "↻",
    "modified": "✎",
    "accepted": "✓",
    "rejected": "✗",
    "withdrawn": "⊘",
}


@register.filter
def action_symbol(action: str) -> str:
    return ACTION_SYMBOLS.get(action, "•")


@register.simple_tag
def query_with(request, **changes):
    """The current query string with some parameters replaced, for links that keep the filters."""
    params = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return format_html("?{}", encoded)


@register.filter
def round_label(meeting) -> str:
    """'Round 2' or 'Round 2 · Istanbul round': the number first, so rounds read in order."""
    return f"Round {meeting.sequence} · {meeting.title}" if meeting.title else f"Round {meeting.sequence}"
