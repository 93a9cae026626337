"""Swaps: progress per side (carried out against agreed), stages, both sides' figures, a chart over time."""

import pytest

from exchanges.models import SwapAgreement
from tests import factories as f
from tests.web import builders
from tests.web.html import text


def test_the_demo_swap_is_agreed_with_its_date_undisclosed_and_nothing_carried_out(client, demo):
    agreement = SwapAgreement.objects.get(formula="1,000 for 1,000")
    html = client.get(agreement.get_absolute_url()).content.decode()
    assert "Date set, not disclosed" in html
    assert "Agreed" in html
    assert text(html).count("releases 0 of 1000 carried out") == 2
    assert "Nothing carried out yet" in html
    assert 'id="swap-chart"' in html


def test_it_shows_the_range_when_the_sides_report_different_figures(client, db):
    agreement = builders.busy_swap(3)
    html = client.get(agreement.get_absolute_url()).content.decode()
    assert "27–30 (sides disagree) of 40 carried out" in html
    assert 'class="band-a"' in html  # the chart shades the disputed band
    assert "Figures each side reports" in html


def test_it_lists_and_filters_agreements(client, db):
    running = builders.busy_swap(1)
    done = f.SwapAgreementFactory(status=SwapAgreement.Status.COMPLETED, formula="84 for 84")
    assert "84 for 84" in client.get("/swaps/").content.decode()
    html = client.get("/swaps/", {"status": "in_implementation"}).content.decode()
    assert running.formula in html and done.formula not in html
    html = client.get("/swaps/", {"party": done.side_a.slug}).content.decode()
    assert "84 for 84" in html
    assert client.get("/swaps/", {"status": "lost"}).status_code == 400


def test_it_exports_the_filtered_list_as_csv(client, db):
    builders.busy_swap(2)
    lines = client.get("/swaps/", {"export": "csv"}).content.decode().splitlines()
    assert lines[0].startswith("agreement,formula,status")
    assert len(lines) == 3  # one row per releasing side


def test_draft_stages_do_not_count_for_readers(client, db, editor):
    agreement = builders.busy_swap(1)
    agreement.stages.filter(status="carried_out").update(publication="draft")
    assert "0 of 20 carried out" in client.get(agreement.get_absolute_url()).content.decode()
    client.force_login(editor)
    assert "9–10 (sides disagree) of 20" in client.get(agreement.get_absolute_url()).content.decode()


@pytest.mark.parametrize("size", [1, 30])
def test_it_costs_the_same_queries_for_1_or_30_stages(client, db, django_assert_max_num_queries, size):
    agreement = builders.busy_swap(size)
    for _ in range(size):
        builders.busy_swap(1)
    with django_assert_max_num_queries(8):
        client.get("/swaps/")
    with django_assert_max_num_queries(7):
        client.get(agreement.get_absolute_url())


def test_each_stage_sets_the_sides_figures_side_by_side(client, db):
    agreement = builders.busy_swap(1)
    page = text(client.get(agreement.get_absolute_url()))
    side_a, side_b = agreement.side_a, agreement.side_b
    assert page.count(f"10 per {side_a}; 9 per {side_b} · ≠Figures differ") == 2  # each side released some


def test_it_filters_agreements_by_the_date_of_their_round(client, db):
    agreement = builders.busy_swap(1)
    day = agreement.meeting.date.isoformat()
    assert agreement.formula in client.get("/swaps/", {"date_from": day, "date_to": day}).content.decode()
    assert "No agreement matches." in client.get("/swaps/", {"date_from": "2030-01-01"}).content.decode()
