"""Reminder emails: subject, text and HTML from three templates per kind, one .ics, one-click unsubscribe."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from accounts.models import Reminder
from accounts.reminders.calendar import round_calendar
from accounts.reminders.content import message_context, site_host

Kind = Reminder.Kind


def render(name: str, context: dict) -> tuple[str, str, str]:
    """The one helper every email goes through: templates/emails/<name>-{subject.txt,body.txt,body.html}."""
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
    text = render_to_string(f"emails/{name}-body.txt", context)
    html = render_to_string(f"emails/{name}-body.html", context)
    return subject, text, html


def build(reminder: Reminder) -> EmailMultiAlternatives:
    context = message_context(reminder)
    subject, text, html = render(reminder.kind, context)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [reminder.user.email], headers=_headers(reminder, context)
    )
    message.attach_alternative(html, "text/html")
    if reminder.meeting_id and reminder.kind not in Reminder.NUDGES and reminder.round_start:
        cancelled = reminder.kind == Kind.CANCELLED
        ics = round_calendar(reminder.meeting, reminder.round_start, cancelled=cancelled)
        method = "CANCEL" if cancelled else "PUBLISH"
        message.attach(f"round-{reminder.meeting_id}.ics", ics, f"text/calendar; method={method}")
    return message


def _headers(reminder: Reminder, context: dict) -> dict:
    headers = {
        # The same id on every attempt: a copy sent again after a crash is recognisable as the same message.
        "Message-ID": f"<reminder-{reminder.delivery_id}@{site_host()}>",
        "X-Roundtable-Delivery": reminder.delivery_id,
        "Auto-Submitted": "auto-generated",
    }
    if "unsubscribe_url" in context:
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    return headers


def send(reminder: Reminder) -> None:
    build(reminder).send(fail_silently=False)
