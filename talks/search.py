"""Search across the record, grouped by kind, the most relevant first.

Each kind is matched on its own document (talks.fulltext): on PostgreSQL with `@@`, which the document's GIN index
serves, then only the matching rows are ranked; elsewhere (SQLite in development) every word must appear in one of
the document's fields, and ties decide the order. A person is found by any of their aliases, and so are the
statements they made and the rounds they attended; a round is also found by its track's name. Each of those is a
set of ids, and the sets are joined with UNION, so every part of the query can use its index.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q

from talks.fulltext import CONFIG, document_fields, document_of
from talks.models import DelegationMember, Demand, Meeting, Outcome, Person, PersonAlias, Source, Statement, Track
from talks.querysets import visible_rounds

LIMIT = 20
MAX_QUERY = 200


@dataclass
class Group:
    kind: str
    label: str
    results: list = field(default_factory=list)


def _words(query: str) -> list[str]:
    # Quotes mark a phrase for PostgreSQL; word by word, the phrase's words must all appear.
    return query.replace('"', " ").split()[:8]


def _ids(queryset, column: str = "pk"):
    # A member of a UNION may not be ordered.
    return queryset.order_by().values(column)


def _tsquery(query: str) -> SearchQuery:
    # websearch syntax never fails to parse: quotes make a phrase, "or" an alternative, "-" excludes a word.
    return SearchQuery(query, search_type="websearch", config=CONFIG)


def _matching(model, query: str, column: str = "pk"):
    """`column` of the model's records whose document matches the query."""
    if settings.IS_POSTGRES:
        found = model._default_manager.alias(document=document_of(model)).filter(document=_tsquery(query))
    else:
        every_word = (reduce(or_, (Q(**{f"{f}__icontains": w}) for f in document_fields(model))) for w in _words(query))
        found = model._default_manager.filter(reduce(and_, every_word))
    return _ids(found, column)


def _ranked(queryset, ids, query: str, *ties):
    """The rows of `queryset` among `ids`, those whose own document ranks highest first, then by `ties`."""
    queryset = queryset.filter(pk__in=ids)
    if not settings.IS_POSTGRES:
        return queryset.order_by(*ties)
    rank = SearchRank(document_of(queryset.model), _tsquery(query))
    return queryset.alias(rank=rank).order_by("-rank", *ties)


def people_matching(query: str):
    """Ids of the people named, by their name, native name or any alias."""
    return _matching(Person, query).union(_matching(PersonAlias, query, "person"), all=True)


def search(query: str, user) -> list[Group]:
    query = query.strip()[:MAX_QUERY]
    if not _words(query):
        return []
    people = people_matching(query)
    visible = visible_rounds(user)
    rounds = _matching(Meeting, query).union(
        _ids(Meeting.objects.filter(track__in=_matching(Track, query))),
        _ids(DelegationMember.objects.filter(person__in=people), "delegation__meeting"),
        all=True,
    )
    statements = _matching(Statement, query).union(_ids(Statement.objects.filter(speaker__in=people)), all=True)
    groups = [
        Group("people", "People", _ranked(Person.objects.select_related("party"), people, query, "name")),
        Group(
            "rounds",
            "Rounds",
            _ranked(visible.select_related("track"), rounds, query, F("date").desc(nulls_last=True), "-pk"),
        ),
        Group(
            "demands",
            "Demands and positions",
            _ranked(
                Demand.objects.visible_to(user)
                .filter(track__in=Track.objects.visible_to(user))
                .select_related("made_by", "track"),
                _matching(Demand, query),
                query,
                "-pk",
            ),
        ),
        Group(
            "outcomes",
            "Outcomes",
            _ranked(
                Outcome.objects.visible_to(user)
                .filter(meeting__in=visible)
                .select_related("meeting", "meeting__track"),
                _matching(Outcome, query),
                query,
                F("meeting__date").desc(nulls_last=True),
                "-pk",
            ),
        ),
        Group(
            "statements",
            "Statements",
            _ranked(
                Statement.objects.visible_to(user)
                .filter(Q(meeting__isnull=True) | Q(meeting__in=visible))
                .select_related("speaker", "meeting"),
                statements,
                query,
                F("said_on").desc(nulls_last=True),
                "-pk",
            ),
        ),
        Group("sources", "Sources", _ranked(Source.objects.all(), _matching(Source, query), query, "outlet", "title")),
    ]
    for group in groups:
        group.results = list(group.results[:LIMIT])
    return [group for group in groups if group.results]
