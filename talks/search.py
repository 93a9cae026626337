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

LIMIT = 20  # results of a kind on a page
MAX_PAGE = 50  # past a thousand results of a kind, a reader narrows the words rather than reads on
MAX_QUERY = 200


@dataclass
class Group:
    kind: str
    label: str
    results: list = field(default_factory=list)
    page: int = 1
    has_next: bool = False


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


def _people(query: str, user):
    return _ranked(Person.objects.select_related("party"), people_matching(query), query, "name", "pk")


def _rounds(query: str, user):
    people = people_matching(query)
    found = _matching(Meeting, query).union(
        _ids(Meeting.objects.filter(track__in=_matching(Track, query))),
        _ids(DelegationMember.objects.filter(person__in=people), "delegation__meeting"),
        all=True,
    )
    rounds = visible_rounds(user).select_related("track")
    return _ranked(rounds, found, query, F("date").desc(nulls_last=True), "-pk")


def _demands(query: str, user):
    demands = Demand.objects.visible_to(user).filter(track__in=Track.objects.visible_to(user))
    return _ranked(demands.select_related("made_by", "track"), _matching(Demand, query), query, "-pk")


def _outcomes(query: str, user):
    outcomes = Outcome.objects.visible_to(user).filter(meeting__in=visible_rounds(user))
    outcomes = outcomes.select_related("meeting", "meeting__track")
    return _ranked(outcomes, _matching(Outcome, query), query, F("meeting__date").desc(nulls_last=True), "-pk")


def _statements(query: str, user):
    people = people_matching(query)
    found = _matching(Statement, query).union(_ids(Statement.objects.filter(speaker__in=people)), all=True)
    # Said outside any round, or at a round the reader may see: a UNION, as under an OR the planner would check
    # the round of every statement on the record rather than of the few found.
    candidates = Statement.objects.visible_to(user).filter(pk__in=found)
    visible = _ids(candidates.filter(meeting__isnull=True)).union(
        _ids(candidates.filter(meeting__in=visible_rounds(user))), all=True
    )
    statements = Statement.objects.select_related("speaker", "meeting")
    return _ranked(statements, visible, query, F("said_on").desc(nulls_last=True), "-pk")


def _sources(query: str, user):
    return _ranked(Source.objects.all(), _matching(Source, query), query, "outlet", "title", "pk")


KINDS = {
    "people": ("People", _people),
    "rounds": ("Rounds", _rounds),
    "demands": ("Demands and positions", _demands),
    "outcomes": ("Outcomes", _outcomes),
    "statements": ("Statements", _statements),
    "sources": ("Sources", _sources),
}


def search(query: str, user, kind: str = "", page: int = 1) -> list[Group]:
    """The first LIMIT results of each kind, or one page of one kind; each group knows if more follow."""
    query = query.strip()[:MAX_QUERY]
    if not _words(query):
        return []
    kinds = [kind] if kind in KINDS else list(KINDS)
    page = min(max(page, 1), MAX_PAGE) if kind in KINDS else 1
    groups = []
    for name in kinds:
        label, find = KINDS[name]
        start = (page - 1) * LIMIT
        rows = list(find(query, user)[start : start + LIMIT + 1])  # one more tells whether a next page exists
        if rows:
            groups.append(Group(name, label, rows[:LIMIT], page, has_next=len(rows) > LIMIT))
    return groups
