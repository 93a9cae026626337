"""Who may write: anonymous readers are asked to authenticate, analysts are refused, editors and admins write."""

import pytest

from talks.models import DemandEvent
from tests import factories as f
from tests.api import factories as parts

pytestmark = pytest.mark.django_db

EXPECTED = {"anonymous": 401, "analyst": 403, "editor": None, "admin": None}


def _payloads():
    """endpoint -> (create payload, existing row for update/delete, patch payload); built lazily in the db."""
    track = f.TrackFactory()
    meeting = f.MeetingFactory(track=track)
    russia, ukraine = f.StateFactory(), f.StateFactory()
    person = f.PersonFactory()
    demand = f.DemandFactory(track=track)
    outcome = f.OutcomeFactory(meeting=meeting)
    source = f.SourceFactory()
    agreement = f.SwapAgreementFactory(meeting=meeting)
    stage = f.SwapStageFactory(agreement=agreement)
    delegation = f.DelegationFactory(meeting=meeting, party=russia)
    return {
        "tracks": ({"name": "New track", "slug": "new-track"}, f.TrackFactory(), {"description": "x"}),
        "track-participants": (
            {"track": track.pk, "party": russia.pk},
            parts.TrackParticipantFactory(),
            {"role": "host"},
        ),
        "meetings": ({"track": track.pk, "sequence": 99, "date": "2025-06-02"}, f.MeetingFactory(), {"title": "t"}),
        "meeting-sessions": ({"meeting": meeting.pk, "sequence": 9}, parts.SessionFactory(), {"note": "n"}),
        "agenda-items": (
            {"meeting": meeting.pk, "position": 9, "title": "x"},
            parts.AgendaItemFactory(),
            {"title": "y"},
        ),
        "delegations": ({"meeting": meeting.pk, "party": ukraine.pk}, f.DelegationFactory(), {"note": "n"}),
        "delegation-members": (
            {"delegation": delegation.pk, "person": person.pk},
            parts.MemberFactory(),
            {"function": "x"},
        ),
        "absences": ({"meeting": meeting.pk, "person": person.pk}, parts.AbsenceFactory(), {"note": "declined"}),
        "parties": ({"name": "OSCE", "slug": "osce", "kind": "organisation"}, f.PartyFactory(), {"short_name": "P"}),
        "people": ({"name": "A B", "slug": "a-b"}, f.PersonFactory(), {"native_name": "А Б"}),
        "person-roles": (
            {"person": person.pk, "title": "Envoy", "started_on": "2024-01-01"},
            f.PersonRoleFactory(),
            {"title": "t"},
        ),
        "person-aliases": ({"person": person.pk, "name": "Alias"}, parts.PersonAliasFactory(), {"language": "en"}),
        "areas": (
            {"name": "Kherson", "slug": "kherson", "country_code": "UA", "iso_code": "UA-65"},
            f.AreaFactory(),
            {"name": "x"},
        ),
        "demands": (
            {"track": track.pk, "made_by": russia.pk, "summary": "s", "category": "territorial"},
            f.DemandFactory(),
            {"text": "t"},
        ),
        "demand-events": (
            {"demand": demand.pk, "meeting": meeting.pk, "occurred_on": "2025-05-16", "action": "raised"},
            parts.DemandEventFactory(),
            {"note": "n"},
        ),
        "outcomes": (
            {"meeting": meeting.pk, "kind": "agreement", "category": "humanitarian", "summary": "s"},
            f.OutcomeFactory(),
            {"text": "t"},
        ),
        "outcome-progress": (
            {"outcome": outcome.pk, "as_of": "2025-06-01", "status": "agreed"},
            parts.ProgressFactory(),
            {"evidence": "e"},
        ),
        "statements": ({"speaker": person.pk, "text": "We will."}, f.StatementFactory(), {"is_quote": True}),
        "sources": ({"outlet": "AP", "title": "Report"}, f.SourceFactory(), {"title": "t"}),
        "citations": (
            {"source": source.pk, "fact_type": "talks.meeting", "fact_id": meeting.pk, "attribution": "media_report"},
            parts.CitationFactory(),
            {"excerpt": "e"},
        ),
        "swap-agreements": (
            {"side_a": russia.pk, "side_b": ukraine.pk, "formula": "1 for 1"},
            f.SwapAgreementFactory(),
            {"note": "n"},
        ),
        "swap-stages": (
            {"side_a": russia.pk, "side_b": ukraine.pk, "status": "planned"},
            f.SwapStageFactory(status="planned"),
            {"note": "n"},
        ),
        "swap-quotas": (
            {"agreement": agreement.pk, "releasing_side": agreement.side_a_id, "category": "civilians", "count": 5},
            f.SwapQuotaFactory(),
            {"count": 7},
        ),
        "swap-claims": (
            {
                "stage": stage.pk,
                "claimant": stage.side_a_id,
                "releasing_side": stage.side_a_id,
                "category": "civilians",
                "count": 3,
            },
            f.SwapClaimFactory(),
            {"count": 4},
        ),
    }


