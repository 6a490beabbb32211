"""People's Markdown prose rendered as HTML for the report, safely.

The one place that decides which links a report may carry: `LINK_SCHEMES`. Raw HTML in the
prose is shown as text, images are not fetched (a report loads nothing from elsewhere), and
a link with any other scheme (javascript:, data:, file:, a relative path) stays plain text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

LINK_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Control characters a browser strips before reading a scheme ("java\tscript:").
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def allowed_link(url: str) -> bool:
    """Whether `url` may become a link in a report: an http(s) or mailto URL, nothing else."""
    m = _SCHEME.match(_CONTROL.sub("", url or ""))
    return bool(m) and m.group(1).lower() in LINK_SCHEMES


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # heavy-ish: loaded on the first report only

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable("image")
    md.validateLink = allowed_link
    return md


def prose_html(text: str) -> str:
    """A block of Markdown prose as HTML; '' for empty text."""
    value = (text or "").strip()
    return _parser().render(value).strip() if value else ""


def inline_html(text: str) -> str:
    """One line of Markdown (a list item) as inline HTML."""
    value = (text or "").strip()
    return _parser().renderInline(value) if value else ""
