import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db, settings, tmp_path):
    """The demo record as `make run` loads it."""
    settings.DATA_DIR = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    from talks.models import Meeting

    return Meeting.objects.get(track__slug="istanbul-direct-talks-2025", sequence=1)
