"""Reading pages in tests as a reader sees them: text without tags, whitespace collapsed."""

import re
from html import unescape

from django.utils.html import strip_tags


def text(response_or_html) -> str:
    html = response_or_html if isinstance(response_or_html, str) else response_or_html.content.decode()
    return re.sub(r"\s+", " ", unescape(strip_tags(html)))
