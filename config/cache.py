"""A Redis cache that degrades to a miss when Redis is unreachable, so pages keep being served."""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)


class ForgivingRedisCache(RedisCache):
    def _forgive(self, name, fallback, *args, **kwargs):
        try:
            return getattr(super(), name)(*args, **kwargs)
        except Exception as error:  # redis-py raises ConnectionError, TimeoutError, ...
            log.warning("cache %s failed, carrying on without the cache: %s", name, error)
            return fallback

    def get(self, key, default=None, version=None):
        # Callers such as DRF's throttles pass the default positionally and rely on getting it back.
        return self._forgive("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgive("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgive("add", False, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._forgive("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._forgive("get_many", {}, keys, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgive("set_many", list(data), data, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._forgive("incr", delta, key, delta, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgive("touch", False, key, timeout, version)
