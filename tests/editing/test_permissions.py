"""Every editing page and write, for every role: anonymous readers log in first, analysts are refused,
editors and admins get through. The admin site asks the same check."""

import pytest

from talks.services import version_of
from tests.factories import MeetingFactory, OutcomeFactory, SwapAgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    meeting = MeetingFactory(publication="draft", published_at=None)
    return {
        "meeting": meeting,
        "outcome": OutcomeFactory(meeting=meeting),
        "agreement": SwapAgreementFactory(meeting=meeting),
        "version": meeting.history.first(),
    }


def requests(r):
    """(method, url, data) for each page and write; the data is valid, so an allowed request succeeds."""
    m, o, a = r["meeting"], r["outcome"], r["agreement"]
    meeting_fields = {
        "track": m.track_id,
        "sequence": m.sequence,
        "status": "held",
        "format": "direct",
        "level": "senior_officials",
        "date": "2025-05-16",
        "date_qualifier": "exact",
        "venue_timezone": "Europe/Istanbul",
        "version": version_of(m),
    }
    return [
        ("get", "/edit/", None),
        ("get", "/edit/rounds/new/", None),
        ("post", "/edit/rounds/new/", "log"),
        ("get", f"/edit/rounds/{m.pk}/", None),
        ("get", f"/edit/rounds/{m.pk}/details/", None),
        ("post", f"/edit/rounds/{m.pk}/details/", meeting_fields),
        ("post", f"/edit/rounds/{m.pk}/status/", {"status-status": "paused", "status-version": version_of(m)}),
        ("post", f"/edit/rounds/{m.pk}/sessions/", {"session-status": "held"}),
        ("get", f"/edit/outcomes/{o.pk}/progress/", None),
        (
            "post",
            f"/edit/outcomes/{o.pk}/progress/",
            {"as_of": "2025-06-01", "status": "agreed", "attribution": "media_report"},
        ),
        ("get", f"/edit/sources/talks.outcome/{o.pk}/", None),
        (
            "post",
            f"/edit/sources/talks.outcome/{o.pk}/",
            {"new_source_outlet": "AP", "attribution": "media_report", "stance": "supports"},
        ),
        ("get", f"/swaps/{a.pk}/stages/new/", None),
        (
            "post",
            f"/swaps/{a.pk}/stages/new/",
            {"status": "planned", "category": "prisoners_of_war", "attribution": "media_report"},
        ),
        ("get", f"/history/talks.meeting/{m.pk}/", None),
        ("post", f"/history/talks.meeting/{m.pk}/restore/{r['version'].history_id}/", {}),
        ("post", f"/edit/rounds/{m.pk}/publish/", {}),
        ("get", f"/edit/delete/talks.outcome/{o.pk}/", None),
        ("post", f"/edit/delete/talks.outcome/{o.pk}/", {}),
    ]


def log_data(meeting, round_post):
    return round_post(
        meeting={
            "track": meeting.track_id,
            "status": "held",
            "format": "direct",
            "level": "senior_officials",
            "date": "2025-06-02",
            "date_qualifier": "exact",
            "venue_timezone": "Europe/Istanbul",
            "attribution": "media_report",
        }
    )


@pytest.mark.parametrize("index", range(19))
@pytest.mark.parametrize("role", ["anonymous", "analyst", "editor", "admin"])
def test_the_permission_matrix(client, cast, record, round_post, role, index):
    method, url, data = requests(record)[index]
    if data == "log":
        data = log_data(record["meeting"], round_post)
    if cast[role]:
        client.force_login(cast[role])
    response = getattr(client, method)(url, data) if method == "post" else client.get(url)
    if role == "anonymous":
        assert response.status_code == 302 and response.url.startswith("/accounts/login/?next=")
    elif role == "analyst":
        assert response.status_code == 403
    else:
        assert response.status_code in (200, 302), response.content.decode()[:2000]
        if response.status_code == 302:
            assert "/accounts/login/" not in response.url


def test_the_matrix_covers_every_editing_url(record):
    from django.urls import resolve

    from talks.editing.urls import urlpatterns

    covered = {resolve(url).url_name for _, url, _ in requests(record)}
    expected = {p.name for p in urlpatterns} | {"swap-stage-add", "record-history", "record-restore"}
    assert expected <= covered


@pytest.mark.parametrize("role", ["anonymous", "analyst"])
def test_nothing_changes_when_refused(client, cast, record, round_post, role):
    if cast[role]:
        client.force_login(cast[role])
    meeting = record["meeting"]
    for method, url, data in requests(record):
        if method == "post":
            client.post(url, log_data(meeting, round_post) if data == "log" else data)
    meeting.refresh_from_db()
    assert meeting.status == "held" and meeting.publication == "draft" and meeting.deleted_at is None
    assert not meeting.sessions.exists() and meeting.track.meetings.count() == 1


@pytest.mark.parametrize(("role", "status"), [("analyst", 302), ("editor", 200), ("admin", 200)])
def test_the_admin_asks_the_same_check(client, cast, record, role, status):
    user = cast[role]
    user.is_staff = True
    user.save()
    client.force_login(user)
    response = client.get(f"/admin/talks/meeting/{record['meeting'].pk}/change/")
    assert response.status_code in ((302, 403) if status == 302 else (200,))


@pytest.mark.parametrize(("role", "allowed"), [("analyst", False), ("editor", False), ("admin", True)])
def test_only_admins_manage_users_and_send_invitations(client, cast, role, allowed):
    user = cast[role]
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert (client.get("/admin/accounts/user/").status_code == 200) is allowed
    assert (client.get("/accounts/invite/").status_code == 200) is allowed
    assert (client.post("/accounts/invite/", {"email": "x@example.org", "role": "Admin"}).status_code == 302) is allowed


def test_the_publish_button_only_shows_to_those_who_may_publish(client, editor, record):
    client.force_login(editor)
    assert "Publish the round" in client.get(f"/edit/rounds/{record['meeting'].pk}/").content.decode()


def test_csrf_is_required_on_every_write(editor, record, round_post):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    for method, url, data in requests(record):
        if method == "post":
            assert client.post(url, {} if data == "log" else data).status_code == 403, url
