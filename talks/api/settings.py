"""The API's own settings, read from django.conf.settings.ROUNDTABLE_API with defaults."""

from django.conf import settings

DEFAULTS = {
    "PAGE_SIZE": 50,
    "MAX_PAGE_SIZE": 500,
    "MAX_BODY_BYTES": 1_000_000,
    "CSV_CHUNK": 500,
    # Build JSON reads from rows where the serializer allows it (talks.api.rows); off, DRF builds every read.
    "ROW_READS": True,
}


def api_setting(name: str):
    return getattr(settings, "ROUNDTABLE_API", {}).get(name, DEFAULTS[name])
