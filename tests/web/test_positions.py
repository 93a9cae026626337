"""The position tracker (demands × rounds) and one demand's history with its sources."""

import pytest

from talks.models import DemandEvent
from tests import factories as f
from tests.web import builders
from tests.web.html import text


def test_it_shows_each_step_with_a_symbol_and_a_word(client, db):
    data = builders.busy_track(3)
    last = data["meetings"][-1]
    DemandEvent.objects.filter(meeting=last).update(action=DemandEvent.Action.ACCEPTED)
    html = client.get(f"/tracks/{data['track'].slug}/positions/").content.decode()
    table = text(html.split('id="positions"', 1)[1])
    assert table.count("● Raised") == 1
    assert table.count("↻ Reiterated") == 1
    assert table.count("✓ Accepted") == 2  # at round 3, and where it stands now


def test_it_filters_demands_by_party_and_topic(client, db):
    data = builders.busy_track(2)
    other = f.DemandFactory(track=data["track"], made_by=data["sides"][1], category="humanitarian", summary="Other")
    url = f"/tracks/{data['track'].slug}/positions/"
    assert "Other" not in client.get(url, {"party": data["sides"][0].slug}).content.decode()
    assert "Other" in client.get(url, {"category": "humanitarian"}).content.decode()
    assert client.get(url, {"category": "weather"}).status_code == 400
    assert other.summary in client.get(url).content.decode()


def test_it_exports_the_matrix_as_csv(client, db):
    data = builders.busy_track(2)
    response = client.get(f"/tracks/{data['track'].slug}/positions/", {"export": "csv"})
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0].endswith("round 1,round 2,now")
    assert lines[1].endswith("Raised,Reiterated,Reiterated")


def test_a_demand_page_shows_its_history_with_sources(client, demo):
    from talks.models import Demand

    demand = Demand.objects.get(summary__startswith="Ukrainian troops")
    html = text(client.get(demand.get_absolute_url()))
    assert "● Raised" in html and "16 May 2025" in html
    assert "Reuters" in html and "The Telegraph" in html and "via Euromaidan Press" in html
    assert "Donetsk Oblast" in html
    assert "The demands are detached from reality." in html


def test_a_draft_demand_is_hidden_from_readers(client, db, analyst):
    demand = f.DemandFactory(publication="draft")
    client.force_login(analyst)
    assert client.get(demand.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("size", [1, 40])
def test_it_costs_the_same_queries_for_1_or_40_rounds(client, db, django_assert_max_num_queries, size):
    data = builders.busy_track(size)
    with django_assert_max_num_queries(8):
        client.get(f"/tracks/{data['track'].slug}/positions/")
    with django_assert_max_num_queries(7):
        client.get(data["demand"].get_absolute_url())


def test_a_step_taken_at_a_draft_round_stays_hidden_from_readers(client, db, analyst):
    data = builders.busy_track(2)
    data["meetings"][1].publication = "draft"
    data["meetings"][1].save()
    client.force_login(analyst)
    page = text(client.get(data["demand"].get_absolute_url()))
    assert "↻ Reiterated" not in page and "● Raised" in page
    matrix = text(client.get(f"/tracks/{data['track'].slug}/positions/"))
    assert "Reiterated" not in matrix.split("Demands (rows)")[1]
