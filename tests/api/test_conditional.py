"""ETags on every read, 304 when nothing changed, 412 when a write is based on a stale read."""

import threading

import pytest
from django.db import connection

from tests import factories as f
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/api/v1/meetings/", "/api/v1/meetings/{pk}/", "/api/v1/meetings/{pk}/?include=outcomes"]
)
def test_every_read_has_an_etag_and_answers_304_while_unchanged(api, url):
    meeting = f.MeetingFactory()
    url = url.format(pk=meeting.pk)
    first = api.get(url)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"] and not again.content
    meeting.title = "Renamed"
    meeting.save()
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_csv_and_json_have_different_etags(api):
    url = f"/api/v1/meetings/{f.MeetingFactory().pk}/"
    assert api.get(f"{url}?format=json")["ETag"] != api.get(f"{url}?format=csv")["ETag"]


def test_a_write_with_the_current_etag_succeeds_and_returns_the_new_one(editor_api):
    meeting = f.MeetingFactory()
    etag = editor_api.get(f"/api/v1/meetings/{meeting.pk}/")["ETag"]
    response = editor_api.patch(f"/api/v1/meetings/{meeting.pk}/", {"title": "A"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert editor_api.get(f"/api/v1/meetings/{meeting.pk}/")["ETag"] == response["ETag"]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_stale_etag_gets_412_and_changes_nothing(editor_api, method):
    meeting = f.MeetingFactory(title="Original")
    url = f"/api/v1/meetings/{meeting.pk}/"
    stale = editor_api.get(url)
    body = {k: v for k, v in stale.json().items() if k not in ("url", "id")}
    assert editor_api.patch(url, {"title": "First editor"}, format="json").status_code == 200
    response = getattr(editor_api, method)(
        url, {**body, "title": "Second editor"}, format="json", HTTP_IF_MATCH=stale["ETag"]
    )
    assert response.status_code == 412
    meeting.refresh_from_db()
    assert (meeting.title, meeting.deleted_at) == ("First editor", None)


def test_two_editors_racing_with_one_etag_cannot_both_win(editor, admin):
    """Both read the same version; exactly one write passes If-Match, the other gets 412."""
    meeting = f.MeetingFactory(title="Original")
    url = f"/api/v1/meetings/{meeting.pk}/"
    clients = [client_for(editor), client_for(admin)]
    etag = clients[0].get(url)["ETag"]
    statuses = [
        client.patch(url, {"title": f"Editor {n}"}, format="json", HTTP_IF_MATCH=etag).status_code
        for n, client in enumerate(clients)
    ]
    assert sorted(statuses) == [200, 412]
    meeting.refresh_from_db()
    assert meeting.title == "Editor 0"


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_concurrent_writes_with_one_etag_let_exactly_one_through(editor, admin):
    """On PostgreSQL the row is locked while If-Match is checked, so two threads cannot both pass it."""
    meeting = f.MeetingFactory(title="Original")
    url = f"/api/v1/meetings/{meeting.pk}/"
    clients = [client_for(editor), client_for(admin)]
    etag = clients[0].get(url)["ETag"]
    statuses, barrier = [], threading.Barrier(2)

    def write(client, n):
        barrier.wait()
        try:
            statuses.append(client.patch(url, {"title": f"E{n}"}, format="json", HTTP_IF_MATCH=etag).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(c, n)) for n, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [200, 412]


def test_if_match_star_and_no_header_write_unconditionally(editor_api):
    meeting = f.MeetingFactory()
    url = f"/api/v1/meetings/{meeting.pk}/"
    assert editor_api.patch(url, {"title": "A"}, format="json", HTTP_IF_MATCH="*").status_code == 200
    assert editor_api.patch(url, {"title": "B"}, format="json").status_code == 200
