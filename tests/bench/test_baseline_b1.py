"""B1, the database-bound baseline, must answer with the API's exact bytes for the same page."""

import pytest
from django.db import connection
from psycopg.rows import dict_row
from rest_framework.test import APIClient

from bench import b1app
from talks.models import Citation, DelegationMember, DemandEvent
from tests import factories as f


@pytest.mark.services
@pytest.mark.django_db(transaction=True)  # B1 reads through its own connection: the rows must be committed
def test_it_answers_byte_identical_json_for_list_and_detail():
    meetings = [f.MeetingFactory() for _ in range(3)]
    delegation = f.DelegationFactory(meeting=meetings[1])
    person = f.PersonFactory()
    f.PersonRoleFactory(person=person)
    DelegationMember.objects.create(delegation=delegation, person=person, is_head=True)
    demand = f.DemandFactory(track=meetings[1].track)
    DemandEvent.objects.create(demand=demand, meeting=meetings[1], occurred_on=meetings[1].date, action="raised")
    Citation.objects.create(source=f.SourceFactory(), fact=demand, excerpt="A short excerpt.")
    pk = meetings[1].pk
    urls = [
        "/api/v1/meetings/?include=delegations,demands",
        "/api/v1/meetings/?page_size=1",
        f"/api/v1/meetings/{pk}/?include=sessions,agenda,delegations,absences,demands,outcomes,statements,citations",
    ]
    psycopg_connection = connection.get_new_connection(connection.get_connection_params())
    psycopg_connection.autocommit = True
    psycopg_connection.row_factory = dict_row
    client = APIClient()
    for url in urls:
        expected = client.get(url, HTTP_HOST="127.0.0.1").content
        got = b1app.Endpoint(url).body(psycopg_connection, "127.0.0.1")
        at = next(
            (i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), min(len(got), len(expected))
        )
        assert got == expected, (url, at, got[max(0, at - 150) : at + 150], expected[max(0, at - 150) : at + 150])
    psycopg_connection.close()
