"""Sign up (open or by invitation), password reset by email, and the profile with its time zone."""

import re

import pytest
from django.core import mail

from accounts.invitations import invitation_token
from accounts.models import User

pytestmark = pytest.mark.django_db

NEW = {"username": "olena", "email": "olena@example.org", "time_zone": "Europe/Kyiv"}
PASSWORDS = {"password1": "a-long-passphrase-7", "password2": "a-long-passphrase-7"}


def test_open_sign_up_makes_an_analyst(client, settings):
    settings.SIGNUP_MODE = "open"
    response = client.post("/accounts/signup/", NEW | PASSWORDS)
    assert response.status_code == 302
    user = User.objects.get(username="olena")
    assert [g.name for g in user.groups.all()] == ["Analyst"] and not user.is_staff
    assert user.time_zone == "Europe/Kyiv"


def test_sign_up_by_invitation_only_refuses_strangers(client, settings):
    settings.SIGNUP_MODE = "invite"
    assert client.get("/accounts/signup/").status_code == 403
    assert client.post("/accounts/signup/", NEW | PASSWORDS).status_code == 403
    assert not User.objects.filter(username="olena").exists()


def test_an_admin_invites_an_editor_who_signs_up_from_the_link(client, admin, settings):
    settings.SIGNUP_MODE = "invite"
    client.force_login(admin)
    assert client.post("/accounts/invite/", {"email": "olena@example.org", "role": "Editor"}).status_code == 302
    link = re.search(r"http://testserver(/accounts/signup/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    form = client.get(link)
    assert form.status_code == 200 and "olena@example.org" in form.content.decode()
    data = NEW | PASSWORDS | {"email": "someone-else@example.org"}  # the invited address cannot be swapped
    assert client.post(link, data).status_code == 302
    user = User.objects.get(username="olena")
    assert user.email == "olena@example.org" and user.is_staff
    assert [g.name for g in user.groups.all()] == ["Editor"]
    assert client.get(link).status_code == 400  # spent


def test_a_tampered_or_expired_invitation_is_refused(client, settings):
    assert client.get("/accounts/signup/not-a-token/").status_code == 400
    token = invitation_token(email="x@example.org", role="Admin")
    settings.INVITATION_DAYS = 0
    assert client.get(f"/accounts/signup/{token}/").status_code == 400


def test_sign_up_errors_are_by_the_field(client, settings):
    settings.SIGNUP_MODE = "open"
    response = client.post("/accounts/signup/", NEW | {"time_zone": "Mars/Olympus", "password1": "x", "password2": "y"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "time_zone" in errors and "password2" in errors


def test_password_reset_by_email_without_telling_who_has_an_account(client, editor):
    known = client.post("/accounts/password/reset/", {"email": "editor@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302 and known.url == unknown.url
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    set_form = client.get(link, follow=True)
    assert set_form.status_code == 200
    new = {"new_password1": "another-long-pass-9", "new_password2": "another-long-pass-9"}
    assert client.post(set_form.redirect_chain[-1][0], new).status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("another-long-pass-9")


def test_the_profile_keeps_a_time_zone(client, analyst):
    client.force_login(analyst)
    response = client.post("/accounts/profile/", {"email": "a@example.org", "time_zone": "America/New_York"})
    assert response.status_code == 302
    analyst.refresh_from_db()
    assert analyst.time_zone == "America/New_York"
    bad = client.post("/accounts/profile/", {"email": "a@example.org", "time_zone": "Nowhere"})
    assert bad.status_code == 400 and "time_zone" in bad.context["form"].errors


def test_the_profile_is_for_people_logged_in(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_admin_site_access_follows_the_role_an_admin_gives(client, admin, analyst):
    from django.contrib.auth.models import Group

    client.force_login(admin)
    editor_group = Group.objects.get(name="Editor")
    data = {
        "username": "analyst",
        "email": "analyst@example.org",
        "time_zone": "UTC",
        "is_active": "on",
        "groups": [editor_group.pk],
        "date_joined_0": "2025-01-01",
        "date_joined_1": "00:00:00",
    }
    response = client.post(f"/admin/accounts/user/{analyst.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    analyst.refresh_from_db()
    assert analyst.is_staff and [g.name for g in analyst.groups.all()] == ["Editor"]
    analyst.groups.set([Group.objects.get(name="Analyst")])
    analyst.refresh_from_db()
    assert not analyst.is_staff
