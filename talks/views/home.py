from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from talks.models import Meeting, Track
from talks.permissions import can_see_drafts
from talks.querysets import visible_rounds
from talks.readers import readers_page


def visible_rounds_count(user) -> Count:
    live = Q(meetings__deleted_at__isnull=True)
    if not can_see_drafts(user):
        live &= Q(meetings__publication="published")
    return Count("meetings", filter=live)


@readers_page
def home(request):
    rounds = visible_rounds(request.user).select_related("track")
    context = {
        "upcoming": rounds.upcoming(timezone.now())[:6],
        "latest": rounds.filter(status__in=Meeting.TOOK_PLACE).order_by("-date", "-sequence")[:8],
        "tracks": Track.objects.visible_to(request.user)
        .filter(status=Track.Status.ACTIVE)
        .annotate(round_count=visible_rounds_count(request.user))
        .order_by("-started_on"),
        "other_tracks": Track.objects.visible_to(request.user).exclude(status=Track.Status.ACTIVE),
    }
    return render(request, "talks/home.html", context)
