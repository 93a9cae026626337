"""API tokens: several per user, stored hashed, shown once, revocable, with their last use."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from accounts.models import ApiToken
from accounts.models.tokens import hash_key

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2025, 5, 16, 12, 0, tzinfo=datetime.UTC)


def test_it_stores_only_a_hash_and_a_short_prefix(editor):
    token, key = ApiToken.issue(editor, "importer")
    assert key.startswith("rt_") and len(key) > 40
    assert token.key_hash == hash_key(key) and key not in token.key_hash
    assert key.startswith(token.prefix) and len(token.prefix) == 11


def test_a_user_has_several_named_tokens(editor):
    ApiToken.issue(editor, "importer")
    ApiToken.issue(editor, "notebook")
    assert editor.api_tokens.active().count() == 2


def test_it_records_the_last_use_at_most_once_a_minute(api, editor):
    token, key = ApiToken.issue(editor, "importer")
    with time_machine.travel(NOON, tick=False):
        api.get("/api/v1/parties/", HTTP_AUTHORIZATION=f"Token {key}")
    with time_machine.travel(NOON + datetime.timedelta(seconds=30), tick=False):
        api.get("/api/v1/parties/", HTTP_AUTHORIZATION=f"Bearer {key}")
    token.refresh_from_db()
    assert token.last_used_at == NOON


def test_a_revoked_token_is_refused(api, editor):
    token, key = ApiToken.issue(editor, "importer")
    token.revoke()
    assert api.get("/api/v1/parties/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401


def test_the_token_of_a_deactivated_user_is_refused(api, editor):
    _, key = ApiToken.issue(editor, "importer")
    editor.is_active = False
    editor.save()
    assert api.get("/api/v1/parties/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401


def test_the_commands_create_and_revoke_a_token(editor):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", "editor", "--name", "cli", stdout=out, stderr=err)
    key = out.getvalue().strip()
    token = ApiToken.objects.for_key(key)
    assert token.user == editor and "not shown again" in err.getvalue()
    call_command("revoke_api_token", token.prefix, stdout=StringIO())
    assert ApiToken.objects.for_key(key) is None


def test_the_commands_refuse_what_they_cannot_do(editor):
    with pytest.raises(CommandError, match="No user"):
        call_command("create_api_token", "nobody", "--name", "cli")
    call_command("create_api_token", "editor", "--name", "cli", stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError, match="already has"):
        call_command("create_api_token", "editor", "--name", "cli")
    with pytest.raises(CommandError, match="No active token"):
        call_command("revoke_api_token", "rt_nothing")
