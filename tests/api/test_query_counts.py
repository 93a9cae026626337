"""Every list costs the same number of queries for 1 row as for 200, includes and all."""

import pytest

from tests import factories as f
from tests.api import factories as parts

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
# A round with everything inlined: a prefetch per part and per citation hop, still fixed.
MAX_QUERIES_FULL_ROUND = 30

# endpoint -> (factory making one row with all the parts the list shows, include=)
LISTS = {
    "tracks": (lambda: parts.TrackParticipantFactory().track, ""),
    "track-participants": (parts.TrackParticipantFactory, ""),
    "meetings": (
        lambda: _full_meeting(),
        "sessions,agenda,delegations,absences,demands,outcomes,statements,citations",
    ),
    "meeting-sessions": (parts.SessionFactory, ""),
    "agenda-items": (parts.AgendaItemFactory, ""),
    "delegations": (lambda: parts.MemberFactory().delegation, ""),
    "delegation-members": (parts.MemberFactory, ""),
    "absences": (parts.AbsenceFactory, ""),
    "parties": (f.StateFactory, ""),
    "people": (lambda: parts.PersonAliasFactory(person=f.PersonRoleFactory().person).person, ""),
    "person-roles": (f.PersonRoleFactory, ""),
    "person-aliases": (parts.PersonAliasFactory, ""),
    "areas": (f.AreaFactory, ""),
    "demands": (lambda: parts.DemandEventFactory().demand, "events,citations"),
    "demand-events": (parts.DemandEventFactory, "citations"),
    "outcomes": (lambda: parts.ProgressFactory().outcome, "implementation,citations"),
    "outcome-progress": (parts.ProgressFactory, "citations"),
    "statements": (f.StatementFactory, "citations"),
    "sources": (f.SourceFactory, ""),
    "citations": (parts.CitationFactory, ""),
    "swap-agreements": (lambda: f.SwapClaimFactory().stage.agreement, "stages,citations"),
    "swap-stages": (lambda: f.SwapClaimFactory().stage, "citations"),
    "swap-quotas": (f.SwapQuotaFactory, ""),
    "swap-claims": (f.SwapClaimFactory, ""),
}


def _full_meeting():
    meeting = parts.SessionFactory().meeting
    parts.AgendaItemFactory(meeting=meeting)
    parts.MemberFactory(delegation=f.DelegationFactory(meeting=meeting))
    parts.AbsenceFactory(meeting=meeting)
    parts.DemandEventFactory(meeting=meeting, demand=f.DemandFactory(track=meeting.track))
    parts.ProgressFactory(outcome=f.OutcomeFactory(meeting=meeting))
    f.StatementFactory(meeting=meeting)
    parts.CitationFactory(fact=meeting)
    return meeting


def _count(client, url, django_assert_max_num_queries, rows):
    limit = MAX_QUERIES_FULL_ROUND if "include=sessions" in url else MAX_QUERIES
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    assert len(response.json()["results"]) >= rows
    return len(captured.captured_queries)


@pytest.mark.parametrize("endpoint", sorted(LISTS))
def test_it_costs_the_same_for_one_row_and_for_two_hundred(endpoint, editor_api, django_assert_max_num_queries):
    make, include = LISTS[endpoint]
    url = f"/api/v1/{endpoint}/?page_size=500" + (f"&include={include}" if include else "")
    make()
    editor_api.get(url)  # the first request warms caches (content types, the token's last use)
    one = _count(editor_api, url, django_assert_max_num_queries, 1)
    for _ in range(199):
        make()
    many = _count(editor_api, url, django_assert_max_num_queries, 200)
    assert many == one
