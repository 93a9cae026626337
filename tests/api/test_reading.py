"""What a data desk reads: links between records, inlined parts, drafts kept out, the filters it asks for."""

import datetime

import pytest

from tests import factories as f
from tests.api import factories as parts

pytestmark = pytest.mark.django_db


def results(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_record_links_to_the_records_it_names(api):
    member = parts.MemberFactory()
    body = api.get(f"/api/v1/delegation-members/{member.pk}/").json()
    assert body["url"].endswith(f"/api/v1/delegation-members/{member.pk}/")
    assert body["person_url"].endswith(f"/api/v1/people/{member.person_id}/")
    assert body["delegation_url"].endswith(f"/api/v1/delegations/{member.delegation_id}/")


def test_a_citation_links_to_its_fact_and_source(api):
    citation = parts.CitationFactory()
    body = api.get(f"/api/v1/citations/{citation.pk}/").json()
    assert body["fact_type"] == "talks.meeting"
    assert body["fact_url"].endswith(f"/api/v1/meetings/{citation.object_id}/")
    assert body["source_url"].endswith(f"/api/v1/sources/{citation.source_id}/")


def test_a_member_carries_the_title_held_on_the_rounds_date(api):
    member = parts.MemberFactory(delegation__meeting__date=datetime.date(2025, 5, 16))
    f.PersonRoleFactory(person=member.person, title="Minister", started_on="2023-01-01", ended_on="2025-07-01")
    f.PersonRoleFactory(person=member.person, title="Secretary", started_on="2025-07-02")
    assert api.get(f"/api/v1/delegation-members/{member.pk}/").json()["title_then"] == "Minister"


def test_inlined_parts_keep_drafts_from_readers(api, editor_api):
    meeting = f.MeetingFactory()
    f.OutcomeFactory(meeting=meeting, summary="Public")
    f.OutcomeFactory(meeting=meeting, summary="Draft", publication="draft", published_at=None)
    url = f"/api/v1/meetings/{meeting.pk}/?include=outcomes"
    assert [o["summary"] for o in api.get(url).json()["outcomes"]] == ["Public"]
    assert {o["summary"] for o in editor_api.get(url).json()["outcomes"]} == {"Public", "Draft"}


def test_parts_of_a_draft_are_hidden_with_it(api):
    session = parts.SessionFactory(meeting__publication="draft", meeting__published_at=None)
    assert api.get(f"/api/v1/meeting-sessions/{session.pk}/").status_code == 404
    assert results(api, "/api/v1/meeting-sessions/") == []


def test_parts_are_not_inlined_unless_asked(api):
    meeting = parts.SessionFactory().meeting
    assert "sessions" not in api.get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert len(api.get(f"/api/v1/meetings/{meeting.pk}/?expand=sessions").json()["sessions"]) == 1


def test_rounds_filter_by_party_person_dates_and_words(api):
    member = parts.MemberFactory(delegation__meeting__date=datetime.date(2025, 5, 16))
    meeting = member.delegation.meeting
    meeting.summary = "Prisoner exchange agreed"
    meeting.save()
    f.MeetingFactory(date=datetime.date(2025, 6, 2))
    ids = [meeting.pk]
    assert [m["id"] for m in results(api, f"/api/v1/meetings/?party={member.delegation.party_id}")] == ids
    assert [m["id"] for m in results(api, f"/api/v1/meetings/?person={member.person_id}")] == ids
    assert [m["id"] for m in results(api, "/api/v1/meetings/?held_after=2025-05-01&held_before=2025-05-31")] == ids
    assert [m["id"] for m in results(api, "/api/v1/meetings/?q=prisoner")] == ids


def test_demands_and_outcomes_filter_by_where_they_stand(api):
    event = parts.DemandEventFactory(action="raised")
    parts.DemandEventFactory(demand=event.demand, action="rejected", occurred_on="2025-06-01")
    parts.DemandEventFactory(action="raised")
    assert [d["id"] for d in results(api, "/api/v1/demands/?status=rejected")] == [event.demand_id]
    progress = parts.ProgressFactory(status="stalled")
    parts.ProgressFactory(status="implemented")
    assert [o["id"] for o in results(api, "/api/v1/outcomes/?status=stalled")] == [progress.outcome_id]


def test_a_swap_agreement_shows_its_progress_from_the_stages(api):
    quota = f.SwapQuotaFactory(count=100)
    f.SwapClaimFactory(
        stage__agreement=quota.agreement, releasing_side=quota.agreement.side_a, claimant=quota.agreement.side_a
    )
    body = api.get(f"/api/v1/swap-agreements/{quota.agreement_id}/?include=stages").json()
    side = next(s for s in body["progress"] if s["party"] == quota.agreement.side_a_id)
    assert (side["agreed"], side["released_low"], side["percent"]) == (100, 10, 10)
    assert body["stages"][0]["claims"][0]["count"] == 10
