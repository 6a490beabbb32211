"""Reading the post-mortem TOML format: text → checked model (fast, with rtoml/tomli).

The format is documented in docs/toml-format.md; writing it is `pm_tui.toml_write`. Errors
are `FileFormatError`s that say `path:line:column: what is wrong`.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import UTC, date, datetime, timezone
from pathlib import Path
from typing import Any

import tomli  # its compiled wheel parses ~3x faster than the stdlib's pure-Python tomllib

from pm_tui.errors import FileFormatError
from pm_tui.lazy_import import lazy_module
from pm_tui.model import (
    ACTION_STATUSES,
    EVENT_KINDS,
    FACTOR_CATEGORIES,
    SCHEMA_VERSION,
    SEVERITIES,
    STATUSES,
    Acknowledgement,
    ActionItem,
    Analysis,
    ContributingFactor,
    Distribution,
    EvidenceSource,
    FiveWhys,
    GateOverride,
    Impact,
    IncidentWindow,
    PostMortem,
    Recurrence,
    Retrospective,
    TimelineEvent,
)
from pm_tui.model_checks import first_problem
from pm_tui.tomlpos import locate

TOMLDecodeError = tomli.TOMLDecodeError


class _Reader:
    """Typed access to a parsed TOML table, raising FileFormatError with a location."""

    def __init__(self, path: Path | str, text: str):
        self.path, self.text = path, text

    def fail(self, where: tuple, message: str) -> FileFormatError:
        line, col = locate(self.text, where)
        return FileFormatError(self.path, line, col, message)

    def get(self, table: dict, where: tuple, key: str, kind: Any, *, required=False, default=None):
        value = table.get(key, _MISSING)
        if value is _MISSING:
            if required:
                raise self.fail(where, f"missing required key '{_dotted(where, key)}'")
            return default
        t = type(value)
        if t is kind:
            if kind is not datetime:
                return value  # the usual case, settled without _is_kind (datetime: its zone)
            if value.tzinfo is not None:
                return _standard_zone(value)
        elif t is list and (kind is STRINGS or kind is TABLES):
            want = str if kind is STRINGS else dict
            for v in value:
                if not isinstance(v, want):
                    break
            else:
                return value  # a list of the kind asked for (most lists), as _is_kind says
        if not _is_kind(value, kind):
            raise self.fail(
                (*where, key),
                f"'{_dotted(where, key)}' should be {_describe(kind)}, not {_describe_value(value)}",
            )
        return _standard_zone(value) if kind is datetime else value

    def choice(self, table, where, key, choices, *, default, required=False):
        value = self.get(table, where, key, str, required=required, default=default)
        value = _ALIASES.get(value, value)
        if value not in choices:
            raise self.fail(
                (*where, key),
                f"'{_dotted(where, key)}' is '{value}'; expected one of: {', '.join(choices)}",
            )
        return value


def _standard_zone(value: datetime) -> datetime:
    """An aware datetime with a standard tzinfo: rtoml's own tzinfo class can be neither
    copied nor pickled; the model is both."""
    if type(value.tzinfo) is timezone:
        return value
    offset = value.utcoffset()
    zone = UTC if not offset else timezone(offset)
    if 1 < value.year < 9999:
        # the same fields in a zone of the same offset, as replace(tzinfo=zone) gives, in
        # half the time (a post-mortem has dozens of times); at the calendar's ends the
        # detour through UTC could leave it
        return value.astimezone(zone)
    return value.replace(tzinfo=zone)


_MISSING = object()
# The kinds of a list of strings and of a list of tables (one object each: `get` knows
# them by identity before comparing).
STRINGS: list = [str]
TABLES: list = [dict]
_ALIASES = {"won't-do": "wont-do", "wontdo": "wont-do"}


def _dotted(where: tuple, key: str) -> str:
    out = ""
    for p in (*where, key):
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


def _is_kind(value: Any, kind: Any) -> bool:
    if kind is str:  # most keys: answered first
        return isinstance(value, str)
    if kind is datetime:
        return isinstance(value, datetime) and value.tzinfo is not None
    if kind is date:
        return isinstance(value, date) and not isinstance(value, datetime)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == [str]:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == [dict]:
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return isinstance(value, kind)


def _describe(kind: Any) -> str:
    if isinstance(kind, list):
        return "a list of strings" if kind == [str] else "a list of tables"
    return {
        datetime: "a TOML offset date-time like 2025-02-09T10:05:00Z",
        date: "a TOML date like 2025-03-01 (no quotes)",
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "true or false",
        dict: "a table",
    }.get(kind) or ("a list of strings" if kind == [str] else "a list of tables")


def _describe_value(value: Any) -> str:
    if isinstance(value, datetime):
        return "a date-time without an offset" if value.tzinfo is None else "a date-time"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) < 40 else "a string"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


_rtoml = lazy_module("rtoml")  # imported at the first parse


def loads_toml(text: str) -> dict:
    """Parse TOML text with rtoml (Rust, ~4x faster than tomli); any text it refuses is
    parsed again by tomli, whose TOMLDecodeError names the line, column and problem."""
    rtoml = _rtoml()
    try:
        return rtoml.loads(text)  # its datetimes get a standard tzinfo in _Reader.get
    except rtoml.TomlParsingError:
        return tomli.loads(text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: B036 - a panic in the Rust parser (pyo3's PanicException)
        return tomli.loads(text)


def parse_postmortem(text: str, path: Path | str = "<text>") -> PostMortem:
    """Parse post-mortem TOML text into the model, or raise FileFormatError with a location."""
    try:
        data = loads_toml(text)
    except RecursionError:
        raise FileFormatError(path, 1, 1, "invalid TOML: nested too deeply") from None
    except TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) or "invalid TOML"
        raise FileFormatError(path, line, col, f"invalid TOML: {msg}") from None
    try:
        return from_dict(data, path, text)
    except RecursionError:
        raise FileFormatError(path, 1, 1, "nested too deeply") from None


def from_dict(data: dict, path: Path | str = "<text>", text: str = "") -> PostMortem:
    """Build the model from a parsed TOML table, checking every type."""
    r = _Reader(path, text)
    top: tuple = ()
    version = r.get(data, top, "schema_version", int, required=True)
    if version != SCHEMA_VERSION:
        raise r.fail(
            ("schema_version",),
            f"unknown schema_version {version}; this pm-tui reads version {SCHEMA_VERSION} "
            "(upgrade pm-tui to read newer files)",
        )
    window_t = r.get(data, top, "window", dict, required=True)
    w = ("window",)
    window = IncidentWindow(
        started=r.get(window_t, w, "started", datetime, required=True),
        **{k: r.get(window_t, w, k, datetime) for k in IncidentWindow.MILESTONES[1:]},
    )
    impact_t = r.get(data, top, "impact", dict, default={})
    w = ("impact",)
    impact = Impact(
        description=r.get(impact_t, w, "description", str, default=""),
        failed_requests=r.get(impact_t, w, "failed_requests", int),
        customers_affected=r.get(impact_t, w, "customers_affected", int),
        estimated_cost=r.get(impact_t, w, "estimated_cost", float),
        cost_currency=r.get(impact_t, w, "cost_currency", str, default="USD"),
    )
    sources = []
    for i, s in enumerate(r.get(data, top, "sources", TABLES, default=[])):
        w = ("sources", i)
        counts = r.get(s, w, "counts", dict, default={})
        for k, v in counts.items():
            if not _is_kind(v, int):
                raise r.fail((*w, "counts"), f"'sources[{i}].counts.{k}' should be an integer")
        options = r.get(s, w, "options", dict, default={})
        for k, v in options.items():
            if not (isinstance(v, bool | str) or _is_kind(v, int) or _is_kind(v, STRINGS)):
                raise r.fail(
                    (*w, "options"),
                    f"'sources[{i}].options.{k}' should be a string, a number, true/false "
                    "or a list of strings",
                )
        sources.append(
            EvidenceSource(
                kind=r.get(s, w, "kind", str, required=True),
                target=r.get(s, w, "target", str, default=""),
                query=r.get(s, w, "query", str, default=""),
                window_start=r.get(s, w, "window_start", datetime),
                window_end=r.get(s, w, "window_end", datetime),
                collected_at=r.get(s, w, "collected_at", datetime),
                counts=dict(counts),
                gaps=list(r.get(s, w, "gaps", STRINGS, default=[])),
                redactions=r.get(s, w, "redactions", int, default=0),
                options=dict(options),
            )
        )
    timeline = []
    for i, e in enumerate(r.get(data, top, "timeline", TABLES, default=[])):
        w = ("timeline", i)
        timeline.append(
            TimelineEvent(
                id=r.get(e, w, "id", str, required=True),
                time=r.get(e, w, "time", datetime, required=True),
                text=r.get(e, w, "text", str, default=""),
                kind=r.choice(e, w, "kind", EVENT_KINDS, default="other"),
                source=r.get(e, w, "source", str, default=""),
                actor=r.get(e, w, "actor", str, default=""),
            )
        )
    analysis_t = r.get(data, top, "analysis", dict, default={})
    w = ("analysis",)
    factors = []
    for i, f in enumerate(r.get(analysis_t, w, "factors", TABLES, default=[])):
        fw = ("analysis", "factors", i)
        factors.append(
            ContributingFactor(
                id=r.get(f, fw, "id", str, required=True),
                category=r.choice(f, fw, "category", FACTOR_CATEGORIES, default="other"),
                description=r.get(f, fw, "description", str, default=""),
                events=list(r.get(f, fw, "events", STRINGS, default=[])),
            )
        )
    chains = []
    for i, c in enumerate(r.get(analysis_t, w, "five_whys", TABLES, default=[])):
        cw = ("analysis", "five_whys", i)
        chains.append(
            FiveWhys(
                problem=r.get(c, cw, "problem", str, default=""),
                whys=list(r.get(c, cw, "whys", STRINGS, default=[])),
            )
        )
    analysis = Analysis(
        immediate_causes=list(r.get(analysis_t, w, "immediate_causes", STRINGS, default=[])),
        factors=factors,
        systemic_issues=list(r.get(analysis_t, w, "systemic_issues", STRINGS, default=[])),
        five_whys=chains,
    )
    recurrence_t = r.get(data, top, "recurrence", dict, default={})
    w = ("recurrence",)
    recurrence = Recurrence(
        same_cause_as=list(r.get(recurrence_t, w, "same_cause_as", STRINGS, default=[])),
        not_same_cause_as=list(r.get(recurrence_t, w, "not_same_cause_as", STRINGS, default=[])),
    )
    actions = []
    for i, a in enumerate(r.get(data, top, "actions", TABLES, default=[])):
        w = ("actions", i)
        actions.append(
            ActionItem(
                id=r.get(a, w, "id", str, required=True),
                action=r.get(a, w, "action", str, default=""),
                owner=r.get(a, w, "owner", str, default=""),
                deadline=r.get(a, w, "deadline", date),
                # Priority is checked by validation (a finding), so a typo does not lock the file.
                priority=r.get(a, w, "priority", str, default="Medium"),
                status=r.choice(a, w, "status", ACTION_STATUSES, default="open"),
                tracker_url=r.get(a, w, "tracker_url", str, default=""),
                factor=r.get(a, w, "factor", str, default=""),
            )
        )
    retro_t = r.get(data, top, "retrospective", dict, default={})
    w = ("retrospective",)
    retro = Retrospective(
        **{
            f.name: list(r.get(retro_t, w, f.name, STRINGS, default=[]))
            for f in fields(Retrospective)
        }
    )
    distribution = []
    for i, d in enumerate(r.get(data, top, "distribution", TABLES, default=[])):
        w = ("distribution", i)
        distribution.append(
            Distribution(
                sent_at=r.get(d, w, "sent_at", datetime, required=True),
                channel=r.get(d, w, "channel", str, required=True),
                recipients=list(r.get(d, w, "recipients", STRINGS, default=[])),
            )
        )
    acks = []
    for i, a in enumerate(r.get(data, top, "acknowledged", TABLES, default=[])):
        w = ("acknowledged", i)
        acks.append(
            Acknowledgement(
                rule=r.get(a, w, "rule", str, required=True),
                location=r.get(a, w, "location", str, default=""),
                reason=r.get(a, w, "reason", str, required=True),
                by=r.get(a, w, "by", str, default=""),
            )
        )
    overrides = []
    for i, o in enumerate(r.get(data, top, "overrides", TABLES, default=[])):
        w = ("overrides", i)
        overrides.append(
            GateOverride(
                action=r.get(o, w, "action", str, required=True),
                rule=r.get(o, w, "rule", str, required=True),
                location=r.get(o, w, "location", str, default=""),
                finding=r.get(o, w, "finding", str, default=""),
                reason=r.get(o, w, "reason", str, required=True),
                by=r.get(o, w, "by", str, default=""),
                at=r.get(o, w, "at", datetime, required=True),
            )
        )
    pm = PostMortem(
        id=r.get(data, top, "id", str, required=True),
        title=r.get(data, top, "title", str, required=True),
        window=window,
        status=r.choice(data, top, "status", STATUSES, default="draft"),
        severity=r.choice(data, top, "severity", tuple(SEVERITIES), default="P3"),
        services=list(r.get(data, top, "services", STRINGS, default=[])),
        authors=list(r.get(data, top, "authors", STRINGS, default=[])),
        reviewers=list(r.get(data, top, "reviewers", STRINGS, default=[])),
        reviewed=r.get(data, top, "reviewed", date),
        summary=r.get(data, top, "summary", str, default=""),
        root_cause=r.get(data, top, "root_cause", str, default=""),
        impact=impact,
        sources=sources,
        timeline=timeline,
        analysis=analysis,
        recurrence=recurrence,
        actions=actions,
        retrospective=retro,
        distribution=distribution,
        follow_up_review=r.get(data, top, "follow_up_review", date),
        acknowledged=acks,
        overrides=overrides,
        schema_version=version,
    )
    problem = first_problem(pm)
    if problem is not None:
        raise r.fail(*problem)
    return pm
