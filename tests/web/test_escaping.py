"""Text an editor types is shown as text, never run as markup."""

from tests import factories as f
from tests.web import builders

PAYLOAD = "<script>alert('x')</script>"


def test_markup_in_the_record_is_escaped_on_every_page(client, db):
    data = builders.busy_track(1)
    meeting = data["meetings"][0]
    meeting.title = meeting.summary = PAYLOAD
    meeting.save()
    data["demand"].summary = PAYLOAD
    data["demand"].save()
    statement = f.StatementFactory(meeting=meeting, text=PAYLOAD)
    builders.cite(statement, f.SourceFactory(outlet=PAYLOAD), excerpt=PAYLOAD, claim=PAYLOAD)
    for url in (
        "/",
        meeting.get_absolute_url(),
        data["track"].get_absolute_url(),
        f"/tracks/{data['track'].slug}/positions/",
        data["demand"].get_absolute_url(),
        "/search/?q=alert",
        "/search/?q=" + PAYLOAD,
    ):
        html = client.get(url).content.decode()
        assert PAYLOAD not in html, url
