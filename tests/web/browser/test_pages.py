"""Every analyst page in a real browser: it draws, filters through the URL, links citations, passes axe-core,
and leaves desktop and phone screenshots to look at."""

import icalendar
import pytest

from tests.conftest import screenshot
from tests.web.browser.conftest import violations

pytestmark = pytest.mark.browser


def visit(page, url: str, name: str):
    page.goto(url)
    assert violations(page) == [], url
    screenshot(page, name)


def test_the_home_page_shows_the_demo_track_round_and_swap(page, record):
    visit(page, "/", "home")
    main = page.locator("main")
    assert main.get_by_role("link", name="Russia–Ukraine direct talks, Istanbul (2025)").first.is_visible()
    assert "1,000 for 1,000" in main.inner_text()
    assert "Date set, not disclosed" in main.inner_text()
    countdown = page.locator(".countdown").first.inner_text()
    assert countdown.startswith("in 3 days"), countdown  # rewritten by the script in the reader's clock


def test_the_timeline_draws_and_the_filters_live_in_the_url(page, record):
    track = record["busy"]["track"]
    visit(page, track.get_absolute_url(), "track-timeline")
    assert page.locator("#timeline .round-marker").count() == 8
    assert page.locator("#timeline rect.range").count() == 1  # the undisclosed autumn date
    assert page.locator("#rounds tbody tr").count() == 8
    page.get_by_label("Status", exact=True).select_option("proposed")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**status=proposed**")
    assert page.locator("#rounds tbody tr").count() == 1
    assert page.locator("#timeline .round-marker").count() == 1
    shared = page.url
    page.goto(shared)
    assert page.get_by_label("Status", exact=True).input_value() == "proposed"


def test_the_demo_round_cites_every_fact_and_the_citations_reach_the_sources(page, record):
    visit(page, record["demo"].get_absolute_url(), "round-demo")
    cites = page.locator("main a.cite")
    assert cites.count() >= 14
    cites.first.click()
    assert page.url.endswith("#source-1")
    assert page.locator("#source-1").is_visible()
    assert "Euromaidan Press" in page.locator("#source-1").inner_text()
    assert page.get_by_role("heading", name="Sources").is_visible()


def test_the_position_tracker_and_a_demand(page, record):
    visit(page, f"/tracks/{record['busy']['track'].slug}/positions/", "positions")
    assert page.locator("#positions tbody tr").count() == 1
    visit(page, record["busy"]["demand"].get_absolute_url(), "demand")


def test_the_swap_pages_draw_progress_and_the_chart(page, record):
    visit(page, "/swaps/", "swaps")
    assert page.locator("#swap-chart path.line").count() >= 2
    visit(page, record["swap"].get_absolute_url(), "swap-detail")
    assert page.locator("#swap-chart .dot").count() == 8  # four stages, two sides
    assert "(sides disagree)" in page.locator("main").inner_text()
    from exchanges.models import SwapAgreement

    demo_swap = SwapAgreement.objects.get(meeting=record["demo"])
    page.goto("/swaps/")
    page.locator(f'a[href="{demo_swap.get_absolute_url()}"]').first.click()
    assert "Nothing carried out yet" in page.locator("main").inner_text()
    assert "Date set, not disclosed" in page.locator("main").inner_text()


def test_people_parties_and_search(page, record):
    visit(page, "/people/", "people")
    visit(page, "/people/rustem-umerov/", "person")
    visit(page, "/parties/ukraine/", "party")
    page.goto("/")
    page.get_by_label("Search the record").fill("Zelenskiy")
    page.get_by_label("Search the record").press("Enter")
    page.wait_for_url("**/search/?q=Zelenskiy")
    assert page.get_by_role("heading", name="People").is_visible()
    assert violations(page) == []
    screenshot(page, "search")


def test_the_calendar_feed_parses(page, record):
    response = page.request.get(page.base_url + "/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.body())
    assert len(calendar.walk("VEVENT")) >= 9


def test_markup_typed_by_an_editor_shows_as_text(page, record):
    meeting = record["demo"]
    meeting.summary = "<script>window.injected = 1</script><b>bold?</b>"
    meeting.save()
    page.goto(meeting.get_absolute_url())
    assert page.evaluate("window.injected") is None
    assert "<script>window.injected = 1</script><b>bold?</b>" in page.locator(".lead").inner_text()


def test_the_keyboard_reaches_the_content_first(page, record):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_the_browser_reports_the_readers_zone(browser, live_server, record):
    context = browser.new_context(base_url=live_server.url, timezone_id="Asia/Tokyo")
    tab = context.new_page()
    tab.goto("/")
    assert any(c["name"] == "tz" and c["value"] == "Asia%2FTokyo" for c in context.cookies())
    tab.goto(record["demo"].get_absolute_url())
    assert "Asia/Tokyo" in tab.get_by_role("contentinfo").inner_text()
    context.close()
