"""The analyst's pages, one module per family of pages."""

from talks.views.actors import party_detail, people_index, person_detail
from talks.views.feeds import all_tracks_calendar, track_calendar, track_timelinejs
from talks.views.home import home
from talks.views.positions import demand_detail, position_tracker
from talks.views.rounds import meeting_detail
from talks.views.search import search
from talks.views.tracks import track_detail

__all__ = [
    "all_tracks_calendar",
    "demand_detail",
    "home",
    "meeting_detail",
    "party_detail",
    "people_index",
    "person_detail",
    "position_tracker",
    "search",
    "track_calendar",
    "track_detail",
    "track_timelinejs",
]
