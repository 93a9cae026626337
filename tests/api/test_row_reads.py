"""Reads built from rows (talks.api.rows) answer with DRF's very bytes: every endpoint, every reader, every include."""

import datetime

import pytest

from talks.models import DelegationMember, Publication
from tests import factories as f
from tests.api.conftest import client_for
from tests.api.test_query_counts import LISTS

pytestmark = pytest.mark.django_db

READERS = ("anonymous", "analyst", "editor")


@pytest.fixture
def record():
    """Two of each kind of row, one of them a draft where the kind has drafts, so visibility is part of the check."""
    made = {}
    for endpoint, (factory, _) in LISTS.items():
        made[endpoint] = [factory(), factory()]
    draft_round = f.MeetingFactory(publication=Publication.DRAFT)
    f.StatementFactory(meeting=draft_round)
    return made


def _reader(cast, role, zone):
    client = client_for(cast[role] if role != "anonymous" else None)
    if zone:
        client.cookies["tz"] = zone
    return client


def _both_ways(client, url, settings):
    settings.ROUNDTABLE_API = {"ROW_READS": True}
    from_rows = client.get(url)
    settings.ROUNDTABLE_API = {"ROW_READS": False}
    from_drf = client.get(url)
    return from_rows, from_drf


@pytest.mark.parametrize("zone", ["", "Europe/Kyiv"])
@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("endpoint", sorted(LISTS))
def test_a_list_and_its_records_read_from_rows_are_byte_identical(endpoint, role, zone, record, cast, settings):
    client = _reader(cast, role, zone)
    include = LISTS[endpoint][1]
    url = f"/api/v1/{endpoint}/" + (f"?include={include}" if include else "")
    from_rows, from_drf = _both_ways(client, url, settings)
    assert from_rows.status_code == from_drf.status_code == 200
    assert from_rows.content == from_drf.content
    assert from_rows["ETag"] == from_drf["ETag"]
    for row in from_drf.json()["results"][:3]:  # a few records each, within the anonymous rate limit
        detail = row["url"] + (f"?include={include}" if include else "")
        from_rows, from_drf = _both_ways(client, detail, settings)
        assert (from_rows.status_code, from_rows.content) == (from_drf.status_code, from_drf.content)


@pytest.mark.parametrize(
    ("day", "title"),
    [(datetime.date(2015, 5, 1), "Aide"), (datetime.date(2025, 5, 16), "Minister"), (datetime.date(2005, 1, 1), "")],
)
def test_a_members_title_is_the_post_held_on_the_rounds_date(day, title, settings, db):
    person = f.PersonFactory()
    f.PersonRoleFactory(
        person=person, title="Aide", started_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2019, 12, 31)
    )
    f.PersonRoleFactory(person=person, title="Minister", started_on=datetime.date(2020, 1, 1))
    meeting = f.MeetingFactory(date=day)
    DelegationMember.objects.create(delegation=f.DelegationFactory(meeting=meeting), person=person, is_head=True)
    from_rows, from_drf = _both_ways(client_for(None), f"/api/v1/meetings/{meeting.pk}/?include=delegations", settings)
    assert from_rows.content == from_drf.content
    assert from_rows.json()["delegations"][0]["members"][0]["title_then"] == title


def test_a_page_after_a_cursor_and_a_sync_page_match_too(record, cast, settings):
    client = _reader(cast, "analyst", "")
    first, _ = _both_ways(client, "/api/v1/meetings/?page_size=1&include=delegations,demands", settings)
    next_page = first.json()["next"]
    assert next_page
    from_rows, from_drf = _both_ways(client, next_page, settings)
    assert from_rows.content == from_drf.content
    from_rows, from_drf = _both_ways(client, "/api/v1/meetings/?updated_since=2000-01-01T00:00:00Z", settings)
    assert from_rows.content == from_drf.content


# Citations name their fact's kind and address, and swaps compute their progress: DRF builds those.
BUILT_BY_DRF = {"citations", "swap-agreements", "swap-stages"}


@pytest.mark.parametrize("endpoint", sorted(set(LISTS) - BUILT_BY_DRF))
@pytest.mark.parametrize("drafts", [False, True])
def test_every_other_record_is_read_from_rows(endpoint, drafts):
    from config.api_v1 import router
    from talks.api.rows import plan_for

    viewset = next(viewset for prefix, viewset, _ in router.registry if prefix == endpoint)
    serializer = viewset.serializer_class
    assert plan_for(serializer, frozenset(getattr(serializer, "includable", {})), drafts) is not None
