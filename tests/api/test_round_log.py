"""A whole round logged in one request: saved together, or not at all, and attributed to the token's user."""

import pytest

from talks.models import Citation, Delegation, DelegationMember, Demand, Meeting, Outcome, Source, Statement
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast_of_round():
    track = f.TrackFactory()
    russia, ukraine, turkey = f.StateFactory(), f.StateFactory(), f.StateFactory()
    return {
        "track": track,
        "russia": russia,
        "ukraine": ukraine,
        "turkey": turkey,
        "medinsky": f.PersonFactory(party=russia),
        "umerov": f.PersonFactory(party=ukraine),
        "source": f.SourceFactory(),
    }


def payload(c) -> dict:
    cite = {"source": c["source"].pk, "attribution": "media_report", "excerpt": "They met."}
    return {
        "meeting": {
            "track": c["track"].pk,
            "sequence": 2,
            "date": "2025-06-02",
            "status": "held",
            "title": "Second round",
        },
        "citations": [cite],
        "sessions": [{"sequence": 1, "note": "Morning"}],
        "agenda": [{"position": 1, "title": "Prisoner exchange", "category": "humanitarian"}],
        "delegations": [
            {"party": c["russia"].pk, "members": [{"person": c["medinsky"].pk, "is_head": True}]},
            {"party": c["ukraine"].pk, "members": [{"person": c["umerov"].pk, "is_head": True}]},
        ],
        "demands": [
            {
                "made_by": c["russia"].pk,
                "addressed_to": c["ukraine"].pk,
                "summary": "Withdrawal from four oblasts",
                "category": "territorial",
                "events": [{"occurred_on": "2025-06-02", "action": "raised", "actor": c["russia"].pk}],
                "citations": [{**cite, "attribution": "anonymous"}],
            }
        ],
        "outcomes": [
            {
                "kind": "agreement",
                "category": "humanitarian",
                "summary": "Exchange of 1,200 prisoners",
                "implementation": [{"as_of": "2025-06-10", "status": "in_implementation"}],
                "citations": [
                    {
                        "source": {"outlet": "AP", "title": "New report", "link": "https://example.org/r"},
                        "attribution": "media_report",
                    }
                ],
            }
        ],
        "statements": [{"speaker": c["umerov"].pk, "text": "We are ready.", "citations": [cite]}],
    }


def test_it_logs_a_whole_round_in_one_request(editor_api, cast_of_round):
    response = editor_api.post("/api/v1/rounds/", payload(cast_of_round), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    meeting = Meeting.objects.get(pk=body["id"])
    assert meeting.sessions.count() == meeting.agenda.count() == 1
    assert (
        meeting.delegations.count() == 2 and DelegationMember.objects.filter(delegation__meeting=meeting).count() == 2
    )
    assert Demand.objects.get().events.get().meeting == meeting
    assert Outcome.objects.get().implementation.count() == 1
    assert Statement.objects.get().meeting == meeting
    assert Citation.objects.count() == 4
    assert Source.objects.filter(url="https://example.org/r").exists()
    assert {d["party"] for d in body["delegations"]} == {cast_of_round["russia"].pk, cast_of_round["ukraine"].pk}
    assert body["demands"][0]["events"][0]["action"] == "raised"


def test_one_bad_nested_item_rolls_back_everything(editor_api, cast_of_round):
    data = payload(cast_of_round)
    data["delegations"][1]["members"][0]["person"] = 999999
    response = editor_api.post("/api/v1/rounds/", data, format="json")
    assert response.status_code == 400
    assert "person" in response.json()["delegations[1].members[0]"]
    assert not Meeting.objects.exists()
    assert not Delegation.objects.exists() and not Demand.objects.exists() and not Citation.objects.exists()


def test_a_rule_of_the_model_deep_inside_rolls_back_too(editor_api, cast_of_round):
    data = payload(cast_of_round)
    data["outcomes"][0]["implementation"][0]["as_of"] = "2025-01-01"  # before the round
    response = editor_api.post("/api/v1/rounds/", data, format="json")
    assert response.status_code == 400
    assert response.json()["outcomes[0].implementation[0]"] == {
        "as_of": ["Progress cannot predate the round that agreed the outcome."]
    }
    assert not Meeting.objects.exists() and not Outcome.objects.exists()


def test_two_heads_of_one_delegation_are_refused(editor_api, cast_of_round):
    data = payload(cast_of_round)
    data["delegations"][0]["members"].append({"person": cast_of_round["umerov"].pk, "is_head": True})
    response = editor_api.post("/api/v1/rounds/", data, format="json")
    assert response.status_code == 400
    assert "delegations[0].members[1]" in response.json()
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("body", [[], "round", {"meeting": "x"}, {"meeting": {}, "delegations": "all"}])
def test_a_malformed_payload_is_a_400(editor_api, body):
    assert editor_api.post("/api/v1/rounds/", body, format="json").status_code == 400


@pytest.mark.parametrize("role,status", [("anonymous", 401), ("analyst", 403)])
def test_only_editors_log_rounds(as_role, role, status, cast_of_round):
    assert as_role(role).post("/api/v1/rounds/", payload(cast_of_round), format="json").status_code == status
    assert not Meeting.objects.exists()


def test_every_row_of_the_round_is_attributed_to_the_token_user(editor_api, editor, cast_of_round):
    response = editor_api.post("/api/v1/rounds/", payload(cast_of_round), format="json")
    meeting = Meeting.objects.get(pk=response.json()["id"])
    assert meeting.history.get().history_user == editor
    assert {d.history.get().history_user for d in meeting.delegations.all()} == {editor}
    assert Citation.history.filter(history_user=editor).count() == 4
