"""The admin shows the demo round in a real browser."""

import io

import pytest
from django.core.management import call_command

from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def test_an_editor_finds_the_demo_round_in_the_admin(page, transactional_db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    password = (tmp_path / "demo-editor-password").read_text()
    page.goto("/admin/")
    page.get_by_label("Username").fill("demo-editor")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Meetings").click()
    page.get_by_role("link", name="Russia–Ukraine direct talks, Istanbul (2025): First round").click()
    assert page.get_by_label("Venue city").input_value() == "Istanbul"
    screenshot(page, "admin-demo-round")
