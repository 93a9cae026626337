"""Webhook reminders: a JSON POST signed with HMAC-SHA256 over timestamp and body, verified as the README says."""

import datetime
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import time_machine

from accounts.models import Reminder, Subscription
from accounts.reminders.delivery import reminder_deliver
from tests.reminders.conftest import NOW, at, schedule_round

pytestmark = pytest.mark.django_db
State = Reminder.State


class Receiver(BaseHTTPRequestHandler):
    answer = 204
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers), body))
        self.send_response(self.answer)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint(settings):
    settings.REMINDER_WEBHOOK_ALLOW_PRIVATE = True  # the test receiver listens on loopback
    Receiver.received, Receiver.answer = [], 204
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hooks/roundtable"
    server.shutdown()


@pytest.fixture
def queued(subscriber, track, endpoint):
    hook = Subscription.objects.create(user=subscriber, track=track, channel="webhook", webhook_url=endpoint)
    with time_machine.travel(NOW, tick=False):
        meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
    row = Reminder.objects.get(subscription=hook, lead=datetime.timedelta(hours=1))
    Reminder.objects.filter(pk=row.pk).update(state=State.QUEUED)
    return row, hook, meeting


def verify(secret: str, headers: dict, body: bytes) -> bool:
    """The receiver's side, exactly as documented in the README."""
    timestamp = headers["X-Roundtable-Timestamp"]
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers["X-Roundtable-Signature"], f"sha256={expected}")


def test_it_posts_a_signed_json_reminder(queued, settings):
    row, hook, meeting = queued

    with time_machine.travel(at(2025, 5, 16, 8, 30), tick=False):
        assert reminder_deliver(reminder_id=row.pk, claim="t") == "sent"

    ((headers, body),) = Receiver.received
    assert verify(hook.secret, headers, body)
    assert headers["X-Roundtable-Timestamp"] == str(int(at(2025, 5, 16, 8, 30).timestamp()))
    assert headers["X-Roundtable-Delivery"] == row.delivery_id
    assert json.loads(body) == {
        "delivery": row.delivery_id,
        "event": "round.reminder",
        "lead_minutes": 60,
        "round": {
            "id": meeting.pk,
            "title": str(meeting),
            "track": meeting.track.slug,
            "status": "scheduled",
            "scheduled_start": "2025-05-16T09:30:00+00:00",
            "venue_timezone": "Europe/Istanbul",
            "venue_city": "Istanbul",
            "venue_country": "TR",
            "url": f"{settings.SITE_URL}/rounds/{meeting.pk}/",
        },
    }


def test_a_tampered_body_or_another_secret_fails_verification(queued):
    row, hook, _ = queued
    with time_machine.travel(at(2025, 5, 16, 8, 30), tick=False):
        reminder_deliver(reminder_id=row.pk, claim="t")
    ((headers, body),) = Receiver.received

    assert not verify(hook.secret, headers, body.replace(b"Istanbul", b"Geneva"))
    assert not verify("another-secret", headers, body)


def test_an_endpoint_answering_an_error_is_recorded_and_tried_again(queued):
    row, _, _ = queued
    Receiver.answer = 503

    with time_machine.travel(at(2025, 5, 16, 8, 30), tick=False):
        assert reminder_deliver(reminder_id=row.pk, claim="t") == "retry"

    row.refresh_from_db()
    assert row.state == State.PENDING and row.attempts == 1
    assert row.last_error.startswith("HTTPError: HTTP Error 503")


def test_an_endpoint_on_a_private_address_is_refused_for_good(queued, settings):
    row, _, _ = queued
    settings.REMINDER_WEBHOOK_ALLOW_PRIVATE = False

    with time_machine.travel(at(2025, 5, 16, 8, 30), tick=False):
        assert reminder_deliver(reminder_id=row.pk, claim="t") == "failed"

    row.refresh_from_db()
    assert row.state == State.FAILED and "127.0.0.1, which is not a public address" in row.last_error
    assert Receiver.received == []
