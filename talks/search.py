"""Search across the record, grouped by kind: PostgreSQL full-text search where the database is PostgreSQL, and
word-by-word matching elsewhere (SQLite in development). A person is found by any of their aliases, and so are
the statements they made and the rounds they attended."""

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.db.models import Q

from talks.models import Demand, Outcome, Person, Source, Statement, Track
from talks.querysets import visible_rounds

LIMIT = 20
MAX_QUERY = 200


@dataclass
class Group:
    kind: str
    label: str
    results: list = field(default_factory=list)


def _words(query: str) -> list[str]:
    return [w for w in query.split() if w][:8]


def _text_match(fields: list[str], query: str) -> Q:
    """Every word must appear in one of the fields."""
    return reduce(and_, (reduce(or_, (Q(**{f"{f}__icontains": w}) for f in fields)) for w in _words(query)))


def _fulltext(queryset, fields: list[str], query: str):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*fields, config="simple")
    search = SearchQuery(query, search_type="websearch", config="simple")
    return queryset.annotate(rank=SearchRank(vector, search)).filter(rank__gt=0)


def _match(queryset, fields: list[str], query: str, extra: Q | None = None):
    """Rows whose fields match the query, or that `extra` picks (e.g. by a person found through an alias)."""
    if settings.IS_POSTGRES:
        matched = _fulltext(queryset, fields, query).values("pk")
        condition = Q(pk__in=matched)
    else:
        condition = _text_match(fields, query)
    if extra is not None:
        condition |= extra
    return queryset.filter(condition).distinct()


def people_matching(query: str):
    fields = ["name", "native_name"]
    if settings.IS_POSTGRES:
        by_alias = _fulltext(Person.objects.all(), ["aliases__name"], query).values("pk")
    else:
        by_alias = Person.objects.filter(_text_match(["aliases__name"], query)).values("pk")
    return _match(Person.objects.all(), fields, query, Q(pk__in=by_alias))


def search(query: str, user) -> list[Group]:
    query = query.strip()[:MAX_QUERY]
    if not _words(query):
        return []
    people = people_matching(query)
    person_ids = people.values("pk")
    groups = [
        Group("people", "People", list(people.select_related("party")[:LIMIT])),
        Group(
            "rounds",
            "Rounds",
            list(
                _match(
                    visible_rounds(user).select_related("track"),
                    ["title", "summary", "venue_city", "venue_place", "track__name"],
                    query,
                    Q(delegations__members__person__in=person_ids),
                ).order_by("-date")[:LIMIT]
            ),
        ),
        Group(
            "demands",
            "Demands and positions",
            list(
                _match(
                    Demand.objects.visible_to(user)
                    .filter(track__in=Track.objects.visible_to(user))
                    .select_related("made_by", "track"),
                    ["summary", "text", "condition_for"],
                    query,
                )[:LIMIT]
            ),
        ),
        Group(
            "outcomes",
            "Outcomes",
            list(
                _match(
                    Outcome.objects.visible_to(user)
                    .filter(meeting__in=visible_rounds(user))
                    .select_related("meeting", "meeting__track"),
                    ["summary", "text"],
                    query,
                )[:LIMIT]
            ),
        ),
        Group(
            "statements",
            "Statements",
            list(
                _match(
                    Statement.objects.visible_to(user)
                    .filter(Q(meeting__isnull=True) | Q(meeting__in=visible_rounds(user)))
                    .select_related("speaker", "meeting"),
                    ["text", "speaker_description", "speaker__name"],
                    query,
                    Q(speaker__in=person_ids),
                )[:LIMIT]
            ),
        ),
        Group("sources", "Sources", list(_match(Source.objects.all(), ["outlet", "title"], query)[:LIMIT])),
    ]
    return [group for group in groups if group.results]
