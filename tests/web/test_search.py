"""Search across the record, grouped by kind; a person's other spellings find them and what they said."""

import datetime

import pytest
from django.db import connection

from talks import search
from talks.fulltext import DocumentIndex
from talks.models import DelegationMember, Demand, Meeting, Outcome, Person, PersonAlias, Source, Statement, Track
from tests import factories as f
from tests.web.html import text


def groups(response) -> list[str]:
    return [g.label for g in response.context["groups"]]


def test_it_groups_results_by_kind(client, demo):
    response = client.get("/search/", {"q": "Istanbul"})
    assert "Rounds" in groups(response)
    response = client.get("/search/", {"q": "ceasefire"})
    assert {"Demands and positions", "Outcomes"} <= set(groups(response))


def test_an_alias_finds_the_person_their_statements_and_rounds(client, demo):
    response = client.get("/search/", {"q": "Zelenskiy"})
    assert "Volodymyr Zelenskyy" in text(response)
    assert "Statements" in groups(response)
    response = client.get("/search/", {"q": "Umierov"})
    assert {"People", "Rounds", "Statements"} <= set(groups(response))


def test_it_finds_sources_by_outlet(client, demo):
    assert "Sources" in groups(client.get("/search/", {"q": "Telegraph"}))


def test_it_never_shows_drafts_to_readers(client, db, editor):
    f.OutcomeFactory(summary="Secret corridor", publication="draft")
    assert groups(client.get("/search/", {"q": "corridor"})) == []
    client.force_login(editor)
    assert groups(client.get("/search/", {"q": "corridor"})) == ["Outcomes"]


def test_statements_at_a_draft_round_stay_hidden_and_those_outside_rounds_show(client, db, editor):
    f.StatementFactory(text="The corridor is open.", meeting=f.MeetingFactory(publication="draft"))
    f.StatementFactory(text="The corridor will hold.", meeting=None)
    (statements,) = client.get("/search/", {"q": "corridor"}).context["groups"]
    assert [s.text for s in statements.results] == ["The corridor will hold."]
    client.force_login(editor)
    (statements,) = client.get("/search/", {"q": "corridor"}).context["groups"]
    assert len(statements.results) == 2


@pytest.mark.parametrize("query", ["", "   ", "%", "a" * 5000, "' OR 1=1 --", "<script>"])
def test_odd_queries_answer_calmly(client, db, query):
    assert client.get("/search/", {"q": query}).status_code == 200


def test_it_costs_a_fixed_number_of_queries(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/search/", {"q": "Russia"})


def test_the_results_export_as_csv(client, demo):
    response = client.get("/search/", {"q": "Umerov", "export": "csv"})
    lines = response.content.decode().splitlines()
    assert lines[0] == "kind,record,url"
    assert any(
        line.startswith("People,Rustem Umerov,http") and line.endswith("/people/rustem-umerov/") for line in lines
    )


@pytest.mark.parametrize(
    "query, kind, found",
    [
        ("ceasefire", "Outcomes", "No agreement on a ceasefire"),
        ("prisoner exchange", "Outcomes", "Exchange of 1,000 prisoners for 1,000"),
        ('"ceasefire proposals"', "Outcomes", "Both sides to prepare ceasefire proposals"),
        ("Medinsky", "People", "Vladimir Medinsky"),
    ],
)
def test_it_finds_a_word_two_words_a_phrase_and_a_name(client, demo, query, kind, found):
    groups = {g.label: [str(r) for r in g.results] for g in client.get("/search/", {"q": query}).context["groups"]}
    assert found in groups[kind]


def test_it_says_when_nothing_matches(client, demo):
    response = client.get("/search/", {"q": "zeppelin"})
    assert groups(response) == []
    assert "Nothing on the record matches “zeppelin”" in text(response)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "&|!:*()'"},
        {"q": '"'},
        {"q": '"ceasefire'},
        {"q": "-"},
        {"q": "or"},
        {"q": "!ceasefire"},
        {"q": "ceasefire:*"},
        {"q": "a & (b | !c)"},
        {"q": "Зеленський"},
        {"q": "ceasefire " * 100},
        {"q": "ceasefire", "page": "abc"},
        {"q": "ceasefire", "kind": "outcomes", "page": "-3"},
        {"q": "ceasefire", "kind": "outcomes", "page": "999999999999"},
        {"q": "ceasefire", "kind": "nonsense"},
    ],
)
def test_query_syntax_and_odd_pages_never_break_the_page(client, demo, params):
    assert client.get("/search/", params).status_code == 200


