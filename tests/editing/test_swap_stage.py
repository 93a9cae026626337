"""An editor records a stage of an agreed exchange, with each side's figure and the source that reported it."""

import pytest

from exchanges.models import SwapStage
from tests.factories import SwapAgreementFactory, SwapQuotaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    agreement = SwapAgreementFactory()
    SwapQuotaFactory(agreement=agreement, releasing_side=agreement.side_a, count=1000)
    SwapQuotaFactory(agreement=agreement, releasing_side=agreement.side_b, count=1000)
    return agreement


def test_it_adds_a_stage_carried_out_and_progress_follows(client, editor, agreement):
    client.force_login(editor)
    data = {
        "status": "carried_out",
        "date": "2025-05-23",
        "category": "prisoners_of_war",
        "released_by_a": "390",
        "released_by_b": "390",
        "new_source_outlet": "Reuters",
        "attribution": "media_report",
        "note": "First of three days",
        "edit_note": "From the ministry's statement",
    }
    response = client.post(f"/swaps/{agreement.pk}/stages/new/", data)
    assert response.status_code == 302 and response.url == f"/edit/rounds/{agreement.meeting_id}/"
    stage = agreement.stages.get()
    assert stage.note == "First of three days" and stage.publication == "draft"
    assert stage.history.first().history_change_reason == "From the ministry's statement"
    assert stage.citations.get().source.outlet == "Reuters"
    stage.publish()
    assert [side.released_low for side in agreement.progress()] == [390, 390]


def test_figures_belong_to_a_stage_carried_out(client, editor, agreement):
    client.force_login(editor)
    data = {"status": "planned", "category": "prisoners_of_war", "released_by_a": "10", "attribution": "media_report"}
    response = client.post(f"/swaps/{agreement.pk}/stages/new/", data)
    assert response.status_code == 400 and response.context["form"].errors["status"]
    assert not SwapStage.objects.exists()


def test_a_stage_carried_out_needs_its_date(client, editor, agreement):
    client.force_login(editor)
    data = {"status": "carried_out", "category": "prisoners_of_war", "attribution": "media_report"}
    response = client.post(f"/swaps/{agreement.pk}/stages/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors["date"] == ["A stage carried out needs its date."]


def test_a_negative_figure_is_refused(client, editor, agreement):
    client.force_login(editor)
    data = {"status": "carried_out", "date": "2025-05-23", "category": "civilians", "released_by_b": "-5"}
    response = client.post(f"/swaps/{agreement.pk}/stages/new/", data | {"attribution": "media_report"})
    assert response.status_code == 400 and "released_by_b" in response.context["form"].errors
