"""The round page: every fact of the round with numbered sources, titles as they were, both versions of disputes."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from talks.models import Citation, Meeting
from tests import factories as f
from tests.web import builders


def sources_list(html: str) -> str:
    return html.split('id="sources-h"', 1)[1]


def test_it_cites_every_fact_of_the_seed_article(client, demo):
    html = client.get(demo.get_absolute_url()).content.decode()
    all_citations = Citation.objects.filter(
        content_type__in=ContentType.objects.filter(app_label="talks"), object_id__isnull=False
    ).exclude(content_type=ContentType.objects.get_for_model(Meeting), object_id=demo.follows_id)
    numbers = [int(n) for n in re.findall(r'id="source-(\d+)"', html)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == all_citations.count()
    for text in ("Reuters", "The Telegraph", "Interfax", "AFP", "RBC (Telegram)", "via Euromaidan Press"):
        assert text in sources_list(html)
    assert "(no source yet)" not in html.split("Both sides to prepare")[0]


def test_it_shows_the_round_as_the_report_gives_it(client, demo):
    html = client.get(demo.get_absolute_url()).content.decode()
    assert "Paused" in html
    assert "Nearly 2 hours" in html
    assert "Possible, not scheduled" in html
    assert "Rustem Umerov</a>, Minister of Defence of Ukraine" in html  # his title then, not today's
    assert "Vladimir Putin" in html and "Notable absences" in html
    assert "Ukrainian troops to withdraw from four oblasts" in html
    assert "A Ukrainian diplomatic source (Ukraine), as reported by Reuters" in html
    assert "1,000 for 1,000" in html and "Date set, not disclosed" in html
    assert "Follows" in html and "Istanbul round" in html


def test_it_links_the_previous_and_next_round(client, db):
    rounds = builders.busy_track(3)["meetings"]
    html = client.get(rounds[1].get_absolute_url()).content.decode()
    assert f'href="{rounds[0].get_absolute_url()}" rel="prev"' in html
    assert f'href="{rounds[2].get_absolute_url()}" rel="next"' in html


def test_it_shows_both_versions_of_a_disputed_fact(client, db):
    outcome = f.OutcomeFactory(summary="Swap agreed")
    builders.cite(outcome, f.SourceFactory(outlet="Kyiv"), claim="1,000 each")
    builders.cite(outcome, f.SourceFactory(outlet="Moscow"), claim="1,200 each")
    html = client.get(outcome.meeting.get_absolute_url()).content.decode()
    assert "Disputed." in html
    assert "1,000 each" in html and "1,200 each" in html


def test_it_hides_drafts_from_readers_and_shows_them_to_editors(client, cast, db):
    meeting = f.MeetingFactory(publication="draft")
    hidden_outcome = f.OutcomeFactory(meeting=f.MeetingFactory(track=meeting.track), publication="draft")
    for role in ("anonymous", "analyst"):
        client.logout()
        if cast[role]:
            client.force_login(cast[role])
        assert client.get(meeting.get_absolute_url()).status_code == 404
        assert hidden_outcome.summary not in client.get(hidden_outcome.meeting.get_absolute_url()).content.decode()
    client.force_login(cast["editor"])
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert hidden_outcome.summary in client.get(hidden_outcome.meeting.get_absolute_url()).content.decode()


@pytest.mark.parametrize("size", [1, 30])
def test_it_costs_the_same_queries_for_a_small_or_a_busy_round(client, db, django_assert_max_num_queries, size):
    meeting = builders.busy_round(size)
    with django_assert_max_num_queries(26):
        response = client.get(meeting.get_absolute_url())
    assert response.content.decode().count('class="statement"') == 2 * size


def test_it_answers_404_for_an_unknown_round(client, db):
    assert client.get("/rounds/999999/").status_code == 404


def test_a_published_round_of_a_draft_track_stays_hidden_from_readers(client, db, analyst, editor):
    meeting = f.MeetingFactory(track=f.TrackFactory(publication="draft"))
    client.force_login(analyst)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert meeting.track.name not in client.get("/").content.decode()
    client.force_login(editor)
    assert client.get(meeting.get_absolute_url()).status_code == 200
