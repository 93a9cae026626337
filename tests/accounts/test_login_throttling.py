"""Brute force is slowed by a lockout that expires; the answers never tell whether an account exists."""

import datetime

import pytest
import time_machine

pytestmark = pytest.mark.django_db

START = datetime.datetime(2025, 5, 16, 9, 0, tzinfo=datetime.UTC)


def attempt(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_a_locked_out_login_stays_locked_until_the_lockout_expires(client, editor, settings):
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert attempt(client, "editor", "wrong").status_code == 200
        assert attempt(client, "editor", "wrong").status_code == 429  # the failure that reaches the limit
        locked = attempt(client, "editor", "pw-editor")  # even the right password
        assert locked.status_code == 429
        assert "Too many attempts" in locked.content.decode()

        clock.shift(settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1))
        assert attempt(client, "editor", "pw-editor").status_code == 429

        clock.shift(datetime.timedelta(seconds=2))
        response = attempt(client, "editor", "pw-editor")
        assert response.status_code == 302
        assert client.get("/accounts/profile/").status_code == 200


def test_a_lockout_looks_the_same_for_an_account_that_does_not_exist(client, editor, settings):
    with time_machine.travel(START, tick=False):
        for username in ("editor", "nobody-here"):
            for _ in range(settings.AXES_FAILURE_LIMIT):
                attempt(client, username, "wrong")
        real, unknown = attempt(client, "editor", "wrong"), attempt(client, "nobody-here", "wrong")
    assert real.status_code == unknown.status_code == 429
    assert real.content == unknown.content


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(client, editor):
    real, unknown = attempt(client, "editor", "wrong"), attempt(client, "nobody-here", "wrong")
    assert real.status_code == unknown.status_code == 200
    assert real.context["form"].errors == unknown.context["form"].errors


def test_a_success_clears_the_failures(client, editor, settings):
    with time_machine.travel(START, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            attempt(client, "editor", "wrong")
        assert attempt(client, "editor", "pw-editor").status_code == 302
        client.logout()
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            attempt(client, "editor", "wrong")
        assert attempt(client, "editor", "pw-editor").status_code == 302
