from talks.api.serializers.base import RecordSerializer, record_meta, self_link
from talks.models import Track, TrackParticipant


class TrackParticipantSerializer(RecordSerializer):
    url = self_link("track-participant")
    Meta = record_meta(TrackParticipant)


class TrackSerializer(RecordSerializer):
    url = self_link("track")
    participants = TrackParticipantSerializer(many=True, read_only=True)
    Meta = record_meta(Track, exclude=("parties",))
