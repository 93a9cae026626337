"""Incremental sync: a client that applies each sync's changes and deletions ends with exactly the server's data."""

import datetime

import pytest
import time_machine

from talks.models import Meeting
from tests import factories as f
from tests.api import factories as parts

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2025, 5, 16, 9, 0, tzinfo=datetime.UTC)


def pages(client, url):
    while url:
        body = client.get(url).json()
        yield from body["results"]
        url = body["next"]


class Replica:
    """What a data desk keeps: rows by id, refreshed with updated_since and pruned with the deletions feed."""

    def __init__(self, client, resource: str, model_label: str):
        self.client, self.resource, self.label = client, resource, model_label
        self.rows: dict[int, dict] = {}
        self.since = None

    def sync(self, now):
        query = f"?updated_since={self.since.isoformat().replace('+00:00', 'Z')}" if self.since else ""
        for row in pages(self.client, f"/api/v1/{self.resource}/{query}{'&' if query else '?'}page_size=2"):
            self.rows[row["id"]] = row
        for tombstone in pages(self.client, f"/api/v1/deletions/{query}"):
            if tombstone["type"] == self.label:
                self.rows.pop(tombstone["id"], None)
        self.since = now


def server_rows(client, resource):
    return {row["id"]: row for row in pages(client, f"/api/v1/{resource}/?page_size=500")}


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_a_client_ends_equal_to_the_server(as_role, role):
    client = as_role(role)
    track = f.TrackFactory()
    with time_machine.travel(T0, tick=False):
        kept, changed, deleted, withdrawn = (f.MeetingFactory(track=track) for _ in range(4))
        replica = Replica(client, "meetings", "talks.meeting")
        replica.sync(T0)
    assert set(replica.rows) == {kept.pk, changed.pk, deleted.pk, withdrawn.pk}

    with time_machine.travel(T0 + datetime.timedelta(hours=1), tick=False):
        created = f.MeetingFactory(track=track)
        draft = f.MeetingFactory(track=track, publication="draft", published_at=None)
        changed.title = "Changed"
        changed.save()
        parts.SessionFactory(meeting=kept)  # a part changed: the round is fetched again
        deleted.soft_delete()
        withdrawn.publication = "draft"
        withdrawn.save()
        replica.sync(T0 + datetime.timedelta(hours=1))

    assert replica.rows == server_rows(client, "meetings")
    expected = {kept.pk, changed.pk, created.pk} | ({draft.pk, withdrawn.pk} if role == "editor" else set())
    assert set(replica.rows) == expected


def test_a_hard_deleted_part_is_in_the_feed(editor_api):
    session = parts.SessionFactory()
    pk = session.pk
    session.delete()
    feed = editor_api.get("/api/v1/deletions/?type=talks.meetingsession").json()["results"]
    assert [(t["type"], t["id"], t["reason"]) for t in feed] == [("talks.meetingsession", pk, "deleted")]


def test_a_record_published_again_leaves_the_feed(api):
    meeting = f.MeetingFactory()
    meeting.publication = "draft"
    meeting.save()
    assert api.get("/api/v1/deletions/").json()["results"][0]["reason"] == "unpublished"
    meeting.publish()
    assert api.get("/api/v1/deletions/").json()["results"] == []
    assert Meeting.objects.published().filter(pk=meeting.pk).exists()


def test_editors_are_not_told_to_drop_drafts(editor_api):
    meeting = f.MeetingFactory()
    meeting.publication = "draft"
    meeting.save()
    assert editor_api.get("/api/v1/deletions/").json()["results"] == []


def test_sync_pages_by_update_time_so_a_row_changed_while_paging_is_not_lost(api):
    with time_machine.travel(T0, tick=False):
        rows = [f.PartyFactory() for _ in range(4)]
    first = api.get(f"/api/v1/parties/?updated_since={T0.isoformat().replace('+00:00', 'Z')}&page_size=2").json()
    seen = {row["id"] for row in first["results"]}
    with time_machine.travel(T0 + datetime.timedelta(minutes=5), tick=False):
        rows[0].name = "Renamed while paging"
        rows[0].save()
    seen |= {row["id"] for row in pages(api, first["next"])}
    assert seen == {row.pk for row in rows}
