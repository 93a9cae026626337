from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from talks import exports, querysets, timeline
from talks.filters import RoundFilter
from talks.models import Meeting, Party, Track
from talks.readers import readers_page


def track_parties(track):
    """The parties of a track: its participants and every party that sent a delegation to one of its rounds."""
    return (
        Party.objects.filter(Q(track_roles__track=track) | Q(delegations__meeting__track=track))
        .distinct()
        .order_by("name")
    )


def next_round(rounds, now):
    """The next scheduled round among those listed, for the countdown at the top of the track."""
    upcoming = [
        m for m in rounds if m.status == Meeting.Status.SCHEDULED and m.scheduled_start and m.scheduled_start >= now
    ]
    return min(upcoming, key=lambda m: m.scheduled_start, default=None)


@readers_page
def track_detail(request, slug):
    track = get_object_or_404(querysets.with_last_change(Track.objects.visible_to(request.user)), slug=slug)
    form = RoundFilter(request.GET or None, parties=track_parties(track))
    rounds = querysets.timeline_rounds(request.user).filter(track=track)
    if form.is_bound and not form.is_valid():
        context = {"track": track, "form": form, "rounds": [], "invalid": True}
        return render(request, "talks/track_detail.html", context, status=400)
    if form.is_bound:
        rounds = form.apply(rounds)
    rounds = list(rounds)
    if request.GET.get("export") == "csv":
        return exports.csv_response(f"{track.slug}-rounds.csv", exports.ROUND_HEADER, exports.round_rows(rounds))
    context = {
        "track": track,
        "form": form,
        "rounds": rounds,
        "timeline": timeline.build(rounds, today=timezone.localdate()),
        "legend": timeline.legend(),
        "next_round": next_round(rounds, timezone.now()),
    }
    return render(request, "talks/track_detail.html", context)
