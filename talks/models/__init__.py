from talks.models.actors import Area, Party, Person, PersonAlias, PersonRole
from talks.models.base import Publication, Publishable, PublishableQuerySet, Recorded
from talks.models.meetings import (
    Absence,
    AgendaItem,
    Delegation,
    DelegationMember,
    Meeting,
    MeetingSession,
)
from talks.models.outcomes import ImplementationStatus, Outcome, OutcomeProgress
from talks.models.positions import Demand, DemandEvent
from talks.models.sources import Citation, Source
from talks.models.statements import Statement
from talks.models.tombstones import Tombstone
from talks.models.tracks import Track, TrackParticipant

__all__ = [
    "Absence",
    "AgendaItem",
    "Area",
    "Citation",
    "Delegation",
    "DelegationMember",
    "Demand",
    "DemandEvent",
    "ImplementationStatus",
    "Meeting",
    "MeetingSession",
    "Outcome",
    "OutcomeProgress",
    "Party",
    "Person",
    "PersonAlias",
    "PersonRole",
    "Publication",
    "Publishable",
    "PublishableQuerySet",
    "Recorded",
    "Source",
    "Statement",
    "Tombstone",
    "Track",
    "TrackParticipant",
]
