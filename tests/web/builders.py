"""Generated records for page tests: a track of many rounds, a round with many facts, a swap with many stages."""

import datetime

from django.contrib.contenttypes.models import ContentType

from exchanges.models import SwapAgreement, SwapStage
from talks.models import Citation, DemandEvent, Meeting, MeetingSession, OutcomeProgress
from tests import factories as f

DAY = datetime.date(2025, 5, 16)


def cite(fact, source=None, **extra):
    return Citation.objects.create(
        content_type=ContentType.objects.get_for_model(fact),
        object_id=fact.pk,
        source=source or f.SourceFactory(),
        attribution=extra.pop("attribution", Citation.Attribution.MEDIA_REPORT),
        **extra,
    )


def busy_track(rounds: int, *, slug: str = "busy") -> dict:
    """A track of `rounds` rounds, a week apart, each with two delegations, a demand step and an outcome."""
    track = f.TrackFactory(slug=slug, name=f"Busy track {slug}")
    side_a, side_b = f.StateFactory(), f.StateFactory()
    demand = f.DemandFactory(track=track, made_by=side_a, addressed_to=side_b)
    meetings = []
    for n in range(1, rounds + 1):
        meeting = f.MeetingFactory(track=track, sequence=n, date=DAY + datetime.timedelta(days=7 * n))
        for party in (side_a, side_b):
            delegation = f.DelegationFactory(meeting=meeting, party=party)
            person = f.PersonFactory(party=party)
            f.PersonRoleFactory(person=person, title=f"Minister {n}")
            delegation.members.create(person=person, is_head=True)
        MeetingSession.objects.create(meeting=meeting, sequence=1)
        action = DemandEvent.Action.RAISED if n == 1 else DemandEvent.Action.REITERATED
        DemandEvent.objects.create(demand=demand, meeting=meeting, occurred_on=meeting.date, action=action)
        f.OutcomeFactory(meeting=meeting)
        cite(meeting)
        meetings.append(meeting)
    return {"track": track, "meetings": meetings, "demand": demand, "sides": (side_a, side_b)}


def busy_round(size: int) -> Meeting:
    """One round with `size` of each kind of fact, every fact cited."""
    meeting = f.MeetingFactory()
    source = f.SourceFactory()
    for _ in range(size):
        party = f.StateFactory()
        delegation = f.DelegationFactory(meeting=meeting, party=party)
        person = f.PersonFactory(party=party)
        f.PersonRoleFactory(person=person)
        delegation.members.create(person=person, is_head=True)
        absent = f.PersonFactory()
        absence = meeting.absences.create(person=absent, note="Declined")
        cite(absence, source)
        demand = f.DemandFactory(track=meeting.track, made_by=party)
        cite(demand, source)
        event = DemandEvent.objects.create(
            demand=demand, meeting=meeting, occurred_on=meeting.date, action=DemandEvent.Action.RAISED
        )
        cite(event, source, via=f.SourceFactory())
        outcome = f.OutcomeFactory(meeting=meeting)
        outcome.parties.add(party)
        cite(outcome, source)
        progress = OutcomeProgress.objects.create(outcome=outcome, as_of=meeting.date, status="agreed")
        cite(progress, source)
        cite(f.StatementFactory(meeting=meeting, speaker=person), source)
        cite(f.StatementFactory(meeting=meeting, absence=absence, speaker=None, speaker_description="A source"))
        meeting.agenda.create(position=meeting.agenda.count() + 1, title="Item", category="humanitarian")
        cite(meeting, f.SourceFactory())
    return meeting


def busy_swap(stages: int) -> SwapAgreement:
    agreement = f.SwapAgreementFactory(status=SwapAgreement.Status.IN_IMPLEMENTATION)
    for side in agreement.sides:
        f.SwapQuotaFactory(agreement=agreement, releasing_side=side, count=10 * stages + 10)
    for n in range(stages):
        stage = f.SwapStageFactory(agreement=agreement, date=DAY + datetime.timedelta(days=n + 1))
        for side in agreement.sides:
            for claimant, count in ((agreement.side_a, 10), (agreement.side_b, 9)):
                f.SwapClaimFactory(stage=stage, claimant=claimant, releasing_side=side, count=count)
        cite(stage)
    f.SwapStageFactory(agreement=agreement, status=SwapStage.Status.PLANNED, date=None)
    cite(agreement)
    return agreement
