"""The pages where a signed-in user creates, lists and revokes their tokens."""

import re

import pytest

from accounts.models import ApiToken
from tests.conftest import screenshot

pytestmark = pytest.mark.django_db


def test_it_asks_to_sign_in_first(client):
    response = client.get("/accounts/tokens/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_shows_a_new_key_once(client, analyst):
    client.force_login(analyst)
    response = client.post("/accounts/tokens/", {"name": "spreadsheet"}, follow=True)
    key = re.search(r"rt_[\w-]+", response.content.decode()).group(0)
    assert ApiToken.objects.for_key(key).user == analyst
    assert key not in client.get("/accounts/tokens/").content.decode()


def test_it_lists_only_the_users_own_tokens_with_their_last_use(client, analyst, editor):
    ApiToken.issue(editor, "editor's")
    token, _ = ApiToken.issue(analyst, "mine")
    client.force_login(analyst)
    body = client.get("/accounts/tokens/").content.decode()
    assert "mine" in body and token.prefix in body and "never" in body and "editor&#x27;s" not in body


def test_a_duplicate_name_is_refused(client, analyst):
    ApiToken.issue(analyst, "mine")
    client.force_login(analyst)
    response = client.post("/accounts/tokens/", {"name": "mine"})
    assert response.status_code == 400 and "already have" in response.content.decode()


def test_a_user_revokes_only_their_own(client, analyst, editor):
    theirs, _ = ApiToken.issue(editor, "theirs")
    mine, _ = ApiToken.issue(analyst, "mine")
    client.force_login(analyst)
    assert client.post(f"/accounts/tokens/{theirs.pk}/revoke/").status_code == 404
    assert client.get(f"/accounts/tokens/{mine.pk}/revoke/").status_code == 405
    client.post(f"/accounts/tokens/{mine.pk}/revoke/")
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert not mine.is_active and theirs.is_active


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_user_makes_uses_and_revokes_a_token_in_the_browser(page, analyst, live_server):
    page.goto("/accounts/login/?next=/accounts/tokens/")
    page.fill("input[name=username]", "analyst")
    page.fill("input[name=password]", "pw-analyst")
    page.get_by_role("button", name="Log in").click()
    page.fill("input[name=name]", "newsroom importer")
    page.click("button:has-text('Create token')")
    key = page.inner_text("[data-testid=new-key]")
    screenshot(page, "api-tokens")
    response = page.request.get(f"{live_server.url}/api/v1/parties/", headers={"Authorization": f"Token {key}"})
    assert response.status == 200
    page.click("button:has-text('Revoke')")
    assert "revoked" in page.inner_text("main")
    response = page.request.get(f"{live_server.url}/api/v1/parties/", headers={"Authorization": f"Token {key}"})
    assert response.status == 401
