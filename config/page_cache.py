"""A cache of the reading pages as anonymous readers see them, dropped on every write to the record.

A breaking story sends thousands of readers to one round page, nearly all without an account. Such a page is
rendered once per version of the record (talks.record_version: any committed write moves it), address, host and
reader's time zone (times are shown in it), then served from the cache. Only views marked `@readers_page`
(talks.readers: the page is the same for every anonymous reader) are kept; only GET, only without a session or a
pending message, and never a response that sets a cookie. Off unless PAGE_CACHE_SECONDS is set and the cache is
shared by every process (Redis); production sets it with REDIS_URL.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache

from config.api_cache import PREFIX as API_PREFIX
from config.api_cache import cache_key, stored_response


def anonymous_page_read(request) -> bool:
    return (
        request.method == "GET"
        and not request.path.startswith(API_PREFIX)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def keepable(response) -> bool:
    return (
        getattr(response, "for_every_reader", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)

    def __call__(self, request):
        if not self.seconds or not anonymous_page_read(request):
            return self.get_response(request)
        key = cache_key(request, "page")
        hit = cache.get(key)
        if hit is not None:
            return stored_response(*hit)
        response = self.get_response(request)
        if keepable(response):
            cache.set(key, (list(response.items()), response.content), self.seconds)
        return response
