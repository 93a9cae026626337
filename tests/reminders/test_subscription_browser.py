"""A reader subscribes, changes and stops reminders in a real browser, by labels alone."""

import pytest

from accounts.models import Subscription
from tests.conftest import screenshot
from tests.factories import TrackFactory

pytestmark = pytest.mark.browser


def test_a_reader_subscribes_to_a_track_and_unsubscribes(page, transactional_db, django_user_model):
    TrackFactory(name="Istanbul talks")
    django_user_model.objects.create_user("reader", email="reader@example.org", password="pw-reader-123")
    page.goto("/accounts/login/?next=/accounts/subscriptions/")
    page.get_by_label("Username").fill("reader")
    page.get_by_label("Password").fill("pw-reader-123")
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="New subscription").click()
    page.get_by_label("Track").select_option(label="Istanbul talks")
    page.get_by_label("1 week").check()
    page.get_by_label("1 hour").uncheck()
    screenshot(page, "subscription-form")
    page.get_by_role("button", name="Subscribe").click()

    row = page.get_by_role("listitem").filter(has_text="Istanbul talks")
    assert "1 week, 24 hours before" in row.inner_text()
    screenshot(page, "subscription-list")
    assert Subscription.objects.get().lead_minutes == [10080, 1440]

    page.get_by_role("button", name="Unsubscribe from Istanbul talks").click()
    assert page.get_by_text("You have no subscriptions yet.").is_visible()
