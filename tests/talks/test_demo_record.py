"""The demo record holds the seed article's round faithfully, and loading it twice changes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from exchanges.models import SwapAgreement
from talks.models import Citation, Demand, Meeting, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    return Meeting.objects.get(track__slug="istanbul-direct-talks-2025", sequence=1)


def row_counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label in ("talks", "exchanges")}


def test_loading_twice_changes_nothing(loaded):
    before = row_counts()
    call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == before


def test_loading_again_keeps_an_editors_change(loaded):
    loaded.summary = "Edited by an editor"
    loaded.save()
    call_command("load_demo", stdout=io.StringIO())
    loaded.refresh_from_db()
    assert loaded.summary == "Edited by an editor"


def test_the_round_has_both_delegations_with_their_heads_titles_then(loaded):
    heads = {d.party.short_name: (d.head().person.name, d.head().title_then()) for d in loaded.delegations.all()}
    assert heads == {
        "Ukraine": ("Rustem Umerov", "Minister of Defence of Ukraine"),
        "Russia": ("Vladimir Medinsky", "Aide to the President of the Russian Federation"),
    }


def test_the_round_follows_the_2022_talks_and_was_paused(loaded):
    assert loaded.follows.date.year == 2022
    assert loaded.status == Meeting.Status.PAUSED
    assert [s.status for s in loaded.sessions.all()] == ["held", "possible"]
    assert loaded.approx_duration.total_seconds() == 7200 and loaded.duration_qualifier == "nearly"


def test_putins_absence_is_a_record_with_the_criticism_of_it(loaded):
    absence = loaded.absences.get()
    assert absence.person.name == "Vladimir Putin"
    assert absence.statements.get().speaker.name == "Volodymyr Zelenskyy"


def test_the_withdrawal_demand_is_a_ceasefire_precondition_over_four_oblasts(loaded):
    demand = Demand.objects.get(summary__icontains="withdraw")
    assert (demand.made_by.short_name, demand.addressed_to.short_name) == ("Russia", "Ukraine")
    assert demand.kind == "precondition" and "ceasefire" in demand.condition_for
    assert sorted(demand.areas.values_list("iso_code", flat=True)) == ["UA-09", "UA-14", "UA-23", "UA-65"]
    assert demand.events.get().action == "raised"
    assert demand.statements.filter(speaker_description="A Ukrainian diplomatic source").exists()


def test_the_swap_is_agreed_with_its_date_undisclosed_and_nothing_carried_out(loaded):
    swap = SwapAgreement.objects.get(meeting=loaded)
    assert swap.formula == "1,000 for 1,000"
    assert swap.date_status == "set_undisclosed" and swap.planned_date is None
    assert [(s.agreed, s.released_low) for s in swap.progress()] == [(1000, 0), (1000, 0)]


def test_the_joint_commitment_and_the_leaders_meeting_request_are_recorded(loaded):
    kinds = set(loaded.outcomes.values_list("kind", flat=True))
    assert {"agreement", "joint_commitment", "disagreement"} <= kinds
    assert Demand.objects.get(kind="request").made_by.short_name == "Ukraine"


def test_every_fact_is_cited_and_every_cited_outlet_is_there(loaded):
    outlets = set(Citation.objects.values_list("source__outlet", flat=True))
    assert {"Euromaidan Press", "Reuters", "The Telegraph", "Interfax", "AFP", "RBC (Telegram)"} <= outlets
    for fact in [
        loaded,
        *loaded.outcomes.all(),
        *Demand.objects.all(),
        *Statement.objects.all(),
        *loaded.absences.all(),
        *SwapAgreement.objects.all(),
    ]:
        assert fact.citations.exists(), f"{fact} has no source"
    assert all(s.is_published for s in Statement.objects.all())
