"""Redis stopped and restarted while reminders come due: none lost, none doubled, and the web app keeps serving
pages and the API while it is down (the cache degrades to misses). The Redis is the test's own."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from accounts.models import Reminder, Subscription
from accounts.reminders.rules import ROUND_STARTED
from tests.reminders.live import ThrowawayRedis, Worker, running, service_env, wait_for
from tests.reminders.seed import due_reminders

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
State = Reminder.State


def states(ids) -> dict[str, int]:
    found: dict[str, int] = {}
    for state in Reminder.objects.filter(pk__in=ids).values_list("state", flat=True):
        found[state] = found.get(state, 0) + 1
    return found


@pytest.fixture
def redis(tmp_path):
    server = ThrowawayRedis(tmp_path).start()
    yield server
    server.kill()


def cache_on(redis):
    return override_settings(
        CACHES={"default": {"BACKEND": "config.cache.ForgivingRedisCache", "LOCATION": redis.url, "TIMEOUT": 60}}
    )


def test_reminders_due_while_redis_is_down_are_sent_once_when_it_returns_and_the_site_stays_up(
    redis, smtp, test_database_url, queue_name, tmp_path, client, analyst
):
    env = service_env(
        database_url=test_database_url,
        redis_url=redis.url,
        smtp_port=smtp.port,
        queue=queue_name,
        REMINDER_QUEUE_LEASE=3,  # tasks the dead broker lost are queued again soon
    )
    before = due_reminders(10)
    with running(Worker("w1", env, tmp_path, beat=True)):
        wait_for(lambda: states(before) == {State.SENT: 10}, timeout=30, what="the first reminders")

        redis.kill()
        during = due_reminders(20)
        starts_during = due_reminders(5, round_in=datetime.timedelta(seconds=3))
        round_start = Reminder.objects.get(pk=starts_during[0]).round_start

        with cache_on(redis):
            client.force_login(analyst)
            Subscription.objects.create(user=analyst)
            assert client.get("/").status_code == 200
            assert client.get("/accounts/subscriptions/").status_code == 200
            api = client.get("/api/v1/subscriptions/")
            assert api.status_code == 200 and len(api.json()) == 1
            cache.set("page", "cached")
            assert cache.get("page") is None, "the cache misses instead of failing"
        wait_for(lambda: timezone.now() > round_start, timeout=10, what="the short round to start")
        assert states(during) == {State.PENDING: 20}, "nothing can be dispatched without the broker"

        redis.start()
        # Celery's consumer reconnects with a growing pause (kombu's 2 s steps up to 30 s, not configurable for the
        # consumer), so on a busy machine the worker may take a minute or more to notice Redis is back.
        wait_for(lambda: states(during) == {State.SENT: 20}, timeout=180, what="the reminders owed during the outage")
        wait_for(lambda: states(starts_during) == {State.SKIPPED: 5}, timeout=10, what="the late ones to be dropped")

    assert set(Reminder.objects.filter(pk__in=starts_during).values_list("skip_reason", flat=True)) == {ROUND_STARTED}
    deliveries = smtp.deliveries()
    assert len(deliveries) == 30 and set(deliveries.values()) == {1}
