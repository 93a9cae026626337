"""Outcomes with their implementation series; statements by named or anonymous speakers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from talks.models import OutcomeProgress, Statement
from tests.factories import MeetingFactory, OutcomeFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_implementation_is_a_dated_series_not_one_field():
    outcome = OutcomeFactory(meeting=MeetingFactory(date=datetime.date(2025, 5, 16)))
    OutcomeProgress.objects.create(outcome=outcome, as_of=datetime.date(2025, 5, 16), status="agreed")
    OutcomeProgress.objects.create(outcome=outcome, as_of=datetime.date(2025, 5, 23), status="in_implementation")
    OutcomeProgress.objects.create(outcome=outcome, as_of=datetime.date(2025, 5, 25), status="implemented")
    assert outcome.current_status() == "implemented"
    assert outcome.implementation.count() == 3


def test_the_same_status_is_not_recorded_twice_on_one_day():
    outcome = OutcomeFactory()
    OutcomeProgress.objects.create(outcome=outcome, as_of=datetime.date(2025, 5, 16), status="agreed")
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeProgress.objects.create(outcome=outcome, as_of=datetime.date(2025, 5, 16), status="agreed")


def test_progress_cannot_predate_its_round():
    outcome = OutcomeFactory(meeting=MeetingFactory(date=datetime.date(2025, 5, 16)))
    progress = OutcomeProgress(outcome=outcome, as_of=datetime.date(2025, 5, 1), status="stalled")
    with pytest.raises(ValidationError) as error:
        progress.full_clean()
    assert "as_of" in error.value.message_dict


def test_an_anonymous_source_is_described_as_the_reporting_does():
    statement = StatementFactory(speaker=None, speaker_description="A Ukrainian diplomatic source")
    assert statement.is_anonymous
    assert statement.attributed_to == "A Ukrainian diplomatic source"


def test_a_statement_has_a_speaker_or_a_description():
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementFactory(speaker=None, speaker_description="")
    unsaid = Statement(text="Detached from reality")
    with pytest.raises(ValidationError) as error:
        unsaid.full_clean()
    assert "speaker" in error.value.message_dict
