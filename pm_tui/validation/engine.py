"""Runs every rule over a post-mortem and applies acknowledgements and strictness."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from pm_tui.lazy_import import lazy_module
from pm_tui.model import PostMortem
from pm_tui.tomlpos import KeyIndex
from pm_tui.validation.finding import SEVERITY_ORDER, Finding


def validate(
    pm: PostMortem,
    *,
    text: str | None = None,
    today: date | None = None,
    known_ids: frozenset[str] | None = None,
) -> list[Finding]:
    """Every finding for `pm`; with the file's `text`, each finding gets its line and column;
    with `known_ids` (the repository's post-mortem ids), recurrence links must name one.

    Drafts may be incomplete: completeness rules are warnings there and errors once the
    post-mortem is in review or published. Acknowledged findings are kept, marked.
    """
    findings = _rules().run_all(pm, today=today, known_ids=known_ids)
    acks = {(a.rule, a.location): a.reason for a in pm.acknowledged}
    for f in findings:
        reason = acks.get((f.rule, f.location)) or acks.get((f.rule, "*"))
        if reason:
            f.acknowledged = reason
    if text is not None and findings:
        _place(findings, pm, text)
    findings.sort(
        key=lambda f: (bool(f.acknowledged), SEVERITY_ORDER.get(f.severity, 3), f.step, f.line)
    )
    return findings


_rules = lazy_module("pm_tui.validation.rules")  # imported at the first validation


def validate_file(
    path: Path, *, today: date | None = None, beside: dict | None = None
) -> tuple[PostMortem, list[Finding]]:
    """Read and validate one file (FileFormatError if it cannot be read); a file in a
    post-mortem folder has its recurrence links checked against the files beside it.
    `beside`: a dict kept by a caller validating many files (validate --all), holding each
    folder's ids once read; without it the folder is listed for this file alone."""
    from pm_tui.postmortem_store import read_postmortem_and_text

    pm, text = read_postmortem_and_text(path)
    path = Path(path)
    if beside is None:
        known_ids = ids_beside(path)
    elif path.parent in beside:
        known_ids = beside[path.parent]
    else:  # listing a folder of 1,000 files for each of them was a third of validate --all
        known_ids = beside[path.parent] = ids_beside(path)
    return pm, validate(pm, text=text, today=today, known_ids=known_ids)


def ids_beside(path: Path) -> frozenset[str] | None:
    """The post-mortem ids of the folder holding `path` when it is a repository's
    `postmortems/` folder (what recurrence links may name), else None (not checked)."""
    folder = path.parent
    if folder.name != "postmortems":
        return None
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    return frozenset(n[:-5] for n in names if n.endswith(".toml") and not n.startswith("."))


_ROW_TABLES = {
    "timeline": ("timeline", lambda pm: [e.id for e in pm.timeline]),
    "actions": ("actions", lambda pm: [a.id for a in pm.actions]),
    "factors": (("analysis", "factors"), lambda pm: [f.id for f in pm.analysis.factors]),
    "five_whys": (
        ("analysis", "five_whys"),
        lambda pm: [str(i + 1) for i in range(len(pm.analysis.five_whys))],
    ),
    "sources": ("sources", lambda pm: [f"S{i + 1}" for i in range(len(pm.sources))]),
}
_TABLES = ("analysis", "retrospective", "impact", "window", "recurrence")


def _place(findings: list[Finding], pm: PostMortem, text: str) -> None:
    """Fill in line/column from the TOML text for each finding's section/row/field."""
    keys = KeyIndex(text)  # one pass over the text, not one per finding
    for f in findings:
        path: tuple = ()
        sub = f.section
        if f.section == "analysis" and f.row:
            sub = "factors" if f.row.startswith("CF-") else ("five_whys" if f.row.isdigit() else "")
        if sub in _ROW_TABLES and f.row:
            table, ids = _ROW_TABLES[sub]
            try:
                index = ids(pm).index(f.row)
            except ValueError:
                index = None
            parts = table if isinstance(table, tuple) else (table,)
            path = (*parts, index) if index is not None else parts
        elif f.section in _TABLES:
            path = (f.section,)
        if f.field:
            path = (*path, f.field)
        elif f.section and not path:
            path = (f.section,)
        if not path:
            f.line, f.column = 1, 1
            continue
        line, col = keys.locate(path)
        if f.span and f.field and line > 1:
            col = _column_in_value(keys.lines, line, f.span[0]) or col
        f.line, f.column = line, col


def _column_in_value(lines: list[str], line: int, offset: int) -> int | None:
    """Column of character `offset` of a one-line string value that starts on `line`."""
    src = lines[line - 1]
    q = src.find('"')
    if q < 0 or '"""' in src:
        return None
    return q + 2 + offset
