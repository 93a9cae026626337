"""The reader's time zone: the account's, else the one the browser reports in a cookie, else UTC."""

import zoneinfo
from urllib.parse import unquote

from django.utils import timezone

COOKIE = "tz"


def zone_named(name: str | None) -> zoneinfo.ZoneInfo | None:
    """A zone from an untrusted name (a cookie); None when it is not an IANA zone."""
    if not name or len(name) > 64:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def reader_zone(request) -> zoneinfo.ZoneInfo:
    user = getattr(request, "user", None)
    # UTC is the account default, so it says nothing of a choice: the browser's zone is a better guess then.
    chosen = getattr(user, "time_zone", "") if user is not None and user.is_authenticated else ""
    if chosen and chosen != "UTC" and zone_named(chosen):
        return zone_named(chosen)
    return zone_named(unquote(request.COOKIES.get(COOKIE, ""))) or zoneinfo.ZoneInfo("UTC")


class ReaderTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.reader_zone = reader_zone(request)
        timezone.activate(request.reader_zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
