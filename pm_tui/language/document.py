"""Language checks over a whole Markdown or plain-text document, with line:column positions."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from pm_tui.language.actions import check_vague
from pm_tui.language.agents import reset_vocabulary, set_vocabulary
from pm_tui.language.prose import check_masked
from pm_tui.language.text import MASK, _masked, mask_prose

PROSE = "prose"
ACTIONS = "actions"


@dataclass(frozen=True)
class DocFinding:
    """A language finding placed in a document: 1-based line and column of its start."""

    rule: str
    severity: str
    message: str
    suggestion: str
    start: int
    end: int
    line: int
    column: int
    excerpt: str


@cache
def _md() -> dict[str, re.Pattern[str]]:
    return {
        "front": re.compile(
            r"\A(?:---|\+\+\+)[ \t]*\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.M | re.S
        ),
        "comment": re.compile(r"<!--.*?(?:-->|\Z)", re.S),
        "link_url": re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),
        "ref_def": re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M),
        "autolink": re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>"),
        "html_tag": re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>"),
        "heading": re.compile(r"^[ \t]{0,3}#{1,6}(?=\s)", re.M),
        "bullet": re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M),
        "table_sep": re.compile(
            r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", re.M
        ),
        "emphasis": re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~"),
    }


def mask_markdown(text: str, *, breaks: bool = True) -> str:
    """Mask what is not prose in a Markdown document (front matter, code, comments, link
    URLs, HTML tags) and, with `breaks`, turn structure (headings, bullets, table pipes) into
    sentence breaks; the result has the same length and offsets as `text`."""
    p = _md()
    ranges: list[tuple[int, int]] = []
    for name in ("front", "comment", "ref_def", "autolink", "table_sep"):
        ranges += [m.span() for m in p[name].finditer(text)]
    ranges += [(m.start() + 1, m.end()) for m in p["link_url"].finditer(text)]
    ranges += [m.span() for m in p["html_tag"].finditer(text)]
    masked = mask_prose(_masked(text, ranges) if ranges else text)
    if not breaks:
        return masked
    # Same-length edits found in `masked` (headings and bullets never share a line), built
    # once: a heading's marks become spaces, a bullet a line break (a space where the
    # bullet is "*": emphasis marks below become spaces, bullets included), a table pipe a
    # line break, emphasis "*" and "~~" spaces (underscores are masked text and stay).
    edits = [(m.start(), " " * (m.end() - m.start())) for m in p["heading"].finditer(masked)]
    for m in p["bullet"].finditer(masked):
        mark = " " if masked[m.start()] == "*" else "\n"
        edits.append((m.start(), mark + " " * (m.end() - m.start() - 1)))
    if edits:
        edits.sort()
        out, at = [], 0
        for start, piece in edits:
            out += [masked[at:start], piece]
            at = start + len(piece)
        out.append(masked[at:])
        masked = "".join(out)
    return masked.replace("|", "\n").replace("*", " ").replace("~~", "  ")


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def _excerpt(text: str, start: int, end: int) -> str:
    snippet = " ".join(text[start:end].split())
    return snippet if len(snippet) <= 160 else snippet[:157] + "..."


def lint_document(text: str, as_: str = PROSE) -> list[DocFinding]:
    """Run the language checks on a Markdown/text document. With `as_="actions"` each
    non-empty line (bullets and checkboxes stripped) is checked as one action item."""
    if as_ not in (PROSE, ACTIONS):
        raise ValueError(f"as_ must be {PROSE!r} or {ACTIONS!r}, not {as_!r}")
    token = set_vocabulary(text)
    try:
        if as_ == PROSE:
            raw = [(f, 0) for f in check_masked(mask_markdown(text))]
        else:
            raw = _action_findings(text, mask_markdown(text, breaks=False))
    finally:
        reset_vocabulary(token)
    lines = _Lines(text)
    out: list[DocFinding] = []
    for f, base in raw:
        start, end = f.start + base, f.end + base
        line, column = lines.position(start)
        out.append(
            DocFinding(
                f.rule,
                f.severity,
                f.message,
                f.suggestion,
                start,
                end,
                line,
                column,
                _excerpt(text, start, end),
            )
        )
    return sorted(out, key=lambda d: (d.start, d.rule))


def _action_findings(text: str, masked: str) -> list[tuple[object, int]]:
    found = []
    offset = 0
    bullet = _md()["bullet"]
    for line, mline in zip(text.split("\n"), masked.split("\n"), strict=False):
        content = mline.replace(MASK, " ").strip()
        if content and not line.lstrip().startswith("#"):
            m = bullet.match(line)
            lead = m.end() if m else len(line) - len(line.lstrip())
            body = line[lead:].rstrip()
            if body.startswith("|"):
                body = body.strip("|")
                lead += 1
            # The line is already masked as part of the document: reuse that for blame.
            found.extend((f, offset + lead) for f in check_masked(mline[lead : lead + len(body)]))
            found.extend((f, offset + lead) for f in check_vague(body))
        offset += len(line) + 1
    return found
