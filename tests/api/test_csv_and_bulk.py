"""CSV of every list with its filters, and the whole published record as a streamed ZIP of CSVs."""

import csv
import io
import zipfile

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_a_list_as_csv_has_the_same_rows_as_json(api):
    held = f.MeetingFactory(date="2025-05-16", title="First")
    f.MeetingFactory(date="2025-06-02")
    f.MeetingFactory(publication="draft", published_at=None)
    response = api.get("/api/v1/meetings/?held_before=2025-05-31&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = rows_of(response)
    assert [(int(r["id"]), r["title"], r["date"]) for r in rows] == [(held.pk, "First", "2025-05-16")]
    assert rows[0]["url"].endswith(f"/api/v1/meetings/{held.pk}/")


def test_a_csv_list_is_not_cut_to_a_page(api):
    for _ in range(7):
        f.PartyFactory()
    assert len(rows_of(api.get("/api/v1/parties/?format=csv&page_size=2"))) == 7


def test_inlined_parts_go_in_one_cell_as_json(api):
    meeting = f.MeetingFactory()
    meeting.sessions.create(sequence=1, note="Morning")
    rows = rows_of(api.get("/api/v1/meetings/?format=csv&include=sessions"))
    assert '"note":"Morning"' in rows[0]["sessions"]


def test_the_bulk_download_is_a_zip_of_every_published_table(api):
    published = f.MeetingFactory(title="Public")
    f.MeetingFactory(title="Secret", publication="draft", published_at=None)
    demand = f.DemandFactory()
    demand.areas.add(f.AreaFactory())
    response = api.get("/api/v1/bulk/")
    assert response.streaming and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = set(archive.namelist())
    assert {"data_dictionary.csv", "talks_meeting.csv", "talks_citation.csv", "exchanges_swapstage.csv"} <= names
    assert "talks_demand_areas.csv" in names
    meetings = list(csv.DictReader(io.TextIOWrapper(archive.open("talks_meeting.csv"), "utf-8")))
    assert [m["title"] for m in meetings] == ["Public"] and meetings[0]["id"] == str(published.pk)
    assert "deleted_at" not in meetings[0]
    dictionary = list(csv.DictReader(io.TextIOWrapper(archive.open("data_dictionary.csv"), "utf-8")))
    date = next(row for row in dictionary if row["table"] == "talks_meeting" and row["column"] == "date")
    assert "venue's zone" in date["description"]


def test_the_bulk_download_streams_in_pieces(api, settings):
    settings.ROUNDTABLE_API = {"CSV_CHUNK": 10}
    for _ in range(45):
        f.PartyFactory()
    chunks = list(api.get("/api/v1/bulk/").streaming_content)
    assert len(chunks) > 10  # written and sent as it goes, not built whole first
