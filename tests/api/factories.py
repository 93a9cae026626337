"""Factories for the parts of a round that the shared factories leave out."""

import datetime

import factory
from django.contrib.contenttypes.models import ContentType

from talks import models
from tests import factories as base


class TrackParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TrackParticipant

    track = factory.SubFactory(base.TrackFactory)
    party = factory.SubFactory(base.StateFactory)


class PersonAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonAlias

    person = factory.SubFactory(base.PersonFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MeetingSession

    meeting = factory.SubFactory(base.MeetingFactory)
    sequence = factory.Sequence(lambda n: n + 1)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AgendaItem

    meeting = factory.SubFactory(base.MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DelegationMember

    delegation = factory.SubFactory(base.DelegationFactory)
    person = factory.SubFactory(base.PersonFactory)


class AbsenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Absence

    meeting = factory.SubFactory(base.MeetingFactory)
    person = factory.SubFactory(base.PersonFactory)


class DemandEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DemandEvent

    demand = factory.SubFactory(base.DemandFactory)
    occurred_on = datetime.date(2025, 5, 16)
    action = models.DemandEvent.Action.RAISED


class ProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OutcomeProgress

    outcome = factory.SubFactory(base.OutcomeFactory)
    as_of = factory.Sequence(lambda n: datetime.date(2025, 6, 1) + datetime.timedelta(days=n))
    status = "agreed"


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Citation

    source = factory.SubFactory(base.SourceFactory)
    fact = factory.SubFactory(base.MeetingFactory)
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.fact))
    object_id = factory.LazyAttribute(lambda o: o.fact.pk)
    attribution = models.Citation.Attribution.MEDIA_REPORT
