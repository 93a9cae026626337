"""A swap from agreement to execution; progress is computed from stages, each side's figures kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from exchanges.models import Category, SwapAgreement, SwapClaim, SwapStage
from tests.factories import (
    StateFactory,
    SwapAgreementFactory,
    SwapClaimFactory,
    SwapQuotaFactory,
    SwapStageFactory,
)

pytestmark = pytest.mark.django_db


def progress_of(agreement):
    return {side.party.pk: side for side in agreement.progress()}


def test_progress_counts_stages_carried_out_against_the_agreed_numbers():
    agreement = SwapAgreementFactory()
    for side in agreement.sides:
        SwapQuotaFactory(agreement=agreement, releasing_side=side, count=1000)
    first = SwapStageFactory(agreement=agreement, date=datetime.date(2025, 5, 23))
    second = SwapStageFactory(agreement=agreement, date=datetime.date(2025, 5, 24))
    SwapStageFactory(agreement=agreement, status=SwapStage.Status.PLANNED, date=None)
    for stage, count in ((first, 390), (second, 307)):
        for side in agreement.sides:
            SwapClaimFactory(stage=stage, claimant=side, releasing_side=side, count=count)
    progress = progress_of(agreement)
    a = progress[agreement.side_a.pk]
    assert (a.agreed, a.released_low, a.released_high, a.percent) == (1000, 697, 697, 70)


def test_a_disputed_figure_is_kept_per_side_and_shown_as_a_range():
    agreement = SwapAgreementFactory()
    SwapQuotaFactory(agreement=agreement, releasing_side=agreement.side_a, count=100)
    stage = SwapStageFactory(agreement=agreement)
    SwapClaimFactory(stage=stage, claimant=agreement.side_a, releasing_side=agreement.side_a, count=80)
    SwapClaimFactory(stage=stage, claimant=agreement.side_b, releasing_side=agreement.side_a, count=75)
    side = progress_of(agreement)[agreement.side_a.pk]
    assert (side.released_low, side.released_high) == (75, 80)
    assert side.categories[Category.PRISONERS_OF_WAR].disputed


def test_an_asymmetric_swap_is_recorded_as_it_was():
    stage = SwapStageFactory(agreement=None, side_a=StateFactory(), side_b=StateFactory())
    SwapClaimFactory(stage=stage, releasing_side=stage.side_a, count=215)
    SwapClaimFactory(stage=stage, releasing_side=stage.side_b, count=56)
    figures = stage.figures()
    assert figures[(stage.side_a_id, Category.PRISONERS_OF_WAR)] == (215, 215)
    assert figures[(stage.side_b_id, Category.PRISONERS_OF_WAR)] == (56, 56)


def test_a_date_set_but_not_disclosed_has_no_date():
    agreement = SwapAgreementFactory(date_status=SwapAgreement.DateStatus.SET_UNDISCLOSED)
    agreement.full_clean()
    agreement.planned_date = datetime.date(2025, 5, 23)
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "date_status" in error.value.message_dict


def test_a_disclosed_date_needs_the_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        SwapAgreementFactory(date_status=SwapAgreement.DateStatus.DISCLOSED, planned_date=None)


def test_a_swap_has_two_different_sides():
    side = StateFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SwapAgreementFactory(side_a=side, side_b=side)
    with pytest.raises(IntegrityError), transaction.atomic():
        SwapStageFactory(agreement=None, side_a=side, side_b=side)


def test_counts_are_never_negative():
    with pytest.raises(IntegrityError), transaction.atomic():
        SwapQuotaFactory(count=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        SwapClaimFactory(count=-5)


def test_a_claim_is_kept_once_per_claimant_side_and_category():
    claim = SwapClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SwapClaim.objects.create(
            stage=claim.stage,
            claimant=claim.claimant,
            releasing_side=claim.releasing_side,
            category=claim.category,
            count=3,
        )


def test_a_stage_of_an_agreement_is_between_its_sides():
    agreement = SwapAgreementFactory()
    stage = SwapStage(
        agreement=agreement, side_a=agreement.side_a, side_b=StateFactory(), date=datetime.date(2025, 6, 1)
    )
    with pytest.raises(ValidationError) as error:
        stage.full_clean()
    assert "agreement" in error.value.message_dict


def test_a_stage_carried_out_needs_its_date():
    agreement = SwapAgreementFactory()
    stage = SwapStage(
        agreement=agreement, side_a=agreement.side_a, side_b=agreement.side_b, status=SwapStage.Status.CARRIED_OUT
    )
    with pytest.raises(ValidationError) as error:
        stage.full_clean()
    assert "date" in error.value.message_dict


def test_a_bad_date_is_refused_by_validation():
    agreement = SwapAgreementFactory()
    stage = SwapStage(agreement=agreement, side_a=agreement.side_a, side_b=agreement.side_b, date="2025-02-30")
    with pytest.raises(ValidationError) as error:
        stage.full_clean()
    assert "date" in error.value.message_dict


def test_the_releasing_side_is_a_side_of_the_swap():
    quota = SwapQuotaFactory.build(agreement=SwapAgreementFactory(), releasing_side=StateFactory())
    with pytest.raises(ValidationError) as error:
        quota.full_clean()
    assert "releasing_side" in error.value.message_dict
