from talks.api.serializers.base import RecordSerializer, record_meta, self_link
from talks.models import Area, Party, Person, PersonAlias, PersonRole


class PartySerializer(RecordSerializer):
    url = self_link("party")
    Meta = record_meta(Party)


class AreaSerializer(RecordSerializer):
    url = self_link("area")
    Meta = record_meta(Area)


class PersonRoleSerializer(RecordSerializer):
    url = self_link("person-role")
    Meta = record_meta(PersonRole)


class PersonAliasSerializer(RecordSerializer):
    url = self_link("person-alias")
    Meta = record_meta(PersonAlias)


class PersonSerializer(RecordSerializer):
    """A person with their names and every post held over time (a round shows the one held on its date)."""

    url = self_link("person")
    roles = PersonRoleSerializer(many=True, read_only=True)
    aliases = PersonAliasSerializer(many=True, read_only=True)
    Meta = record_meta(Person)


PERSON_PREFETCH = ("roles", "aliases")