ENDPOINTS = [
    "tracks", "track-participants", "meetings", "meeting-sessions", "agenda-items", "delegations",
    "delegation-members", "absences", "parties", "people", "person-roles", "person-aliases", "areas", "demands",
    "demand-events", "outcomes", "outcome-progress", "statements", "sources", "citations", "swap-agreements",
    "swap-stages", "swap-quotas", "swap-claims",
]  # fmt: skip


@pytest.mark.parametrize("role", EXPECTED)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_write_follows_the_role(endpoint, role, as_role):
    client = as_role(role)
    create, row, patch = _payloads()[endpoint]
    refused = EXPECTED[role]
    detail = f"/api/v1/{endpoint}/{row.pk}/"

    created = client.post(f"/api/v1/{endpoint}/", create, format="json")
    assert created.status_code == (refused or 201), created.content
    patched = client.patch(detail, patch, format="json")
    assert patched.status_code == (refused or 200), patched.content
    replaced = client.put(detail, {**client_get_plain(row, endpoint), **patch}, format="json")
    assert replaced.status_code in ((refused,) if refused else (200,)), replaced.content
    deleted = client.delete(detail)
    assert deleted.status_code == (refused or 204), deleted.content


def client_get_plain(row, endpoint) -> dict:
    """The row as the API shows it, for a PUT that sends it back whole."""
    from tests.api.conftest import client_for

    data = client_for(None).get(f"/api/v1/{endpoint}/{row.pk}/").json()
    return {
        key: value
        for key, value in data.items()
        if not isinstance(value, list | dict) or key in ("areas", "parties", "mediators")
    }


def test_an_anonymous_write_is_told_how_to_authenticate(api):
    response = api.post("/api/v1/parties/", {"name": "X", "slug": "x"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_drafts_are_read_by_editors_only(as_role):
    draft = f.MeetingFactory(publication="draft", published_at=None)
    for role, status in {"anonymous": 404, "analyst": 404, "editor": 200, "admin": 200}.items():
        assert as_role(role).get(f"/api/v1/meetings/{draft.pk}/").status_code == status
        ids = [row["id"] for row in as_role(role).get("/api/v1/meetings/").json()["results"]]
        assert (draft.pk in ids) == (status == 200)


def test_publishing_needs_the_publish_permission(django_user_model):
    from django.contrib.auth.models import Permission

    from tests.api.conftest import client_for

    writer = django_user_model.objects.create_user("writer", password="pw-writer-1234")
    writer.user_permissions.add(Permission.objects.get(codename="edit_record"))
    client = client_for(writer)
    track = f.TrackFactory()
    draft = {"track": track.pk, "sequence": 5, "date": "2025-06-02"}
    assert client.post("/api/v1/meetings/", draft, format="json").status_code == 201
    published = {**draft, "sequence": 6, "publication": "published"}
    response = client.post("/api/v1/meetings/", published, format="json")
    assert response.status_code == 403
    assert "Publishing" in response.json()["detail"]


def test_a_step_or_statement_at_a_draft_round_stays_hidden_with_it(as_role):
    demand = f.DemandFactory()
    draft = f.MeetingFactory(track=demand.track, publication="draft", published_at=None)
    step = DemandEvent.objects.create(demand=demand, meeting=draft, occurred_on=draft.date, action="raised")
    said = f.StatementFactory(meeting=draft)
    for role, sees in {"anonymous": False, "analyst": False, "editor": True, "admin": True}.items():
        client = as_role(role)
        steps = [row["id"] for row in client.get("/api/v1/demand-events/").json()["results"]]
        included = client.get(f"/api/v1/demands/{demand.pk}/?include=events").json().get("events", [])
        statements = [row["id"] for row in client.get("/api/v1/statements/").json()["results"]]
        assert (step.pk in steps) == sees and bool(included) == sees and (said.pk in statements) == sees
