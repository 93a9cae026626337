"""Factories for the record; each makes a valid, published row unless told otherwise."""

import datetime

import factory
from django.utils import timezone

from exchanges.models import Category, SwapAgreement, SwapClaim, SwapQuota, SwapStage
from talks import models
from talks.choices import IssueCategory


class PublishedMixin(factory.django.DjangoModelFactory):
    publication = "published"
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        abstract = True


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Party

    name = factory.Sequence(lambda n: f"Party {n}")
    slug = factory.Sequence(lambda n: f"party-{n}")
    kind = models.Party.Kind.ORGANISATION
    country_code = ""


class StateFactory(PartyFactory):
    kind = models.Party.Kind.STATE
    country_code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class PersonRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonRole

    person = factory.SubFactory(PersonFactory)
    title = "Minister"
    started_on = datetime.date(2020, 1, 1)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Area

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")
    country_code = "UA"
    iso_code = ""


class TrackFactory(PublishedMixin):
    class Meta:
        model = models.Track

    name = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")
    started_on = datetime.date(2025, 1, 1)


class MeetingFactory(PublishedMixin):
    class Meta:
        model = models.Meeting

    track = factory.SubFactory(TrackFactory)
    sequence = factory.Sequence(lambda n: n + 1)
    venue_city = "Istanbul"
    venue_country = "TR"
    venue_timezone = "Europe/Istanbul"
    date = datetime.date(2025, 5, 16)
    status = models.Meeting.Status.HELD


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Delegation

    meeting = factory.SubFactory(MeetingFactory)
    party = factory.SubFactory(StateFactory)


class DemandFactory(PublishedMixin):
    class Meta:
        model = models.Demand

    track = factory.SubFactory(TrackFactory)
    made_by = factory.SubFactory(StateFactory)
    addressed_to = factory.SubFactory(StateFactory)
    summary = factory.Sequence(lambda n: f"Demand {n}")
    category = IssueCategory.TERRITORIAL


class OutcomeFactory(PublishedMixin):
    class Meta:
        model = models.Outcome

    meeting = factory.SubFactory(MeetingFactory)
    kind = models.Outcome.Kind.AGREEMENT
    category = IssueCategory.HUMANITARIAN
    summary = factory.Sequence(lambda n: f"Outcome {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    outlet = "Reuters"
    title = factory.Sequence(lambda n: f"Report {n}")


class StatementFactory(PublishedMixin):
    class Meta:
        model = models.Statement

    speaker = factory.SubFactory(PersonFactory)
    text = factory.Sequence(lambda n: f"Statement {n}")
    said_on = datetime.date(2025, 5, 16)


class SwapAgreementFactory(PublishedMixin):
    class Meta:
        model = SwapAgreement

    meeting = factory.SubFactory(MeetingFactory)
    side_a = factory.SubFactory(StateFactory)
    side_b = factory.SubFactory(StateFactory)
    formula = "1,000 for 1,000"


class SwapQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwapQuota

    agreement = factory.SubFactory(SwapAgreementFactory)
    releasing_side = factory.LazyAttribute(lambda o: o.agreement.side_a)
    category = Category.PRISONERS_OF_WAR
    count = 100


class SwapStageFactory(PublishedMixin):
    class Meta:
        model = SwapStage

    agreement = factory.SubFactory(SwapAgreementFactory)
    side_a = factory.LazyAttribute(lambda o: o.agreement.side_a)
    side_b = factory.LazyAttribute(lambda o: o.agreement.side_b)
    status = SwapStage.Status.CARRIED_OUT
    date = datetime.date(2025, 5, 23)


class SwapClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwapClaim

    stage = factory.SubFactory(SwapStageFactory)
    claimant = factory.LazyAttribute(lambda o: o.stage.side_a)
    releasing_side = factory.LazyAttribute(lambda o: o.stage.side_a)
    category = Category.PRISONERS_OF_WAR
    count = 10
