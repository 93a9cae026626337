"""/api/v1/subscriptions/: each user's own subscriptions; anonymous callers get 401; bad input a 400 per field."""

import pytest
import time_machine
from rest_framework.test import APIClient

from accounts.models import Reminder, Subscription
from tests.reminders.conftest import NOW, at, schedule_round

pytestmark = pytest.mark.django_db
ROLES = ["analyst", "editor", "admin"]
URL = "/api/v1/subscriptions/"


@pytest.fixture
def api():
    return APIClient()


def as_user(api, user):
    api.force_authenticate(user)
    return api


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", URL), ("post", URL), ("get", f"{URL}1/"), ("patch", f"{URL}1/"), ("delete", f"{URL}1/")],
)
def test_anonymous_callers_are_told_to_authenticate(api, analyst, method, path):
    Subscription.objects.create(user=analyst)

    response = getattr(api, method)(path, {}, format="json")

    assert response.status_code == 401
    assert Subscription.objects.filter(unsubscribed_at__isnull=True).count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_every_role_manages_its_own_subscriptions(api, cast, role, track):
    as_user(api, cast[role])
    with time_machine.travel(NOW, tick=False):
        meeting = schedule_round(track, at(2025, 5, 16, 9, 30))
        created = api.post(URL, {"track": track.slug, "lead_minutes": [120, 30]}, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["track"] == track.slug and body["lead_minutes"] == [120, 30] and body["channel"] == "email"
    assert body["unsubscribe_url"].startswith("http://127.0.0.1:8000/accounts/subscriptions/unsubscribe/")
    assert Reminder.objects.filter(subscription_id=body["id"], meeting=meeting, state="pending").count() == 2

    assert api.get(URL).json() == [body]
    changed = api.patch(f"{URL}{body['id']}/", {"lead_minutes": [15]}, format="json")
    assert changed.status_code == 200 and changed.json()["lead_minutes"] == [15]
    assert api.delete(f"{URL}{body['id']}/").status_code == 204
    assert api.get(URL).json() == []
    assert not Subscription.objects.get(pk=body["id"]).is_active


def test_the_default_is_all_tracks_a_day_and_an_hour_before(api, analyst):
    body = as_user(api, analyst).post(URL, {}, format="json").json()

    assert body["track"] is None and body["lead_minutes"] == [1440, 60]


def test_a_webhook_subscription_gets_a_secret_and_can_rotate_it(api, analyst):
    as_user(api, analyst)
    body = api.post(URL, {"channel": "webhook", "webhook_url": "https://example.org/hook"}, format="json").json()

    rotated = api.post(f"{URL}{body['id']}/rotate-secret/").json()

    assert len(body["secret"]) >= 40 and rotated["secret"] != body["secret"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"lead_minutes": []}, "lead_minutes"),
        ({"lead_minutes": [0]}, "lead_minutes"),
        ({"lead_minutes": [60, 60]}, "lead_minutes"),
        ({"lead_minutes": [1, 2, 3, 4, 5, 6, 7]}, "lead_minutes"),
        ({"lead_minutes": ["soon"]}, "lead_minutes"),
        ({"lead_minutes": [60 * 24 * 31]}, "lead_minutes"),
        ({"track": "no-such-track"}, "track"),
        ({"channel": "pigeon"}, "channel"),
        ({"channel": "webhook"}, "webhook_url"),
        ({"channel": "webhook", "webhook_url": "not a url"}, "webhook_url"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_changes_nothing(api, analyst, data, field):
    response = as_user(api, analyst).post(URL, data, format="json")

    assert response.status_code == 400 and field in response.json(), response.json()
    assert not Subscription.objects.exists()


def test_draft_tracks_cannot_be_subscribed_to(api, analyst):
    from tests.factories import TrackFactory

    draft = TrackFactory(publication="draft")

    response = as_user(api, analyst).post(URL, {"track": draft.slug}, format="json")

    assert response.status_code == 400 and "track" in response.json()


@pytest.mark.parametrize("role", ROLES)
def test_nobody_reads_or_changes_another_users_subscription(api, cast, role, django_user_model):
    owner = django_user_model.objects.create_user("owner", email="owner@example.org")
    theirs = Subscription.objects.create(user=owner)
    as_user(api, cast[role])

    assert api.get(URL).json() == []
    assert api.get(f"{URL}{theirs.pk}/").status_code == 404
    assert api.patch(f"{URL}{theirs.pk}/", {"lead_minutes": [5]}, format="json").status_code == 404
    assert api.delete(f"{URL}{theirs.pk}/").status_code == 404
    assert api.post(f"{URL}{theirs.pk}/rotate-secret/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active and theirs.lead_minutes == [1440, 60]


def test_the_list_costs_the_same_for_one_or_fifty(api, analyst, django_assert_max_num_queries):
    from tests.factories import TrackFactory

    as_user(api, analyst)
    Subscription.objects.create(user=analyst)
    with django_assert_max_num_queries(3) as one:
        api.get(URL)
    Subscription.objects.bulk_create([Subscription(user=analyst, track=TrackFactory()) for _ in range(49)])
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(api.get(URL).json()) == 50


def test_a_user_holds_at_most_fifty_subscriptions(api, analyst):
    from accounts.models.subscriptions import MAX_SUBSCRIPTIONS

    Subscription.objects.bulk_create([Subscription(user=analyst) for _ in range(MAX_SUBSCRIPTIONS)])

    response = as_user(api, analyst).post(URL, {}, format="json")

    assert response.status_code == 400 and "At most 50 subscriptions." in response.json()["non_field_errors"]
    one = Subscription.objects.filter(user=analyst).first()
    assert as_user(api, analyst).patch(f"{URL}{one.pk}/", {"lead_minutes": [5]}, format="json").status_code == 200
