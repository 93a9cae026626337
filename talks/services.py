"""Writes that span several records: logging a round, citing a source, saving an edit without losing another's."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction

from talks.models import (
    Absence,
    AgendaItem,
    Citation,
    Delegation,
    DelegationMember,
    Demand,
    DemandEvent,
    Meeting,
    Outcome,
    Source,
    Statement,
)
from talks.models.base import Publishable


@dataclass
class Cite:
    """A source for one fact: an existing one, or a new one to create (reused if its address is already known)."""

    source: Source | None = None
    new_source: dict = field(default_factory=dict)
    attribution: str = Citation.Attribution.MEDIA_REPORT
    stance: str = Citation.Stance.SUPPORTS
    claim: str = ""
    excerpt: str = ""

    def __bool__(self):
        return bool(self.source or self.new_source)


class RoundLogError(ValidationError):
    """Errors found while saving, each addressed to a section, a row and a field, so a form can show it there."""

    def __init__(self, problems: list[tuple[str, int, str, list[str]]]):
        self.problems = problems
        super().__init__([message for *_, messages in problems for message in messages])


class StaleEdit(Exception):
    """Someone saved the record after this editor loaded it: saving now would silently overwrite their change."""

    def __init__(self, current):
        self.current = current
        super().__init__(f"{current} changed since it was loaded")


def version_of(record: models.Model) -> str:
    """The token an edit form carries to tell whether the record changed under it."""
    return record.updated_at.isoformat() if record.updated_at else ""


@dataclass(frozen=True)
class Edit:
    """Who makes a change and their note on it: both land in the record's history."""

    user: object = None
    note: str = ""

    def stamp(self, record: models.Model) -> None:
        record._change_reason = self.note or None
        if self.user is not None and getattr(self.user, "is_authenticated", False):
            record._history_user = self.user


def _save(record: models.Model, edit: Edit) -> None:
    record.full_clean()
    edit.stamp(record)
    record.save()


def _source_for(cite: Cite, edit: Edit) -> Source:
    if cite.source:
        return cite.source
    url = cite.new_source.get("url", "")
    known = Source.objects.filter(url=url).first() if url else None
    if known:
        return known
    source = Source(**cite.new_source)
    _save(source, edit)
    return source


def cite_fact(*, fact: models.Model, cite: Cite, user=None, note: str = "") -> Citation:
    """Tie a fact to a source, creating the source when it is new to the record."""
    edit = Edit(user, note)
    citation = Citation(
        source=_source_for(cite, edit),
        content_type=ContentType.objects.get_for_model(fact),
        object_id=fact.pk,
        attribution=cite.attribution,
        stance=cite.stance,
        claim=cite.claim,
        excerpt=cite.excerpt,
    )
    _save(citation, edit)
    return citation


@dataclass
class RoundLog:
    """Everything typed into the "Log a round" form, as plain values; each row is a dict of model fields."""

    meeting: dict
    meeting_cite: Cite = field(default_factory=Cite)
    delegations: list[dict] = field(default_factory=list)
    absences: list[dict] = field(default_factory=list)
    agenda: list[dict] = field(default_factory=list)
    demands: list[dict] = field(default_factory=list)
    outcomes: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)


class _Collector:
    """Runs each row's save, turning its validation errors into problems addressed to that row."""

    def __init__(self):
        self.problems: list[tuple[str, int, str, list[str]]] = []

    def run(self, section: str, index: int, step):
        try:
            with transaction.atomic():
                return step()
        except ValidationError as error:
            for name, messages in _by_field(error).items():
                self.problems.append((section, index, name, messages))
        except IntegrityError:
            # Validation passed, so another save got in between (the same round number, say): ask to look again.
            self.problems.append((section, index, NON_FIELD_ERRORS, ["This clashes with a record saved meanwhile."]))
        return None


