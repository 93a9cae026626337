"""Bad input anywhere in the editing pages gets a 4xx naming what is wrong, and changes nothing."""

import pytest

from talks.models import Citation, Meeting
from tests.factories import MeetingFactory, OutcomeFactory, SwapAgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    meeting = MeetingFactory()
    return {"meeting": meeting, "outcome": OutcomeFactory(meeting=meeting), "agreement": SwapAgreementFactory()}


def junk_requests(r):
    m, o, a = r["meeting"].pk, r["outcome"].pk, r["agreement"].pk
    return [
        (f"/edit/rounds/{m}/status/", {"status-status": "exploded", "status-version": "x"}),
        (f"/edit/rounds/{m}/status/", {"status-status": "held"}),
        (f"/edit/rounds/{m}/details/", {"track": "999999", "version": "x", "venue_timezone": "UTC"}),
        (f"/edit/rounds/{m}/sessions/", {"session-status": "held", "session-started_at": "31/31/2025"}),
        (f"/edit/rounds/{m}/sessions/", {"session-status": "nope"}),
        (f"/edit/outcomes/{o}/progress/", {"as_of": "never", "status": "agreed"}),
        (f"/edit/outcomes/{o}/progress/", {"as_of": "2025-06-01", "status": "agreed", "cite_source": "abc"}),
        (f"/edit/sources/talks.outcome/{o}/", {"new_source_outlet": "AP", "new_source_url": "not a url"}),
        (f"/edit/sources/talks.outcome/{o}/", {"new_source_outlet": "x" * 500, "attribution": "gossip"}),
        (f"/swaps/{a}/stages/new/", {"status": "carried_out", "date": "2025-13-01", "released_by_a": "many"}),
        (f"/swaps/{a}/stages/new/", {"status": "planned", "mediator": "-3", "handover_country": "Turkey"}),
    ]


@pytest.mark.parametrize("index", range(11))
def test_bad_input_is_refused_with_a_message_and_changes_nothing(client, editor, record, index):
    url, data = junk_requests(record)[index]
    meeting = record["meeting"]
    before = (meeting.updated_at, Citation.objects.count(), meeting.sessions.count())
    client.force_login(editor)
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.updated_at, Citation.objects.count(), meeting.sessions.count()) == before


@pytest.mark.parametrize(
    "url",
    [
        "/edit/rounds/999999/",
        "/edit/rounds/999999/details/",
        "/edit/outcomes/999999/progress/",
        "/edit/sources/talks.meeting/999999/",
        "/edit/sources/..%2F..%2Fetc/1/",
        "/edit/delete/talks.meeting/999999/",
        "/swaps/999999/stages/new/",
        "/history/talks.meeting/1/restore/999999/",
    ],
)
def test_what_does_not_exist_is_not_found(client, editor, record, url):
    client.force_login(editor)
    count = Meeting.objects.count()
    assert client.post(url, {}).status_code == 404
    assert Meeting.objects.count() == count
