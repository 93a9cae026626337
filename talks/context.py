"""What every page's template may ask: the reader's zone and whether the reader edits the record."""

import zoneinfo

from talks.permissions import can_edit


def reader(request):
    return {
        "reader_zone": getattr(request, "reader_zone", zoneinfo.ZoneInfo("UTC")),
        "reader_edits": can_edit(getattr(request, "user", None)),
    }
