"""The OpenAPI schema is valid, covers every endpoint, matches real responses, and its docs need no CDN."""

import re
from io import StringIO

import pytest
import requests
import schemathesis
from django.core.management import call_command

from talks.demo import load_round
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_schema_generates_without_a_warning_and_validates(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"), stderr=StringIO()
    )
    text = (tmp_path / "schema.yml").read_text()
    for path in [
        "/api/v1/meetings/{id}/",
        "/api/v1/rounds/",
        "/api/v1/deletions/",
        "/api/v1/bulk/",
        "/api/v1/swap-stages/",
    ]:
        assert f"  {path}:" in text


def test_the_docs_are_served_from_our_own_static_files(client):
    for page in ["/api/v1/docs/", "/api/v1/redoc/"]:
        html = client.get(page).content.decode()
        assert "/static/drf_spectacular_sidecar/" in html
        assert not re.search(r"(src|href)=\"https?://", html)
    assert client.get("/api/docs/").status_code == 302


@pytest.mark.django_db(transaction=True)
def test_real_responses_match_the_schema(live_server, editor):
    record = load_round()
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/")
    token = client_for(editor)._credentials["HTTP_AUTHORIZATION"]
    meeting = record.meeting.pk
    everything = "sessions,agenda,delegations,absences,demands,outcomes,statements,citations"
    reads = [
        ("/api/v1/meetings/{id}/", f"/api/v1/meetings/{meeting}/?include={everything}"),
        ("/api/v1/meetings/", "/api/v1/meetings/?page_size=1"),
        ("/api/v1/people/", "/api/v1/people/"),
        ("/api/v1/demands/", "/api/v1/demands/?include=events,citations"),
        ("/api/v1/outcomes/", "/api/v1/outcomes/?include=implementation,citations"),
        ("/api/v1/citations/", "/api/v1/citations/"),
        ("/api/v1/deletions/", "/api/v1/deletions/"),
    ]
    for path, url in reads:
        for headers in ({}, {"Authorization": token}):
            response = requests.get(f"{live_server.url}{url}", headers=headers, timeout=10)
            assert response.status_code == 200, url
            schema[path]["GET"].validate_response(response)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_interactive_docs_render_in_a_browser(page):
    from tests.conftest import screenshot

    requests_outside = []
    page.on("request", lambda r: requests_outside.append(r.url) if not r.url.startswith(page.base_url) else None)
    page.goto("/api/v1/docs/")
    page.wait_for_selector("text=Roundtable API", timeout=15000)
    page.wait_for_selector(".opblock", timeout=15000)
    screenshot(page, "api-docs")
    assert requests_outside == []
