"""What an editor's browser posts from the Log a round form, built from plain rows."""

import pytest

from talks.editing.forms import SECTIONS


def round_form_data(meeting: dict, **sections: list[dict]) -> dict:
    """The POST of the Log a round form: `meeting` fields and, per section, a list of rows of fields."""
    data = {f"meeting-{name}": value for name, value in meeting.items()}
    data.setdefault("meeting-attribution", "media_report")
    for prefix in SECTIONS:
        rows = sections.get(prefix, [])
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for i, row in enumerate(rows):
            for name, value in row.items():
                data[f"{prefix}-{i}-{name}"] = value
    return data


@pytest.fixture
def round_post():
    return round_form_data
