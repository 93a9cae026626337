"""CSV of any list, with the list's filters, streamed row by row so a large table never sits in memory."""

import csv
import json

from rest_framework.renderers import BaseRenderer


class Echo:
    """A file-like object whose write() hands back the line, for csv.writer inside a generator."""

    def write(self, value):
        return value


def cell(value):
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "" if value is None else value


def csv_lines(header: list[str], rows):
    writer = csv.writer(Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([cell(row.get(name)) for name in header])


class CSVRenderer(BaseRenderer):
    """Renders what is not a streamed list (one record, an error) as CSV too."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        rows = data if isinstance(data, list) else [data]
        rows = [row if isinstance(row, dict) else {"value": row} for row in rows]
        header = list(dict.fromkeys(name for row in rows for name in row))
        return "".join(csv_lines(header, rows)).encode()
