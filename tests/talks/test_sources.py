"""Every fact can cite sources; disputed facts carry each version."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from talks.models import Citation
from tests.factories import MeetingFactory, SourceFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def cite(fact, source, **extra):
    return Citation.objects.create(
        content_type=ContentType.objects.get_for_model(fact),
        object_id=fact.pk,
        source=source,
        attribution=extra.pop("attribution", "media_report"),
        **extra,
    )


def test_a_fact_cites_several_sources():
    meeting = MeetingFactory()
    cite(meeting, SourceFactory(outlet="Reuters"), attribution="anonymous")
    cite(meeting, SourceFactory(outlet="AFP"), attribution="anonymous")
    assert sorted(c.source.outlet for c in meeting.citations.all()) == ["AFP", "Reuters"]
    assert not meeting.is_disputed


def test_a_claim_that_sources_dispute_carries_both_versions():
    meeting = MeetingFactory()
    cite(meeting, SourceFactory(outlet="Ukrainian side"), claim="390 released")
    cite(meeting, SourceFactory(outlet="Russian side"), claim="307 released")
    assert meeting.is_disputed


def test_a_contradicting_source_makes_a_fact_disputed():
    meeting = MeetingFactory()
    cite(meeting, SourceFactory(), stance="contradicts")
    assert meeting.is_disputed


def test_a_url_is_recorded_once():
    SourceFactory(url="https://example.org/report")
    SourceFactory(url="")
    SourceFactory(url="")  # sources known only by outlet need no URL
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(url="https://example.org/report")


def test_a_source_is_not_read_before_it_was_published():
    published = datetime.datetime(2025, 5, 16, 18, tzinfo=UTC)
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(published_at=published, accessed_at=published - datetime.timedelta(days=1))


def test_a_source_is_not_relayed_through_itself():
    source = SourceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        cite(MeetingFactory(), source, via=source)


def test_a_bad_url_is_refused_by_validation():
    source = SourceFactory.build(url="not a url")
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "url" in error.value.message_dict
