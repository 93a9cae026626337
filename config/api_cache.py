"""A cache of rendered API responses for anonymous readers, dropped on every write to the record.

Only reads that are anonymous by construction are cached: GET or HEAD under /api/, no Authorization header and no
session cookie, so every such reader sees the same published record. The key is the record's version
(talks.record_version: any committed write moves it), the path with its query, the Accept header (JSON, CSV),
the Host (links in the JSON are absolute) and the reader's time zone (times are shown in it). A hit is still
counted by the API's rate limits, answers If-None-Match with 304 like the API, and replays the headers the
view produced. Off unless API_RESPONSE_CACHE_SECONDS is set and the cache is shared by every process (Redis).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from rest_framework.settings import api_settings

from talks import record_version
from talks.api import conditional

PREFIX = "/api/"


def anonymous_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and request.path.startswith(PREFIX)
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cache_key(request, kind: str = "api-response") -> str:
    """The key of what an anonymous reader is shown: per version of the record, address, format, host and zone."""
    zone = getattr(getattr(request, "reader_zone", None), "key", "UTC")
    parts = [request.method, request.get_full_path(), request.META.get("HTTP_ACCEPT", ""), request.get_host(), zone]
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return f"{kind}:{record_version.current()}:{digest}"


def cacheable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "ETag" in response  # the API's own reads carry one; anything else is left alone
    )


class ApiResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = getattr(settings, "API_RESPONSE_CACHE_SECONDS", 0)

    def __call__(self, request):
        if not self.seconds or not anonymous_read(request):
            return self.get_response(request)
        key = cache_key(request)
        hit = cache.get(key)
        if hit is not None and self.within_rate_limits(request):
            return self.replay(request, *hit)
        # A miss, or a reader over the limit: the view answers (and refuses with its own 429).
        response = self.get_response(request)
        if hit is None and cacheable(response):
            cache.set(key, (list(response.items()), response.content), self.seconds)
        return response

    def within_rate_limits(self, request) -> bool:
        """The API's own throttles (every one is asked, as DRF does), so a cached answer counts like any other."""
        allowed = [throttle().allow_request(request, None) for throttle in api_settings.DEFAULT_THROTTLE_CLASSES]
        return all(allowed)

    def replay(self, request, headers, content):
        stored = dict(headers)
        if conditional.matches(request.headers.get("If-None-Match"), stored.get("ETag", "")):
            response = HttpResponseNotModified()
            for name in ("ETag", "Vary"):
                if name in stored:
                    response[name] = stored[name]
            return response
        return stored_response(headers, content)


def stored_response(headers, content) -> HttpResponse:
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response
