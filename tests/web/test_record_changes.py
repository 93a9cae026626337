"""Each record says when and by whom it last changed; editors get a link to its history."""

import pytest

from tests import factories as f
from tests.web.html import text


@pytest.mark.parametrize(
    "role, sees_link", [("anonymous", False), ("analyst", False), ("editor", True), ("admin", True)]
)
def test_only_editors_see_the_history_link(client, cast, role, sees_link):
    meeting = f.MeetingFactory()
    if cast[role]:
        client.force_login(cast[role])
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert (f'href="/history/talks.meeting/{meeting.pk}/"' in html) is sees_link
    assert "Last changed" in html


def test_it_names_who_changed_the_record_last(client, editor):
    meeting = f.MeetingFactory()
    meeting.history.update(history_user=editor)
    assert "by editor" in text(client.get(meeting.get_absolute_url()))
