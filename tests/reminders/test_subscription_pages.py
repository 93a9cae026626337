"""The reader's pages under /accounts/subscriptions/: their own subscriptions only, clear errors, one-click
unsubscribe from the email without logging in."""

import pytest
import time_machine

from accounts.models import Reminder, Subscription
from tests.reminders.conftest import NOW, at, schedule_round

pytestmark = pytest.mark.django_db
ROLES = ["analyst", "editor", "admin"]


def login(client, user):
    if user:
        client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/accounts/subscriptions/"),
        ("get", "/accounts/subscriptions/new/"),
        ("post", "/accounts/subscriptions/new/"),
    ],
)
def test_anonymous_readers_are_sent_to_log_in(client, method, path):
    response = getattr(client, method)(path)

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_role_subscribes_and_reminders_are_planned(client, cast, role, track):
    with time_machine.travel(NOW, tick=False):
        meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
        response = login(client, cast[role]).post(
            "/accounts/subscriptions/new/", {"track": track.pk, "channel": "email", "leads": ["1440", "60"]}
        )

    assert response.status_code == 302 and response["Location"] == "/accounts/subscriptions/"
    subscription = Subscription.objects.get(user=cast[role])
    assert subscription.track == track and subscription.lead_minutes == [1440, 60]
    assert Reminder.objects.filter(subscription=subscription, meeting=meeting, state="pending").count() == 2


def test_a_custom_lead_time_joins_the_chosen_ones(client, analyst):
    login(client, analyst).post(
        "/accounts/subscriptions/new/", {"channel": "email", "leads": ["60"], "other_lead": "5"}
    )

    assert Subscription.objects.get(user=analyst).lead_minutes == [60, 5]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"channel": "email"}, "leads", "Pick at least one lead time."),
        ({"channel": "webhook", "leads": ["60"]}, "webhook_url", "A webhook subscription needs the URL to post to."),
        ({"channel": "webhook", "leads": ["60"], "webhook_url": "ftp://x"}, "webhook_url", "Enter a valid URL."),
        ({"channel": "email", "leads": ["60"], "other_lead": "0"}, "other_lead", "greater than or equal to 1"),
        ({"channel": "pigeon", "leads": ["60"]}, "channel", "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_field_by_field_and_changes_nothing(client, analyst, data, field, message):
    response = login(client, analyst).post("/accounts/subscriptions/new/", data)

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not Subscription.objects.exists()


def test_email_needs_an_address_on_the_account(client, analyst):
    analyst.email = ""
    analyst.save()

    response = login(client, analyst).post("/accounts/subscriptions/new/", {"channel": "email", "leads": ["60"]})

    assert response.status_code == 400 and "no email address" in str(response.context["form"].errors["channel"])


@pytest.mark.parametrize("role", ROLES)
def test_nobody_sees_changes_or_stops_another_readers_subscription(client, cast, role, django_user_model):
    owner = django_user_model.objects.create_user("owner", email="owner@example.org")
    theirs = Subscription.objects.create(user=owner)
    login(client, cast[role])

    assert client.get(f"/accounts/subscriptions/{theirs.pk}/").status_code == 404
    assert client.post(f"/accounts/subscriptions/{theirs.pk}/", {"channel": "email", "leads": ["5"]}).status_code == 404
    assert client.post(f"/accounts/subscriptions/{theirs.pk}/stop/").status_code == 404
    assert client.post(f"/accounts/subscriptions/{theirs.pk}/secret/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active and theirs.lead_minutes == [1440, 60]
    assert "owner@example.org" not in client.get("/accounts/subscriptions/").content.decode()


def test_changing_lead_times_replans(client, subscription, track):
    with time_machine.travel(NOW, tick=False):
        meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
        login(client, subscription.user).post(
            f"/accounts/subscriptions/{subscription.pk}/", {"track": track.pk, "channel": "email", "leads": ["30"]}
        )

    pending = Reminder.objects.filter(meeting=meeting, state="pending")
    assert [r.lead.total_seconds() for r in pending] == [1800]


def test_stopping_a_subscription_drops_its_pending_reminders(client, subscription, track):
    with time_machine.travel(NOW, tick=False):
        schedule_round(track, at(2025, 5, 16, 9, 30))
        response = login(client, subscription.user).post(f"/accounts/subscriptions/{subscription.pk}/stop/")

    assert response.status_code == 302
    subscription.refresh_from_db()
    assert not subscription.is_active
    assert not Reminder.objects.filter(subscription=subscription, state="pending").exists()


def test_one_click_unsubscribe_works_without_a_session_or_csrf_token(subscription):
    from django.test import Client

    mail_client = Client(enforce_csrf_checks=True)
    url = f"/accounts/subscriptions/unsubscribe/{subscription.unsubscribe_token}/"

    asked = mail_client.get(url)
    subscription.refresh_from_db()
    assert asked.status_code == 200 and subscription.is_active, "a link scanner's GET changes nothing"

    done = mail_client.post(url, {"List-Unsubscribe": "One-Click"})
    subscription.refresh_from_db()
    assert done.status_code == 200 and not subscription.is_active
    assert mail_client.post(url).status_code == 200, "a second click is harmless"


def test_an_unknown_unsubscribe_token_is_not_found(client):
    assert client.post("/accounts/subscriptions/unsubscribe/not-a-token/").status_code == 404


def test_a_webhook_subscription_shows_its_secret_and_can_rotate_it(client, analyst):
    hook = Subscription.objects.create(user=analyst, channel="webhook", webhook_url="https://example.org/hook")
    old = hook.secret
    login(client, analyst)

    assert old in client.get(f"/accounts/subscriptions/{hook.pk}/").content.decode()
    client.post(f"/accounts/subscriptions/{hook.pk}/secret/")
    hook.refresh_from_db()
    assert hook.secret != old


def test_the_list_costs_the_same_for_one_subscription_or_fifty(client, analyst, django_assert_max_num_queries):
    from tests.factories import TrackFactory

    login(client, analyst)
    Subscription.objects.create(user=analyst)
    with django_assert_max_num_queries(6) as one:
        client.get("/accounts/subscriptions/")
    Subscription.objects.bulk_create([Subscription(user=analyst, track=TrackFactory()) for _ in range(49)])
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get("/accounts/subscriptions/")
    assert response.content.decode().count("Unsubscribe from") == 50


def test_the_form_refuses_a_fifty_first_subscription(client, analyst):
    Subscription.objects.bulk_create([Subscription(user=analyst) for _ in range(50)])

    response = login(client, analyst).post("/accounts/subscriptions/new/", {"channel": "email", "leads": ["60"]})

    assert response.status_code == 400 and "At most 50 subscriptions" in response.content.decode()
    assert Subscription.objects.count() == 50


def test_a_signed_in_reader_finds_reminders_in_the_menu(client, analyst):
    client.force_login(analyst)
    assert 'href="/accounts/subscriptions/"' in client.get("/").content.decode()
