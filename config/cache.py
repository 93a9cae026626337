"""A Redis cache that degrades to a miss when Redis is unreachable, so pages keep being served."""

import logging

from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)


class ForgivingRedisCache(RedisCache):
    def _forgive(self, name, default, *args, **kwargs):
        try:
            return getattr(super(), name)(*args, **kwargs)
        except Exception as error:  # redis-py raises ConnectionError, TimeoutError, ...
            log.warning("cache %s failed, carrying on without the cache: %s", name, error)
            return default

    def get(self, *args, **kwargs):
        return self._forgive("get", kwargs.get("default"), *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._forgive("set", None, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._forgive("add", False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._forgive("delete", False, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._forgive("get_many", {}, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._forgive("set_many", [], *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._forgive("incr", 0, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._forgive("touch", False, *args, **kwargs)
