"""Drafts are for editors; one queryset method decides, everywhere."""

import pytest
from django.contrib.auth.models import AnonymousUser

from talks.models import Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_readers_see_published_records_only(analyst, editor):
    published = MeetingFactory()
    draft = MeetingFactory(publication="draft", published_at=None)
    assert list(Meeting.objects.visible_to(AnonymousUser())) == [published]
    assert list(Meeting.objects.visible_to(analyst)) == [published]
    assert set(Meeting.objects.visible_to(editor)) == {published, draft}


def test_publishing_stamps_the_time_once():
    draft = MeetingFactory(publication="draft", published_at=None)
    draft.publish()
    first = draft.published_at
    draft.publish()
    assert draft.is_published and draft.published_at == first


def test_a_soft_deleted_record_leaves_every_view_but_stays_in_history(editor):
    meeting = MeetingFactory()
    meeting.soft_delete()
    assert not Meeting.objects.visible_to(editor).exists()
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert meeting.history.count() >= 2
