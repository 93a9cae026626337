"""Bad requests get a specific 4xx, never a 500."""

import pytest
from django.test import override_settings

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query,field",
    [
        ("colour=red", "colour"),
        ("updated_since=yesterday", "updated_since"),
        ("held_after=2025-02-30", "held_after"),
        ("track=abc", "track"),
        ("track=99999999999999999999999", "track"),
        ("status=adjourned", "status"),
        ("page_size=0", "page_size"),
        ("page_size=100000", "page_size"),
        ("cursor=%%%", "cursor"),
        ("cursor=WyJ4Il0", "cursor"),  # a well-formed cursor whose key is not an id
        ("cursor=WzIsM10", "cursor"),  # a key of the wrong length
        ("ordering=title", "ordering"),
        ("include=everything", "include"),
    ],
)
def test_a_bad_query_is_a_400_naming_the_parameter(api, query, field):
    f.MeetingFactory()
    response = api.get(f"/api/v1/meetings/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_an_unknown_parameter_on_one_record_is_a_400(api):
    meeting = f.MeetingFactory()
    assert api.get(f"/api/v1/meetings/{meeting.pk}/?held_after=2025-01-01").status_code == 400


@pytest.mark.parametrize(
    "path", ["/api/v1/meetings/99999999999999999999999/", "/api/v1/meetings/abc/", "/api/v1/nothing/"]
)
def test_an_unknown_record_is_a_404(api, path):
    assert api.get(path).status_code == 404


def test_an_unsupported_media_type_is_a_415(editor_api):
    response = editor_api.post("/api/v1/parties/", "name=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415


def test_malformed_json_is_a_400(editor_api):
    response = editor_api.post("/api/v1/parties/", "{not json", content_type="application/json")
    assert response.status_code == 400


@override_settings(ROUNDTABLE_API={"MAX_BODY_BYTES": 2048})
def test_an_oversized_body_is_a_413(editor_api):
    response = editor_api.post("/api/v1/sources/", {"outlet": "x" * 5000}, format="json")
    assert response.status_code == 413


def test_a_method_the_endpoint_lacks_is_a_405(editor_api):
    assert editor_api.delete("/api/v1/meetings/").status_code == 405
    assert editor_api.get("/api/v1/rounds/").status_code == 405


@pytest.fixture
def rates(monkeypatch):
    """Low limits for the test; the throttles read their rates from this class attribute."""
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": "10/min"})


def test_too_many_requests_is_a_429_with_retry_after(api, rates):
    statuses = [api.get("/api/v1/parties/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = api.get("/api/v1/parties/")
    assert int(limited["Retry-After"]) > 0


def test_a_forged_forwarded_address_does_not_dodge_the_limit(api, rates):
    statuses = [api.get("/api/v1/parties/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(4)]
    assert statuses[-1] == 429


def test_a_token_raises_the_read_limit(api, editor_api, rates):
    assert [api.get("/api/v1/parties/").status_code for _ in range(4)][-1] == 429
    assert {editor_api.get("/api/v1/parties/").status_code for _ in range(8)} == {200}


def test_an_unknown_or_revoked_token_is_a_401(api, editor):
    from accounts.models import ApiToken

    token, key = ApiToken.issue(editor, "old")
    token.revoke()
    for header in [f"Token {key}", "Token rt_nothing", "Token", "Bearer a b"]:
        response = api.get("/api/v1/parties/", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, header
