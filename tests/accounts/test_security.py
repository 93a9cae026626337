"""Deployment hardening, the Content-Security-Policy, clickjacking, and markup typed into fields shown as text."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import MeetingFactory, OutcomeFactory, StatementFactory

ROOT = Path(__file__).resolve().parents[2]
MARKUP = '<script>alert("x")</script>'


def test_the_deploy_check_reports_nothing_with_production_settings(tmp_path):
    # A clean environment, as a server has: nothing of the test run (DEBUG, DJANGO_ALLOW_ASYNC_UNSAFE) leaks in.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "roundtable.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
    }
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.django_db
def test_every_page_sends_a_policy_without_inline_scripts_and_refuses_frames(client):
    response = client.get("/accounts/login/")
    policy = response.headers["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'self'" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_markup_typed_into_fields_is_shown_as_text_everywhere(client, editor):
    meeting = MeetingFactory(title=MARKUP, summary=MARKUP, venue_city=MARKUP, publication="published")
    outcome = OutcomeFactory(meeting=meeting, summary=MARKUP)
    StatementFactory(meeting=meeting, text=MARKUP, speaker=None, speaker_description=MARKUP)
    meeting.venue_place = MARKUP
    meeting._change_reason = MARKUP
    meeting.save()
    pages = [f"/rounds/{meeting.pk}/", f"/tracks/{meeting.track.slug}/"]
    editor_pages = [
        "/edit/",
        f"/edit/rounds/{meeting.pk}/",
        f"/edit/rounds/{meeting.pk}/details/",
        f"/edit/outcomes/{outcome.pk}/progress/",
        f"/edit/sources/talks.meeting/{meeting.pk}/",
        f"/edit/delete/talks.meeting/{meeting.pk}/",
        f"/history/talks.meeting/{meeting.pk}/",
        "/admin/talks/meeting/",
        f"/admin/talks/meeting/{meeting.pk}/change/",
        f"/admin/talks/meeting/{meeting.pk}/history/",
    ]
    for url in pages:
        assert_escaped(client.get(url), url)
    client.force_login(editor)
    for url in pages + editor_pages:
        assert_escaped(client.get(url), url)


def assert_escaped(response, url):
    assert response.status_code == 200, url
    body = response.content.decode()
    assert MARKUP not in body, url
    assert "&lt;script&gt;" in body, url