@pytest.mark.parametrize("rows", [1, 30])
def test_it_costs_the_same_queries_for_few_or_many_matches(client, db, rows, django_assert_max_num_queries):
    envoy = f.PersonFactory(name="Corridor Envoy")
    for _ in range(rows):
        meeting = f.MeetingFactory(summary="Talks resumed")  # found through the envoy in its delegation
        DelegationMember.objects.create(delegation=f.DelegationFactory(meeting=meeting), person=envoy)
        f.OutcomeFactory(meeting=meeting, summary="Corridor opened")
        f.DemandFactory(summary="Open a corridor")
        f.StatementFactory(meeting=meeting, speaker=envoy, text="The corridor holds.")
        f.SourceFactory(title="Corridor report")
    with django_assert_max_num_queries(6):
        response = client.get("/search/", {"q": "corridor"})
    shown = min(rows, search.LIMIT)
    assert [(g.kind, len(g.results)) for g in response.context["groups"]] == [
        ("people", 1),
        ("rounds", shown),
        ("demands", shown),
        ("outcomes", shown),
        ("statements", shown),
        ("sources", shown),
    ]


def test_more_results_of_a_kind_come_in_pages(client, db):
    titles = {f.SourceFactory(title=f"Corridor report {n}").title for n in range(45)}
    response = client.get("/search/", {"q": "corridor"})
    (first,) = response.context["groups"]
    assert len(first.results) == 20 and first.has_next
    assert "?q=corridor&amp;kind=sources&amp;page=2" in response.content.decode()
    pages = [client.get("/search/", {"q": "corridor", "kind": "sources", "page": n}) for n in (1, 2, 3)]
    seen = [[r.title for r in page.context["groups"][0].results] for page in pages]
    assert [len(titles_on_page) for titles_on_page in seen] == [20, 20, 5]
    assert set(seen[0] + seen[1] + seen[2]) == titles
    assert [page.context["groups"][0].has_next for page in pages] == [True, True, False]
    assert "Next page" in text(pages[1]) and "Previous page" in text(pages[1])


# PostgreSQL's full-text search: ranking, phrases and the indexes that serve it ----------------------------------


@pytest.mark.services
def test_a_match_in_the_headline_ranks_above_one_in_the_text(client, db):
    f.OutcomeFactory(summary="Talks resumed", text="A corridor was mentioned.", meeting__date=datetime.date(2025, 6, 1))
    f.OutcomeFactory(summary="Humanitarian corridor agreed", meeting__date=datetime.date(2025, 1, 1))
    (outcomes,) = client.get("/search/", {"q": "corridor"}).context["groups"]
    assert [o.summary for o in outcomes.results] == ["Humanitarian corridor agreed", "Talks resumed"]


@pytest.mark.services
def test_phrases_keep_their_order_and_a_minus_excludes_a_word(client, demo):
    def outcomes(query):
        found = {g.kind: g.results for g in client.get("/search/", {"q": query}).context["groups"]}
        return [str(o) for o in found.get("outcomes", [])]

    assert outcomes('"proposals ceasefire"') == []
    assert outcomes("ceasefire -proposals") == ["No agreement on a ceasefire"]


@pytest.mark.services
@pytest.mark.parametrize("model", [Person, PersonAlias, Track, Meeting, Demand, Outcome, Statement, Source])
def test_each_kind_is_matched_through_its_index(db, model):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # else the planner reads empty tables whole
    index = next(i.name for i in model._meta.indexes if isinstance(i, DocumentIndex))
    assert index in search._matching(model, "ceasefire").explain()