def _by_field(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {name: [m for e in errors for m in e.messages] for name, errors in error.error_dict.items()}
    return {NON_FIELD_ERRORS: error.messages}


def round_log(*, log: RoundLog, user, note: str = "") -> Meeting:
    """Create a draft round with everything known about it, all or nothing.

    Each record is validated with full_clean() before it is saved; if any fails, nothing is kept and the
    RoundLogError names the section, row and field of every problem.
    """
    edit = Edit(user, note or "Logged the round")
    collector = _Collector()
    with transaction.atomic():
        meeting = Meeting(**log.meeting)
        collector.run("meeting", 0, lambda: _save(meeting, edit))
        if meeting.pk is None:
            raise RoundLogError(collector.problems)
        if log.meeting_cite:
            collector.run(
                "meeting", 0, lambda: cite_fact(fact=meeting, cite=log.meeting_cite, user=edit.user, note=edit.note)
            )
        for i, row in enumerate(log.delegations):
            collector.run("delegations", i, lambda row=row: _log_delegation(meeting, row, edit))
        for i, row in enumerate(log.absences):
            collector.run("absences", i, lambda row=row: _log_fact(Absence, meeting, row, edit))
        for i, row in enumerate(log.agenda):
            item = AgendaItem(meeting=meeting, position=i + 1, **row)
            collector.run("agenda", i, lambda item=item: _save(item, edit))
        for i, row in enumerate(log.demands):
            collector.run("demands", i, lambda row=row: _log_demand(meeting, row, edit))
        for i, row in enumerate(log.outcomes):
            collector.run("outcomes", i, lambda row=row: _log_fact(Outcome, meeting, row, edit))
        for i, row in enumerate(log.statements):
            collector.run("statements", i, lambda row=row: _log_fact(Statement, meeting, row, edit))
        if collector.problems:
            transaction.set_rollback(True)
            raise RoundLogError(collector.problems)
    return meeting


def _log_delegation(meeting: Meeting, row: dict, edit: Edit) -> Delegation:
    delegation = Delegation(meeting=meeting, party=row["party"], note=row.get("note", ""))
    _save(delegation, edit)
    head = row.get("head")
    if head:
        _save(DelegationMember(delegation=delegation, person=head, is_head=True, function="Head"), edit)
    for person in row.get("members", ()):
        if person != head:
            _save(DelegationMember(delegation=delegation, person=person, function="Member"), edit)
    return delegation


def _log_fact(model, meeting: Meeting, row: dict, edit: Edit):
    """Absences, outcomes and statements: a row of the round, its many-to-many links, and its source."""
    row = dict(row)
    cite = row.pop("cite", None)
    links = {name: row.pop(name) for name in ("parties", "areas") if name in row}
    fact = model(meeting=meeting, **row)
    _save(fact, edit)
    for name, values in links.items():
        getattr(fact, name).set(values)
    if cite:
        cite_fact(fact=fact, cite=cite, user=edit.user, note=edit.note)
    return fact


def _log_demand(meeting: Meeting, row: dict, edit: Edit) -> DemandEvent:
    """A new position raised at the round, or an existing one taken up again: either way a dated event."""
    row = dict(row)
    cite = row.pop("cite", None)
    demand = row.pop("existing", None)
    event_fields = {name: row.pop(name, "") for name in ("action", "wording", "note")}
    if demand is None:
        areas = row.pop("areas", ())
        demand = Demand(track=meeting.track, **row)
        _save(demand, edit)
        demand.areas.set(areas)
        event_fields["action"] = DemandEvent.Action.RAISED
    actor_is_maker = event_fields["action"] not in (DemandEvent.Action.ACCEPTED, DemandEvent.Action.REJECTED)
    event = DemandEvent(
        demand=demand,
        meeting=meeting,
        occurred_on=meeting.date,
        actor=demand.made_by if actor_is_maker else demand.addressed_to,
        **event_fields,
    )
    _save(event, edit)
    if cite:
        cite_fact(fact=event, cite=cite, user=edit.user, note=edit.note)
    return event


def round_publish(*, meeting: Meeting, user, note: str = "") -> int:
    """Publish a round and the drafts logged with it (its outcomes, statements, and positions first raised there)."""
    edit = Edit(user, note or "Published the round")
    drafts: list[Publishable] = [meeting]
    drafts += list(meeting.outcomes.live().filter(publication="draft"))
    drafts += list(meeting.statements.live().filter(publication="draft"))
    raised = meeting.demand_events.filter(action=DemandEvent.Action.RAISED).values("demand_id")
    drafts += list(Demand.objects.live().filter(pk__in=raised, publication="draft"))
    with transaction.atomic():
        for record in drafts:
            edit.stamp(record)
            record.publish()
    return len(drafts)


def record_save(*, record: models.Model, version: str, user, note: str = "") -> models.Model:
    """Save an edited record unless someone saved it after the editor loaded it (then StaleEdit, nothing saved)."""
    with transaction.atomic():
        current = type(record)._default_manager.select_for_update().get(pk=record.pk)
        if version_of(current) != version:
            raise StaleEdit(current)
        _save(record, Edit(user, note))
    return record


def record_soft_delete(*, record: Publishable, user, note: str = "") -> None:
    """Take a record out of every public view; it stays in the history (and can be restored from there)."""
    Edit(user, note or "Deleted").stamp(record)
    record.soft_delete()


def record_restore(*, version, user, note: str = "") -> models.Model:
    """Put a record back as it was at an earlier version; the restore is itself a new version in the history."""
    record = version.instance
    record._state.adding = False  # an existing row: its own unique values are not a clash
    stamp = version.history_date.strftime("%Y-%m-%d %H:%M UTC")
    Edit(user, note or f"Restored the version of {stamp}").stamp(record)
    with transaction.atomic():
        record.full_clean(validate_unique=False)
        record.save()
    return record


def record_add(*, record: models.Model, cite: Cite | None = None, user=None, note: str = "") -> models.Model:
    """Add one new record (a session, a progress point, a swap stage) with its source, all or nothing."""
    edit = Edit(user, note)
    with transaction.atomic():
        _save(record, edit)
        if cite:
            cite_fact(fact=record, cite=cite, user=user, note=note)
    return record
