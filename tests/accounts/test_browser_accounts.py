"""Logging in and the account page in a real browser, at phone width too."""

import pytest

from tests.conftest import screenshot
from tests.editing.test_browser_log_round import fits_the_screen, log_in, watch_policy_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_logs_in_and_sets_a_time_zone(page, analyst):
    problems = watch_policy_violations(page)
    page.goto("/accounts/login/")
    screenshot(page, "login")
    log_in(page, "analyst", "pw-analyst", "/accounts/profile/")
    page.get_by_role("heading", name="Your profile").wait_for()
    page.get_by_label("Time zone").select_option("Europe/Kyiv")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your profile is saved.").wait_for()
    analyst.refresh_from_db()
    assert analyst.time_zone == "Europe/Kyiv"
    page.set_viewport_size({"width": 390, "height": 844})
    assert fits_the_screen(page)
    screenshot(page, "profile")
    assert problems == []
