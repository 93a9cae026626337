"""Conditional requests: an ETag on every read, 304 for If-None-Match, 412 for a stale If-Match on a write."""

import hashlib

from talks.api.errors import PreconditionFailed
from talks.api.rendering import dumps


def etag_for(data, representation: str = "json") -> str:
    """A strong ETag of the data as one representation (JSON, CSV, HTML differ)."""
    return etag_of(dumps(data), representation)


def etag_of(content: bytes, representation: str = "json") -> str:
    digest = hashlib.sha256(representation.encode() + b"\0" + content).hexdigest()
    return f'"{digest[:32]}"'


def parse_tags(header: str) -> list[str]:
    return [tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()]


def matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    tags = parse_tags(header)
    return "*" in tags or etag in tags


def check_if_match(request, current_etag: str) -> None:
    header = request.headers.get("If-Match")
    if header and not matches(header, current_etag):
        raise PreconditionFailed()
