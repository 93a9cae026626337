from django.shortcuts import get_object_or_404, render

from talks import querysets
from talks.footnotes import Footnotes
from talks.models import Meeting
from talks.permissions import can_see_drafts
from talks.readers import readers_page


def neighbours(meeting, user) -> tuple:
    """The previous and next round of the same track that this reader may see."""
    rounds = Meeting.objects.visible_to(user).filter(track_id=meeting.track_id)  # the track is visible: we are on it
    previous = rounds.filter(sequence__lt=meeting.sequence).order_by("-sequence").first()
    following = rounds.filter(sequence__gt=meeting.sequence).order_by("sequence").first()
    return previous, following


def demands_raised(meeting) -> list[dict]:
    """This round's step for each demand, beside where the demand stands now."""
    rows = []
    for event in meeting.demand_events.all():
        rows.append({"event": event, "demand": event.demand, "now": event.demand.latest_event()})
    return rows


@readers_page
def meeting_detail(request, pk):
    meeting = get_object_or_404(querysets.round_page(request.user), pk=pk)
    previous, following = neighbours(meeting, request.user)
    follows = meeting.follows
    if follows and not (follows.is_published or can_see_drafts(request.user)):
        follows = None
    context = {
        "meeting": meeting,
        "notes": Footnotes(),
        "previous": previous,
        "next": following,
        "follows": follows,
        "followed_by": querysets.visible_rounds(request.user)
        .filter(follows=meeting)
        .exclude(track_id=meeting.track_id)
        .select_related("track"),
        "demands": demands_raised(meeting),
    }
    return render(request, "talks/meeting_detail.html", context)
