"""Updating a round as news comes in: status, sessions, outcome progress, sources, publication."""

import pytest

from talks.models import Citation, Meeting
from talks.services import version_of
from tests.factories import MeetingFactory, OutcomeFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(title="Istanbul round", publication="draft", published_at=None)


def test_it_pauses_a_round_with_an_edit_note_kept_in_history(client, editor, meeting):
    client.force_login(editor)
    data = {
        "status-status": "paused",
        "status-version": version_of(meeting),
        "status-edit_note": "Talks broke for lunch",
    }
    assert client.post(f"/edit/rounds/{meeting.pk}/status/", data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "paused"
    latest = meeting.history.first()
    assert latest.history_change_reason == "Talks broke for lunch" and latest.history_user == editor


def test_it_adds_sessions_numbered_in_order_in_the_venues_time(client, editor, meeting):
    client.force_login(editor)
    for start in ("2025-05-16T12:30", "2025-05-16T15:00"):
        data = {"session-status": "held", "session-started_at": start}
        assert client.post(f"/edit/rounds/{meeting.pk}/sessions/", data).status_code == 302
    first, second = meeting.sessions.all()
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.started_at.isoformat() == "2025-05-16T09:30:00+00:00"


def test_a_session_ending_before_it_starts_is_refused_by_the_field(client, editor, meeting):
    client.force_login(editor)
    data = {"session-status": "held", "session-started_at": "2025-05-16T15:00", "session-ended_at": "2025-05-16T14:00"}
    response = client.post(f"/edit/rounds/{meeting.pk}/sessions/", data)
    assert response.status_code == 400
    assert "A session cannot end before it starts." in response.content.decode()
    assert not meeting.sessions.exists()


def test_it_records_progress_of_an_outcome_with_its_source(client, editor, meeting):
    outcome = OutcomeFactory(meeting=meeting)
    client.force_login(editor)
    data = {
        "as_of": "2025-05-23",
        "status": "in_implementation",
        "new_source_outlet": "Ukrainska Pravda",
        "attribution": "media_report",
    }
    assert client.post(f"/edit/outcomes/{outcome.pk}/progress/", data).status_code == 302
    progress = outcome.implementation.get()
    assert progress.citations.get().source.outlet == "Ukrainska Pravda"


def test_progress_before_the_round_is_refused_by_the_field(client, editor, meeting):
    outcome = OutcomeFactory(meeting=meeting)
    client.force_login(editor)
    response = client.post(
        f"/edit/outcomes/{outcome.pk}/progress/",
        {"as_of": "2020-01-01", "status": "agreed", "attribution": "media_report"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["as_of"] == ["Progress cannot predate the round that agreed the outcome."]


def test_it_adds_a_contradicting_source_to_a_fact(client, editor, meeting):
    statement = StatementFactory(meeting=meeting)
    source = SourceFactory()
    client.force_login(editor)
    data = {"cite_source": source.pk, "attribution": "media_report", "stance": "contradicts", "claim": "Not said"}
    response = client.post(f"/edit/sources/talks.statement/{statement.pk}/", data)
    assert response.status_code == 302 and response.url == f"/edit/rounds/{meeting.pk}/"
    assert statement.citations.get().stance == Citation.Stance.CONTRADICTS
    assert statement.is_disputed


def test_a_source_must_be_picked_or_added(client, editor, meeting):
    client.force_login(editor)
    response = client.post(f"/edit/sources/talks.meeting/{meeting.pk}/", {"attribution": "media_report"})
    assert response.status_code == 400 and response.context["form"].errors["cite_source"]


@pytest.mark.parametrize("label", ["accounts.user", "talks.source", "talks.nothing", "exchanges.swapclaim"])
def test_only_facts_take_sources(client, editor, label):
    client.force_login(editor)
    assert client.post(f"/edit/sources/{label}/1/", {}).status_code == 404


def test_publishing_the_round_publishes_its_drafts(client, editor, meeting):
    outcome = OutcomeFactory(meeting=meeting, publication="draft", published_at=None)
    client.force_login(editor)
    assert client.post(f"/edit/rounds/{meeting.pk}/publish/").status_code == 302
    meeting.refresh_from_db()
    outcome.refresh_from_db()
    assert meeting.is_published and outcome.is_published
    assert client.logout() is None
    assert client.get(f"/rounds/{meeting.pk}/").status_code == 200


def test_the_round_page_costs_the_same_for_many_facts(client, editor, meeting, django_assert_max_num_queries):
    client.force_login(editor)
    for _ in range(15):
        OutcomeFactory(meeting=meeting)
        StatementFactory(meeting=meeting)
    with django_assert_max_num_queries(25):
        assert client.get(f"/edit/rounds/{meeting.pk}/").status_code == 200


def test_the_editing_index_lists_drafts(client, editor, meeting):
    client.force_login(editor)
    assert "Istanbul round" in client.get("/edit/").content.decode()
    assert Meeting.objects.count() == 1


def test_a_session_keeps_its_own_note_apart_from_the_edit_note(client, editor, meeting):
    client.force_login(editor)
    data = {"session-status": "held", "session-note": "Resumed after lunch", "session-edit_note": "Per Anadolu"}
    assert client.post(f"/edit/rounds/{meeting.pk}/sessions/", data).status_code == 302
    session = meeting.sessions.get()
    assert session.note == "Resumed after lunch"
    assert session.history.first().history_change_reason == "Per Anadolu"


def test_an_edit_note_in_the_admin_lands_in_the_history(client, editor, meeting):
    from talks.models import Source

    client.force_login(editor)
    data = {"outlet": "AP", "kind": "article", "language": "en", "edit_note": "Wire copy"}
    assert client.post("/admin/talks/source/add/", data).status_code == 302
    assert Source.objects.get(outlet="AP").history.first().history_change_reason == "Wire copy"
