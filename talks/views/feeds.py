from django.shortcuts import get_object_or_404

from talks import exports
from talks.models import Meeting, Track


def _rounds(user):
    return Meeting.objects.visible_to(user).filter(track__in=Track.objects.visible_to(user)).select_related("track")


def track_calendar(request, slug):
    track = get_object_or_404(Track.objects.visible_to(request.user), slug=slug)
    return exports.ical_response(track.name, _rounds(request.user).filter(track=track))


def all_tracks_calendar(request):
    return exports.ical_response("Negotiation rounds", _rounds(request.user))


def track_timelinejs(request, slug):
    track = get_object_or_404(Track.objects.visible_to(request.user), slug=slug)
    return exports.timelinejs_response(track, _rounds(request.user).filter(track=track).order_by("date", "sequence"))
