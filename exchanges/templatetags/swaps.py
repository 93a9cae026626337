"""Swap panels for pages of the record (home, round): talks' templates load them, talks' code never imports them."""

from django import template

from exchanges import querysets
from exchanges.models import SwapAgreement

register = template.Library()


@register.inclusion_tag("exchanges/includes/in_progress.html", takes_context=True)
def swaps_in_progress(context):
    user = context["request"].user
    open_statuses = [SwapAgreement.Status.AGREED, SwapAgreement.Status.IN_IMPLEMENTATION, SwapAgreement.Status.STALLED]
    agreements = querysets.agreements_with_progress(user).filter(status__in=open_statuses)[:6]
    return {"rows": [{"agreement": a, "progress": a.progress()} for a in agreements]}


@register.inclusion_tag("exchanges/includes/agreed_at.html", takes_context=True)
def swaps_agreed_at(context, meeting):
    user = context["request"].user
    agreements = querysets.agreements_with_progress(user).filter(meeting=meeting)
    return {"rows": [{"agreement": a, "progress": a.progress()} for a in agreements]}


@register.filter
def disputed_percent(side) -> int:
    """The width of the bar between the lowest and highest figure the sides give."""
    if not side.agreed:
        return 0
    high = min(100, round(100 * side.released_high / side.agreed))
    return max(0, high - side.percent)


@register.filter
def figures_by_release(stage) -> list[dict]:
    """One row per releasing side and category, with every side's figure for it (reads prefetched claims)."""
    rows: dict[tuple, dict] = {}
    for claim in stage.claims.all():
        key = (claim.releasing_side_id, claim.category)
        row = rows.setdefault(
            key, {"releasing_side": claim.releasing_side, "category": claim.get_category_display(), "claims": []}
        )
        row["claims"].append(claim)
    for row in rows.values():
        row["disputed"] = len({c.count for c in row["claims"]}) > 1
    return list(rows.values())
