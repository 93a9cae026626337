"""People (roles over time, rounds attended) and parties (delegations, positions)."""

import pytest

from tests import factories as f
from tests.web import builders
from tests.web.html import text


def test_a_person_page_shows_roles_over_time_and_rounds_attended(client, demo):
    page = text(client.get("/people/rustem-umerov/"))
    assert "Minister of Defence of Ukraine · Ukraine 6 September 2023 – 17 July 2025" in page
    assert "Defence Council of Ukraine · Ukraine 17 July 2025 – present" in page
    assert "First round" in page and "Ukraine delegation, Head of delegation" in page
    assert "Also written: Rustem Umierov, Умєров" in page


def test_a_person_page_lists_absences_and_statements(client, demo):
    assert "Absent from" in text(client.get("/people/vladimir-putin/"))
    assert "Putin's decision not to come" in text(client.get("/people/volodymyr-zelenskyy/"))


def test_a_party_page_shows_its_delegations_and_positions(client, demo):
    page = text(client.get("/parties/russia/"))
    assert "Vladimir Medinsky (Aide to the President of the Russian Federation), head" in page
    assert "Ukrainian troops to withdraw from four oblasts" in page
    assert "A meeting at the level of presidents" in page  # made of Russia


def test_rounds_a_reader_may_not_see_stay_off_a_person_page(client, db):
    data = builders.busy_track(1)
    meeting = data["meetings"][0]
    person = meeting.delegations.first().members.first().person
    meeting.publication = "draft"
    meeting.save()
    page = text(client.get(f"/people/{person.slug}/"))
    assert "Rounds attended None on the record." in page


def test_unknown_people_and_parties_are_404(client, db):
    assert client.get("/people/nobody/").status_code == 404
    assert client.get("/parties/nowhere/").status_code == 404


@pytest.mark.parametrize("size", [1, 30])
def test_they_cost_the_same_queries_for_1_or_30_rounds(client, db, django_assert_max_num_queries, size):
    data = builders.busy_track(size)
    person = f.PersonFactory()
    for meeting in data["meetings"]:
        meeting.delegations.first().members.create(person=person)
    with django_assert_max_num_queries(6):
        client.get(f"/people/{person.slug}/")
    with django_assert_max_num_queries(8):
        client.get(f"/parties/{data['sides'][0].slug}/")
    with django_assert_max_num_queries(3):
        client.get("/people/")


def test_what_a_person_said_carries_its_sources(client, demo):
    page = text(client.get("/people/rustem-umerov/"))
    assert "A date for the exchange has been set" in page
    assert "at the round [1] Sources Euromaidan Press: Russia and Ukraine agree" in page
