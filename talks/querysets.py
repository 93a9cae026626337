"""What each page reads, in a fixed number of queries however many rows there are."""

from django.db.models import OuterRef, Prefetch, Q, Subquery

from talks.models import (
    Absence,
    Citation,
    Delegation,
    DelegationMember,
    Demand,
    DemandEvent,
    Meeting,
    Outcome,
    OutcomeProgress,
    Person,
    PersonRole,
    Statement,
    Track,
)


def visible_rounds(user):
    """Rounds the reader may see: the round and its track both published, or the reader an editor."""
    return Meeting.objects.visible_to(user).filter(track__in=Track.objects.visible_to(user))


def visible_events(user):
    """Steps of a position taken outside any round, or at a round the reader may see."""
    return DemandEvent.objects.filter(Q(meeting__isnull=True) | Q(meeting__in=visible_rounds(user)))


def cited():
    """The citations of a fact with their sources, for the numbered sources list."""
    return Prefetch("citations", queryset=Citation.objects.select_related("source", "via").order_by("id"))


def with_last_change(queryset):
    """Annotate who saved each row last, from its history, in the same query."""
    history = queryset.model.history.model
    last = history.objects.filter(id=OuterRef("pk")).order_by("-history_date", "-history_id")
    return queryset.annotate(last_changed_by=Subquery(last.values("history_user__username")[:1]))


def people_with_roles():
    return Person.objects.prefetch_related(Prefetch("roles", queryset=PersonRole.objects.order_by("started_on")))


def delegations_with_members():
    members = DelegationMember.objects.select_related("person").prefetch_related(
        Prefetch("person__roles", queryset=PersonRole.objects.order_by("started_on"))
    )
    return Delegation.objects.select_related("party").prefetch_related(Prefetch("members", queryset=members))


def visible_statements(user):
    return (
        Statement.objects.visible_to(user)
        .select_related("speaker", "side")
        .prefetch_related(cited())
        .order_by("said_on", "id")
    )


def round_page(user):
    """One round with everything its page shows."""
    outcomes = Outcome.objects.visible_to(user).prefetch_related(
        "parties",
        cited(),
        Prefetch("implementation", queryset=OutcomeProgress.objects.order_by("as_of", "id").prefetch_related(cited())),
    )
    events = (
        DemandEvent.objects.filter(demand__in=Demand.objects.visible_to(user))
        .select_related("demand__made_by", "demand__addressed_to", "actor")
        .prefetch_related(
            cited(),
            Prefetch("demand__citations", queryset=cited().queryset),
            Prefetch("demand__events", queryset=visible_events(user).order_by("occurred_on", "id")),
        )
        .order_by("demand_id", "id")
    )
    absences = Absence.objects.select_related("person", "party").prefetch_related(
        cited(), Prefetch("statements", queryset=visible_statements(user))
    )
    return with_last_change(
        visible_rounds(user)
        .select_related("track", "follows", "follows__track")
        .prefetch_related(
            cited(),
            "sessions",
            "agenda",
            Prefetch("delegations", queryset=delegations_with_members()),
            Prefetch("absences", queryset=absences),
            Prefetch("demand_events", queryset=events),
            Prefetch("outcomes", queryset=outcomes),
            Prefetch("statements", queryset=visible_statements(user).filter(absence__isnull=True)),
        )
    )


def timeline_rounds(user):
    """A track's rounds for the timeline and its list: parties and sessions in two queries."""
    return with_last_change(
        Meeting.objects.visible_to(user)
        .select_related("track")
        .prefetch_related(
            Prefetch("delegations", queryset=Delegation.objects.select_related("party")),
            "sessions",
            "agenda",
            Prefetch(
                "outcomes", queryset=Outcome.objects.visible_to(user).only("id", "meeting_id", "category", "summary")
            ),
        )
        .order_by("date", "scheduled_start", "sequence")
    )


def demands_with_history(user):
    events = (
        visible_events(user).select_related("meeting", "actor").prefetch_related(cited()).order_by("occurred_on", "id")
    )
    return with_last_change(
        Demand.objects.visible_to(user)
        .filter(track__in=Track.objects.visible_to(user))
        .select_related("track", "made_by", "addressed_to")
        .prefetch_related("areas", cited(), Prefetch("events", queryset=events))
    )
