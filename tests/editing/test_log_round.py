"""Log a round: one form for the meeting and everything logged with it, saved as a draft, all or nothing."""

import pytest

from talks.models import Citation, Demand, DemandEvent, Meeting, Source
from tests.factories import DemandFactory, PersonFactory, SourceFactory, StateFactory, TrackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    track = TrackFactory(name="Istanbul talks")
    ua, ru = StateFactory(name="Ukraine", country_code="UA"), StateFactory(name="Russia", country_code="RU")
    return {
        "track": track,
        "ua": ua,
        "ru": ru,
        "umerov": PersonFactory(name="Rustem Umerov"),
        "medinsky": PersonFactory(name="Vladimir Medinsky"),
        "zelensky": PersonFactory(name="Volodymyr Zelensky"),
        "reuters": SourceFactory(outlet="Reuters", url="https://example.org/reuters-1"),
        "old_demand": DemandFactory(track=track, made_by=ru, addressed_to=ua, summary="Withdraw from four regions"),
    }


def a_full_round(s):
    return {
        "meeting": {
            "track": s["track"].pk,
            "title": "Istanbul round",
            "status": "held",
            "format": "direct",
            "level": "senior_officials",
            "date": "2025-05-16",
            "date_qualifier": "exact",
            "venue_city": "Istanbul",
            "venue_country": "TR",
            "venue_timezone": "Europe/Istanbul",
            "started_at": "2025-05-16T13:30",
            "cite_source": s["reuters"].pk,
            "attribution": "media_report",
        },
        "delegations": [
            {"party": s["ua"].pk, "head": s["umerov"].pk},
            {"party": s["ru"].pk, "head": s["medinsky"].pk},
        ],
        "absences": [
            {
                "person": s["zelensky"].pk,
                "party": s["ua"].pk,
                "note": "Came to Ankara, not to the talks",
                "new_source_outlet": "The Telegraph",
                "new_source_url": "https://example.org/telegraph",
                "attribution": "media_report",
            }
        ],
        "agenda": [{"title": "Prisoner exchange", "category": "humanitarian"}],
        "demands": [
            {"existing": s["old_demand"].pk, "action": "reiterated", "kind": "demand", "attribution": "media_report"},
            {
                "made_by": s["ua"].pk,
                "addressed_to": s["ru"].pk,
                "summary": "Unconditional ceasefire",
                "category": "ceasefire",
                "kind": "demand",
                "action": "reiterated",
                "attribution": "media_report",
            },
        ],
        "outcomes": [
            {
                "kind": "agreement",
                "category": "humanitarian",
                "summary": "Exchange 1,000 prisoners for 1,000",
                "parties": [s["ua"].pk, s["ru"].pk],
                "cite_source": s["reuters"].pk,
                "attribution": "official_statement",
            }
        ],
        "statements": [
            {
                "speaker_description": "a Ukrainian diplomatic source",
                "side": s["ua"].pk,
                "text": "The demands were unacceptable.",
                "said_on": "2025-05-16",
                "attribution": "anonymous",
            }
        ],
    }


def test_it_logs_a_whole_round_as_a_draft(client, editor, scene, round_post):
    client.force_login(editor)
    response = client.post("/edit/rounds/new/", round_post(**a_full_round(scene)))
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Istanbul round")
    assert response.url == f"/edit/rounds/{meeting.pk}/"
    assert meeting.publication == "draft" and meeting.sequence == 1
    assert meeting.started_at.isoformat() == "2025-05-16T10:30:00+00:00"  # 13:30 in Istanbul
    assert {d.party.name: d.head().person.name for d in meeting.delegations.all()} == {
        "Ukraine": "Rustem Umerov",
        "Russia": "Vladimir Medinsky",
    }
    absence = meeting.absences.get()
    assert absence.citations.get().source.outlet == "The Telegraph"
    assert meeting.agenda.get().title == "Prisoner exchange"
    assert set(meeting.demand_events.values_list("action", flat=True)) == {"reiterated", "raised"}
    raised = Demand.objects.get(summary="Unconditional ceasefire")
    assert raised.publication == "draft" and raised.events.get().meeting == meeting
    outcome = meeting.outcomes.get()
    assert set(outcome.parties.values_list("name", flat=True)) == {"Ukraine", "Russia"}
    assert outcome.citations.get().attribution == "official_statement"
    assert meeting.statements.get().is_anonymous
    assert meeting.citations.get().source == scene["reuters"]
    assert meeting.history.first().history_user == editor


