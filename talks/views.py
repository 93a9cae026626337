from django.shortcuts import get_object_or_404, render

from talks.models import Demand, Meeting, Track


def home(request):
    tracks = Track.objects.visible_to(request.user)
    return render(request, "talks/home.html", {"tracks": tracks})


def track_detail(request, slug):
    track = get_object_or_404(Track.objects.visible_to(request.user), slug=slug)
    meetings = track.meetings.visible_to(request.user).order_by("sequence")
    return render(request, "talks/track_detail.html", {"track": track, "meetings": meetings})


def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user).select_related("track"), pk=pk)
    return render(request, "talks/meeting_detail.html", {"meeting": meeting})


def demand_detail(request, pk):
    demand = get_object_or_404(Demand.objects.visible_to(request.user), pk=pk)
    return render(request, "talks/demand_detail.html", {"demand": demand})
