"""An editor logs a round from the form in a real browser, at desktop and at phone width, then publishes it."""

import pytest

from talks.models import Meeting
from tests.conftest import VIEWPORTS, screenshot
from tests.factories import PersonFactory, SourceFactory, StateFactory, TrackFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(editor):
    track = TrackFactory(name="Istanbul talks")
    StateFactory(name="Ukraine", country_code="UA")
    StateFactory(name="Russia", country_code="RU")
    PersonFactory(name="Rustem Umerov")
    PersonFactory(name="Vladimir Medinsky")
    SourceFactory(outlet="Reuters", title="Talks open in Istanbul")
    return track


def log_in(page, username, password, next_url):
    page.goto(f"/accounts/login/?next={next_url}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def watch_policy_violations(page) -> list[str]:
    problems = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_editor_logs_a_round_from_the_form(page, scene, width):
    page.set_viewport_size(VIEWPORTS[width])
    problems = watch_policy_violations(page)
    log_in(page, "editor", "pw-editor", "/edit/rounds/new/")
    page.get_by_role("heading", name="Log a round").wait_for()

    page.locator('[name="meeting-track"]').select_option(label="Istanbul talks")
    page.locator('[name="meeting-title"]').fill("First round")
    page.locator('[name="meeting-venue_city"]').fill("Istanbul")
    page.locator('[name="meeting-venue_country"]').fill("TR")
    page.locator('[name="meeting-started_at"]').fill("2025-05-16T13:30")
    page.locator('[data-formset="delegations"] > summary').click()
    page.locator('[name="delegations-0-party"]').select_option(label="Ukraine")
    page.locator('[name="delegations-0-head"]').select_option(label="Rustem Umerov")
    page.locator('[data-formset="delegations"] button.add-row').click()
    page.locator('[name="delegations-1-party"]').select_option(label="Russia")
    page.locator('[name="delegations-1-head"]').select_option(label="Vladimir Medinsky")
    page.locator('[data-formset="outcomes"] > summary').click()
    page.locator('[name="outcomes-0-summary"]').fill("Exchange 1,000 prisoners for 1,000")
    page.locator('[name="outcomes-0-kind"]').select_option("agreement")
    page.locator('[name="outcomes-0-category"]').select_option("humanitarian")
    page.locator('[data-formset="outcomes"] details.cite summary').click()
    page.locator('[name="outcomes-0-new_source_outlet"]').fill("The Telegraph")
    page.locator('[name="outcomes-0-new_source_url"]').fill("https://example.org/telegraph")
    assert fits_the_screen(page)
    screenshot(page, f"log-round-form-{width}")

    # A round that took place needs its date: the error shows by the field and nothing typed is lost.
    page.locator('[name="meeting-started_at"]').fill("")
    page.get_by_role("button", name="Save as draft").click()
    error = page.locator(".field.has-error", has=page.locator('[name="meeting-date"]'))
    assert "needs at least its date" in error.inner_text()
    assert page.locator('[name="outcomes-0-new_source_outlet"]').input_value() == "The Telegraph"
    assert page.locator('[name="delegations-1-party"]').locator("option:checked").inner_text() == "Russia"
    screenshot(page, f"log-round-error-{width}")

    page.locator('[name="meeting-date"]').fill("2025-05-16")
    page.get_by_role("button", name="Save as draft").click()
    page.get_by_text("is saved as a draft").wait_for()
    meeting = Meeting.objects.get(title="First round")
    assert meeting.delegations.count() == 2 and meeting.outcomes.get().citations.count() == 1
    assert fits_the_screen(page)
    screenshot(page, f"round-update-{width}")

    page.get_by_role("button", name="Publish the round and its drafts").click()
    page.get_by_text("Published").first.wait_for()
    meeting.refresh_from_db()
    assert meeting.is_published and meeting.outcomes.get().is_published
    assert problems == []


def test_the_admin_works_under_the_content_security_policy(page, scene):
    problems = watch_policy_violations(page)
    log_in(page, "editor", "pw-editor", "/admin/talks/meeting/add/")
    page.locator('[name="venue_city"]').wait_for()
    screenshot(page, "admin-meeting-add")
    page.get_by_text("Add another Meeting session").click()
    assert page.locator('[name="sessions-0-sequence"]').is_visible()
    assert problems == []


def test_two_editors_on_one_round_the_second_sees_both_versions(page, browser, live_server, scene, admin):
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(track=scene, title="Round one")
    other = browser.new_context(viewport=VIEWPORTS["phone"], base_url=live_server.url).new_page()
    for tab, (username, password) in ((page, ("editor", "pw-editor")), (other, ("admin", "pw-admin"))):
        log_in(tab, username, password, f"/edit/rounds/{meeting.pk}/details/")
        tab.locator('[name="title"]').wait_for()
    page.locator('[name="title"]').fill("Istanbul talks, first round")
    page.locator('[name="edit_note"]').fill("Official name")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved").wait_for()

    other.locator('[name="title"]').fill("First round in Istanbul")
    other.get_by_role("button", name="Save").click()
    other.get_by_role("heading", name="Someone changed this while you were editing").wait_for()
    row = other.locator("tr.differs", has=other.get_by_text("Title"))
    assert "Istanbul talks, first round" in row.inner_text() and "First round in Istanbul" in row.inner_text()
    assert fits_the_screen(other)
    screenshot(other, "edit-conflict")
    meeting.refresh_from_db()
    assert meeting.title == "Istanbul talks, first round"
    other.context.close()
