"""Parties, people with their spellings and time-bound roles, and areas with ISO codes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from talks.models import Area, Party, PersonAlias
from tests.factories import AreaFactory, PartyFactory, PersonFactory, PersonRoleFactory, StateFactory

pytestmark = pytest.mark.django_db


def test_a_state_needs_its_country_code():
    with pytest.raises(IntegrityError), transaction.atomic():
        PartyFactory(kind=Party.Kind.STATE, country_code="")


def test_a_country_code_belongs_to_one_party():
    StateFactory(country_code="UA")
    with pytest.raises(IntegrityError), transaction.atomic():
        StateFactory(country_code="UA")


def test_organisations_need_no_country_code():
    PartyFactory(kind=Party.Kind.ORGANISATION)
    PartyFactory(kind=Party.Kind.ORGANISATION)
    assert Party.objects.count() == 2


def test_a_country_code_is_two_capital_letters():
    party = StateFactory.build(country_code="ua")
    with pytest.raises(ValidationError) as error:
        party.full_clean()
    assert "country_code" in error.value.message_dict


def test_a_person_is_found_under_every_spelling():
    person = PersonFactory(name="Volodymyr Zelenskyy")
    PersonAlias.objects.create(person=person, name="Volodymyr Zelensky")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonAlias.objects.create(person=person, name="Volodymyr Zelensky")
    assert person.aliases.get().name == "Volodymyr Zelensky"


def test_a_role_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonRoleFactory(started_on=datetime.date(2025, 1, 2), ended_on=datetime.date(2025, 1, 1))


def test_role_at_picks_the_post_held_that_day():
    person = PersonFactory()
    PersonRoleFactory(
        person=person, title="Minister", started_on=datetime.date(2020, 1, 1), ended_on=datetime.date(2025, 7, 16)
    )
    PersonRoleFactory(person=person, title="Secretary", started_on=datetime.date(2025, 7, 17))
    assert person.title_at(datetime.date(2025, 5, 16)) == "Minister"
    assert person.title_at(datetime.date(2025, 7, 17)) == "Secretary"
    assert person.title_at(datetime.date(2019, 1, 1)) == ""
    assert person.title_at(None) == ""


def test_an_area_code_is_iso_3166_2_and_unique():
    AreaFactory(iso_code="UA-14", name="Donetsk Oblast")
    with pytest.raises(IntegrityError), transaction.atomic():
        AreaFactory(iso_code="UA-14")
    bad = AreaFactory.build(iso_code="Donetsk")
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "iso_code" in error.value.message_dict


def test_an_area_code_matches_its_country():
    area = Area(name="Kherson Oblast", slug="kherson", iso_code="RU-65", country_code="UA")
    with pytest.raises(ValidationError) as error:
        area.full_clean()
    assert "iso_code" in error.value.message_dict
