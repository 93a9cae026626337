"""Reminders for machines: a JSON POST signed with the subscription's secret (see README, "Verifying webhooks")."""

import hashlib
import hmac
import ipaddress
import json
import socket
import time
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings

from accounts.models import Reminder
from accounts.reminders.content import message_context

SIGNATURE_HEADER = "X-Roundtable-Signature"
TIMESTAMP_HEADER = "X-Roundtable-Timestamp"
DELIVERY_HEADER = "X-Roundtable-Delivery"


class WebhookError(Exception):
    pass


class WebhookRefused(WebhookError):
    """Not worth retrying: the endpoint is one we will not post to."""


def refuse_private(url: str) -> None:
    """Readers choose the URL: never let it point the server at its own network (loopback, private ranges)."""
    if settings.REMINDER_WEBHOOK_ALLOW_PRIVATE:
        return
    host = urlsplit(url).hostname or ""
    for *_, address in socket.getaddrinfo(host, None):
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global:
            raise WebhookRefused(f"{host} resolves to {ip}, which is not a public address")


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 over "<timestamp>.<body>": the timestamp is signed too, so an old body cannot be replayed."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def payload(reminder: Reminder) -> dict:
    context = message_context(reminder)
    meeting = reminder.meeting
    return {
        "delivery": reminder.delivery_id,
        "event": f"round.{reminder.kind}",
        "lead_minutes": int(reminder.lead.total_seconds() // 60) if reminder.lead else None,
        "round": {
            "id": meeting.pk,
            "title": str(meeting),
            "track": meeting.track.slug,
            "status": meeting.status,
            "scheduled_start": reminder.round_start.isoformat() if reminder.round_start else None,
            "venue_timezone": meeting.venue_timezone,
            "venue_city": meeting.venue_city,
            "venue_country": meeting.venue_country,
            "url": context["round_url"],
        },
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a misconfigured endpoint: following it would drop the body or post it somewhere unsigned for."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post(reminder: Reminder) -> None:
    refuse_private(reminder.subscription.webhook_url)
    body = json.dumps(payload(reminder), separators=(",", ":"), sort_keys=True).encode()
    timestamp = str(int(time.time()))
    request = urllib.request.Request(
        reminder.subscription.webhook_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Roundtable-Webhook/1",
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: signature(reminder.subscription.secret, timestamp, body),
            DELIVERY_HEADER: reminder.delivery_id,
        },
    )
    with _opener.open(request, timeout=settings.REMINDER_WEBHOOK_TIMEOUT) as response:
        if not 200 <= response.status < 300:
            raise WebhookError(f"the endpoint answered {response.status}")
