"""An editor reads a record's history and restores an earlier version, in a real browser."""

import pytest

from tests.conftest import screenshot
from tests.editing.test_browser_log_round import fits_the_screen, log_in, watch_policy_violations
from tests.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_restores_an_earlier_version_with_a_note(page, editor):
    meeting = MeetingFactory(venue_city="Istanbul")
    meeting.venue_city = "Geneva"
    meeting._change_reason = "Moved, says one wire"
    meeting.save()
    problems = watch_policy_violations(page)
    log_in(page, "editor", "pw-editor", f"/history/talks.meeting/{meeting.pk}/")
    page.get_by_role("heading", name="History of").wait_for()
    page.get_by_label("Edit note").last.fill("Wire was wrong")
    page.get_by_role("button", name="Restore this version").last.click()
    page.get_by_text("Restored").first.wait_for()
    meeting.refresh_from_db()
    assert meeting.venue_city == "Istanbul"
    assert "Wire was wrong" in page.locator("table.history").inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    assert fits_the_screen(page)
    screenshot(page, "record-history")
    assert problems == []