def test_it_shows_each_error_by_its_field_and_keeps_what_was_typed(client, editor, scene, round_post):
    client.force_login(editor)
    data = a_full_round(scene)
    data["meeting"].update(date="", started_at="")  # a round that took place needs its date
    data["demands"][1]["summary"] = ""
    data["statements"][0]["speaker_description"] = ""
    response = client.post("/edit/rounds/new/", round_post(**data))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.meeting.errors["date"] == ["A round that took place needs at least its date."]
    assert "summary" in form.section("demands").forms[1].errors
    assert form.section("statements").forms[0].errors["speaker"] == [
        "Name the speaker or describe the anonymous source."
    ]
    body = response.content.decode()
    assert "Came to Ankara, not to the talks" in body and "Exchange 1,000 prisoners for 1,000" in body
    assert not Meeting.objects.exists() and not Source.objects.filter(outlet="The Telegraph").exists()


def test_a_round_number_already_taken_is_refused_by_the_field(client, editor, scene, round_post):
    client.force_login(editor)
    client.post("/edit/rounds/new/", round_post(**a_full_round(scene)))
    again = a_full_round(scene)
    again["meeting"]["sequence"] = "1"
    response = client.post("/edit/rounds/new/", round_post(meeting=again["meeting"]))
    assert response.status_code == 400
    assert response.context["form"].meeting.errors["sequence"] == [
        "Round 1 of Istanbul talks is already on the record."
    ]
    assert Meeting.objects.count() == 1


def test_a_new_source_needs_its_outlet_and_a_known_address_is_reused(client, editor, scene, round_post):
    client.force_login(editor)
    data = a_full_round(scene)
    data["absences"][0].pop("new_source_outlet")
    data["absences"][0]["new_source_url"] = "https://example.org/unknown"
    response = client.post("/edit/rounds/new/", round_post(**data))
    assert "new_source_outlet" in response.context["form"].section("absences").forms[0].errors
    data["absences"][0]["new_source_url"] = scene["reuters"].url
    assert client.post("/edit/rounds/new/", round_post(**data)).status_code == 302
    assert Citation.objects.filter(source=scene["reuters"]).count() == 3


def test_a_position_of_another_track_is_refused_and_nothing_is_kept(client, editor, scene, round_post):
    client.force_login(editor)
    data = a_full_round(scene)
    data["demands"][0]["existing"] = DemandFactory(summary="Elsewhere").pk
    response = client.post("/edit/rounds/new/", round_post(**data))
    assert response.status_code == 400
    assert response.context["form"].section("demands").forms[0].errors
    assert not Meeting.objects.exists() and not DemandEvent.objects.exists()


def test_a_modified_position_needs_its_new_wording(client, editor, scene, round_post):
    client.force_login(editor)
    data = a_full_round(scene)
    data["demands"][0]["action"] = "modified"
    response = client.post("/edit/rounds/new/", round_post(**data))
    assert response.context["form"].section("demands").forms[0].errors["wording"]


@pytest.mark.parametrize(
    "junk",
    [
        {"meeting-track": "not-a-number"},
        {"meeting-venue_timezone": "Mars/Olympus"},
        {"meeting-started_at": "yesterday"},
        {"delegations-TOTAL_FORMS": "many"},
        {"delegations-TOTAL_FORMS": "100000"},
        {"outcomes-0-parties": "99999"},
        {"meeting-cite_source": "-1"},
        {"statements-0-said_on": "soon"},
        {"demands-0-existing": "abc"},
        {"demands-0-action": "raised"},
        {"absences-0-new_source_url": "javascript:alert(1)"},
        {"agenda-0-title": "x" * 400},
        {"meeting-sequence": "0"},
        {"meeting-venue_country": "Turkey"},
    ],
)
def test_no_input_breaks_it(client, editor, scene, round_post, junk):
    client.force_login(editor)
    data = round_post(**a_full_round(scene)) | junk
    assert client.post("/edit/rounds/new/", data).status_code == 400
    assert not Meeting.objects.exists()


def test_the_start_time_gives_the_venues_day_when_no_date_is_typed(client, editor, scene, round_post):
    client.force_login(editor)
    data = a_full_round(scene)
    data["meeting"].update(date="", started_at="2025-05-16T00:30")  # 21:30 UTC the day before
    assert client.post("/edit/rounds/new/", round_post(meeting=data["meeting"])).status_code == 302
    meeting = Meeting.objects.get()
    assert str(meeting.date) == "2025-05-16" and meeting.started_at.isoformat() == "2025-05-15T21:30:00+00:00"


@pytest.mark.parametrize("rows", [1, 120])
def test_the_form_costs_the_same_for_a_short_or_long_record(client, editor, rows, django_assert_max_num_queries):
    for _ in range(rows):
        SourceFactory()
        PersonFactory()
        DemandFactory()
    client.force_login(editor)
    with django_assert_max_num_queries(40):
        assert client.get("/edit/rounds/new/").status_code == 200


@pytest.mark.parametrize("rows", [1, 60])
def test_the_editing_index_costs_the_same_for_few_or_many_rounds(client, editor, rows, django_assert_max_num_queries):
    from tests.factories import MeetingFactory

    MeetingFactory.create_batch(rows)
    client.force_login(editor)
    with django_assert_max_num_queries(6):
        assert client.get("/edit/").status_code == 200
