"""With Redis unreachable the cache answers as an empty cache would, so requests never fail on it."""

import socket

import pytest

from config.cache import ForgivingRedisCache


@pytest.fixture
def dead_redis():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return ForgivingRedisCache(f"redis://127.0.0.1:{port}/0", {"OPTIONS": {"socket_connect_timeout": 1}})


def test_a_miss_returns_the_callers_default_even_when_passed_positionally(dead_redis):
    assert dead_redis.get("throttle_anon_127.0.0.1", []) == []
    assert dead_redis.get("key") is None
    assert dead_redis.get("key", default="fallback") == "fallback"


def test_writes_are_dropped_quietly(dead_redis):
    assert dead_redis.set("key", "value") is None
    assert dead_redis.add("key", "value") is False
    assert dead_redis.delete("key") is False
    assert dead_redis.get_many(["a", "b"]) == {}
    assert dead_redis.set_many({"a": 1}) == ["a"]
    assert dead_redis.touch("key") is False
