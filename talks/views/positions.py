from django.shortcuts import get_object_or_404, render

from talks import exports, querysets
from talks.filters import PositionFilter
from talks.footnotes import Footnotes
from talks.models import Meeting, Track
from talks.readers import readers_page
from talks.views.tracks import track_parties


def matrix(demands, rounds) -> list[dict]:
    """One row per demand, one cell per round: the steps the demand took at that round."""
    rows = []
    for demand in demands:
        by_round = {}
        for event in demand.events.all():
            by_round.setdefault(event.meeting_id, []).append(event)
        rows.append({"demand": demand, "cells": [by_round.get(r.pk, []) for r in rounds], "now": demand.latest_event()})
    return rows


@readers_page
def position_tracker(request, slug):
    track = get_object_or_404(Track.objects.visible_to(request.user), slug=slug)
    form = PositionFilter(request.GET or None, parties=track_parties(track))
    demands = querysets.demands_with_history(request.user).filter(track=track)
    status = 200
    if form.is_bound and form.is_valid():
        demands = form.apply(demands)
    elif form.is_bound:
        demands, status = demands.none(), 400
    rounds = list(Meeting.objects.visible_to(request.user).filter(track=track).order_by("sequence"))
    demands = list(demands)
    if request.GET.get("export") == "csv" and status == 200:
        return exports.csv_response(
            f"{track.slug}-positions.csv",
            ["demand", "made by", "addressed to", "topic", "kind", *[f"round {r.sequence}" for r in rounds], "now"],
            (
                [
                    row["demand"].summary,
                    str(row["demand"].made_by),
                    str(row["demand"].addressed_to or ""),
                    row["demand"].get_category_display(),
                    row["demand"].get_kind_display(),
                    *["; ".join(e.get_action_display() for e in cell) for cell in row["cells"]],
                    row["now"].get_action_display() if row["now"] else "",
                ]
                for row in matrix(demands, rounds)
            ),
        )
    context = {"track": track, "form": form, "rounds": rounds, "rows": matrix(demands, rounds)}
    return render(request, "talks/position_tracker.html", context, status=status)


@readers_page
def demand_detail(request, pk):
    demand = get_object_or_404(querysets.demands_with_history(request.user), pk=pk)
    statements = querysets.visible_statements(request.user).filter(demand=demand)
    context = {
        "demand": demand,
        "notes": Footnotes(),
        "statements": statements,
        "visible_rounds": set(
            Meeting.objects.visible_to(request.user).filter(track_id=demand.track_id).values_list("pk", flat=True)
        ),
    }
    return render(request, "talks/demand_detail.html", context)
