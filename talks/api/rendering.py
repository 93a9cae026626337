"""DRF's JSON, written by orjson: the same bytes (compact UTF-8, U+2028/2029 escaped, times in ISO 8601 with Z for
UTC as DRF writes them, anything else through DRF's own encoder), several times faster on a page of a thousand
records."""

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_UTC_Z
_encode_other = JSONEncoder().default


class JSONRenderer(renderers.JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}) or self.ensure_ascii or not self.compact:
            return super().render(data, accepted_media_type, renderer_context)
        return dumps(data)


def dumps(data) -> bytes:
    # As DRF does, so the output can sit inside a <script>.
    return (
        orjson.dumps(data, default=_encode_other, option=OPTIONS)
        .replace(b"\xe2\x80\xa8", b"\\u2028")
        .replace(b"\xe2\x80\xa9", b"\\u2029")
    )
