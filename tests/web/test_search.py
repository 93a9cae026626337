"""Search across the record, grouped by kind; a person's other spellings find them and what they said."""

import pytest

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
