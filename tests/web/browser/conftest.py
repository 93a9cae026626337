import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command

AXE = Path(__file__).resolve().parents[3] / "static" / "vendor" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


@pytest.fixture
def record(transactional_db, settings, tmp_path):
    """The demo record plus generated rounds, a gap, an uncertain date, an upcoming round and a swap carried out."""
    from talks.choices import DatePrecision, DateQualifier
    from talks.models import Meeting
    from tests import factories as f
    from tests.web import builders

    settings.DATA_DIR = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    busy = builders.busy_track(6)
    track = busy["track"]
    f.MeetingFactory(
        track=track,
        sequence=7,
        title="Autumn round",
        date=datetime.date(2025, 11, 1),
        date_precision=DatePrecision.MONTH,
        date_qualifier=DateQualifier.UNDISCLOSED,
        status=Meeting.Status.PROPOSED,
    )
    soon = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=3, hours=5)
    f.MeetingFactory(
        track=track,
        sequence=8,
        title="Next round",
        status=Meeting.Status.SCHEDULED,
        date=None,
        date_precision=DatePrecision.EXACT,
        scheduled_start=soon,
    )
    swap = builders.busy_swap(4)
    demo = Meeting.objects.get(track__slug="istanbul-direct-talks-2025")
    return {"demo": demo, "busy": busy, "swap": swap}


def violations(page) -> list[dict]:
    """Serious and critical accessibility violations that axe-core finds on the page as it stands."""
    # Loaded from the app's own static files: the Content-Security-Policy refuses inline scripts, injected ones too.
    page.add_script_tag(url="/static/vendor/axe-core/axe.min.js")
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
    )
    return [v for v in found if v["impact"] in SERIOUS]
