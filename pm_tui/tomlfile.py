"""The post-mortem TOML format: parse (fast, with tomli/tomllib) and render (with tomlkit,
merged into the existing document so a person's comments, key order and layout survive).

The format is documented in docs/toml-format.md. Errors are `FileFormatError`s that say
`path:line:column: what is wrong`.
"""

from __future__ import annotations

import re

try:  # tomli's compiled wheel parses ~3x faster than the stdlib's pure-Python tomllib
    import tomli as tomllib
except ImportError:  # pragma: no cover - same API, just slower
    import tomllib
from dataclasses import fields
from datetime import UTC, date, datetime, timezone
from pathlib import Path
from typing import Any

from pm_tui.errors import FileFormatError
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
    Impact,
    IncidentWindow,
    PostMortem,
    Retrospective,
    TimelineEvent,
)
from pm_tui.tomlpos import locate

# ---------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------


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
        if type(value) is kind and kind is not datetime:
            return value  # the usual case, settled without _is_kind (datetime needs its zone)
        if not _is_kind(value, kind):
            raise self.fail(
                (*where, key),
                f"'{_dotted(where, key)}' should be {_describe(kind)}, not {_describe_value(value)}",
            )
        if kind is datetime and type(value.tzinfo) is not timezone:
            # rtoml's own tzinfo class can be neither copied nor pickled; the model is both.
            offset = value.utcoffset()
            value = value.replace(tzinfo=UTC if not offset else timezone(offset))
        return value

    def choice(self, table, where, key, choices, *, default, required=False):
        value = self.get(table, where, key, str, required=required, default=default)
        value = _ALIASES.get(value, value)
        if value not in choices:
            raise self.fail(
                (*where, key),
                f"'{_dotted(where, key)}' is '{value}'; expected one of: {', '.join(choices)}",
            )
        return value


_MISSING = object()
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


def _loads(text: str) -> dict:
    """Parse TOML text: rtoml (Rust, ~4x faster than tomli) when installed; any text it
    refuses is parsed again by tomli, whose error names the line, column and problem."""
    try:
        import rtoml
    except ImportError:
        return tomllib.loads(text)
    try:
        return rtoml.loads(text)  # its datetimes get a standard tzinfo in _Reader.get
    except rtoml.TomlParsingError:
        return tomllib.loads(text)  # raises TOMLDecodeError with a precise message


def parse_postmortem(text: str, path: Path | str = "<text>") -> PostMortem:
    """Parse post-mortem TOML text into the model, or raise FileFormatError with a location."""
    try:
        data = _loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) or "invalid TOML"
        raise FileFormatError(path, line, col, f"invalid TOML: {msg}") from None
    return from_dict(data, path, text)


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
    for i, s in enumerate(r.get(data, top, "sources", [dict], default=[])):
        w = ("sources", i)
        counts = r.get(s, w, "counts", dict, default={})
        for k, v in counts.items():
            if not _is_kind(v, int):
                raise r.fail((*w, "counts"), f"'sources[{i}].counts.{k}' should be an integer")
        sources.append(
            EvidenceSource(
                kind=r.get(s, w, "kind", str, required=True),
                target=r.get(s, w, "target", str, default=""),
                query=r.get(s, w, "query", str, default=""),
                window_start=r.get(s, w, "window_start", datetime),
                window_end=r.get(s, w, "window_end", datetime),
                collected_at=r.get(s, w, "collected_at", datetime),
                counts=dict(counts),
                gaps=list(r.get(s, w, "gaps", [str], default=[])),
                redactions=r.get(s, w, "redactions", int, default=0),
            )
        )
    timeline = []
    for i, e in enumerate(r.get(data, top, "timeline", [dict], default=[])):
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
    for i, f in enumerate(r.get(analysis_t, w, "factors", [dict], default=[])):
        fw = ("analysis", "factors", i)
        factors.append(
            ContributingFactor(
                id=r.get(f, fw, "id", str, required=True),
                category=r.choice(f, fw, "category", FACTOR_CATEGORIES, default="other"),
                description=r.get(f, fw, "description", str, default=""),
                events=list(r.get(f, fw, "events", [str], default=[])),
            )
        )
    chains = []
    for i, c in enumerate(r.get(analysis_t, w, "five_whys", [dict], default=[])):
        cw = ("analysis", "five_whys", i)
        chains.append(
            FiveWhys(
                problem=r.get(c, cw, "problem", str, default=""),
                whys=list(r.get(c, cw, "whys", [str], default=[])),
            )
        )
    analysis = Analysis(
        immediate_causes=list(r.get(analysis_t, w, "immediate_causes", [str], default=[])),
        factors=factors,
        systemic_issues=list(r.get(analysis_t, w, "systemic_issues", [str], default=[])),
        five_whys=chains,
    )
    actions = []
    for i, a in enumerate(r.get(data, top, "actions", [dict], default=[])):
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
            f.name: list(r.get(retro_t, w, f.name, [str], default=[]))
            for f in fields(Retrospective)
        }
    )
    distribution = []
    for i, d in enumerate(r.get(data, top, "distribution", [dict], default=[])):
        w = ("distribution", i)
        distribution.append(
            Distribution(
                sent_at=r.get(d, w, "sent_at", datetime, required=True),
                channel=r.get(d, w, "channel", str, required=True),
                recipients=list(r.get(d, w, "recipients", [str], default=[])),
            )
        )
    acks = []
    for i, a in enumerate(r.get(data, top, "acknowledged", [dict], default=[])):
        w = ("acknowledged", i)
        acks.append(
            Acknowledgement(
                rule=r.get(a, w, "rule", str, required=True),
                location=r.get(a, w, "location", str, default=""),
                reason=r.get(a, w, "reason", str, required=True),
                by=r.get(a, w, "by", str, default=""),
            )
        )
    return PostMortem(
        id=r.get(data, top, "id", str, required=True),
        title=r.get(data, top, "title", str, required=True),
        window=window,
        status=r.choice(data, top, "status", STATUSES, default="draft"),
        severity=r.choice(data, top, "severity", tuple(SEVERITIES), default="P3"),
        services=list(r.get(data, top, "services", [str], default=[])),
        authors=list(r.get(data, top, "authors", [str], default=[])),
        reviewers=list(r.get(data, top, "reviewers", [str], default=[])),
        reviewed=r.get(data, top, "reviewed", date),
        summary=r.get(data, top, "summary", str, default=""),
        root_cause=r.get(data, top, "root_cause", str, default=""),
        impact=impact,
        sources=sources,
        timeline=timeline,
        analysis=analysis,
        actions=actions,
        retrospective=retro,
        distribution=distribution,
        follow_up_review=r.get(data, top, "follow_up_review", date),
        acknowledged=acks,
        schema_version=version,
    )


# ---------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------


def to_dict(pm: PostMortem) -> dict:
    """The model as plain TOML-ready data in the documented key order; None values omitted."""

    def clean(d: dict) -> dict:
        return {k: v for k, v in d.items() if v is not None}

    w = pm.window
    return clean(
        {
            "schema_version": pm.schema_version,
            "id": pm.id,
            "title": pm.title,
            "status": pm.status,
            "severity": pm.severity,
            "services": list(pm.services),
            "authors": list(pm.authors),
            "reviewers": list(pm.reviewers),
            "reviewed": pm.reviewed,
            "follow_up_review": pm.follow_up_review,
            "summary": pm.summary,
            "root_cause": pm.root_cause,
            "window": clean({k: getattr(w, k) for k in IncidentWindow.MILESTONES}),
            "impact": clean(
                {
                    "description": pm.impact.description,
                    "failed_requests": pm.impact.failed_requests,
                    "customers_affected": pm.impact.customers_affected,
                    "estimated_cost": pm.impact.estimated_cost,
                    "cost_currency": pm.impact.cost_currency
                    if pm.impact.estimated_cost is not None or pm.impact.cost_currency != "USD"
                    else None,
                }
            ),
            "sources": [
                clean(
                    {
                        "kind": s.kind,
                        "target": s.target,
                        "query": s.query or None,
                        "window_start": s.window_start,
                        "window_end": s.window_end,
                        "collected_at": s.collected_at,
                        "counts": dict(s.counts),
                        "gaps": list(s.gaps),
                        "redactions": s.redactions or None,
                    }
                )
                for s in pm.sources
            ],
            "timeline": [
                clean(
                    {
                        "id": e.id,
                        "time": e.time,
                        "kind": e.kind,
                        "text": e.text,
                        "source": e.source or None,
                        "actor": e.actor or None,
                    }
                )
                for e in pm.timeline
            ],
            "analysis": {
                "immediate_causes": list(pm.analysis.immediate_causes),
                "systemic_issues": list(pm.analysis.systemic_issues),
                "factors": [
                    {
                        "id": f.id,
                        "category": f.category,
                        "description": f.description,
                        "events": list(f.events),
                    }
                    for f in pm.analysis.factors
                ],
                "five_whys": [
                    {"problem": c.problem, "whys": list(c.whys)} for c in pm.analysis.five_whys
                ],
            },
            "actions": [
                clean(
                    {
                        "id": a.id,
                        "action": a.action,
                        "owner": a.owner,
                        "deadline": a.deadline,
                        "priority": a.priority,
                        "status": a.status,
                        "factor": a.factor or None,
                        "tracker_url": a.tracker_url or None,
                    }
                )
                for a in pm.actions
            ],
            "retrospective": {
                f.name: list(getattr(pm.retrospective, f.name)) for f in fields(Retrospective)
            },
            "distribution": [
                {"sent_at": d.sent_at, "channel": d.channel, "recipients": list(d.recipients)}
                for d in pm.distribution
            ],
            "acknowledged": [
                clean(
                    {"rule": a.rule, "location": a.location, "reason": a.reason, "by": a.by or None}
                )
                for a in pm.acknowledged
            ],
        }
    )


def render_postmortem(pm: PostMortem, existing_text: str | None = None) -> str:
    """TOML text for `pm`. With `existing_text`, only what changed is rewritten in it."""
    import tomlkit

    data = to_dict(pm)
    if existing_text:
        try:
            if from_dict(_loads(existing_text)) == pm:
                return existing_text
        except (tomllib.TOMLDecodeError, FileFormatError):
            pass
        doc = tomlkit.parse(existing_text)
    else:
        doc = tomlkit.document()
        doc.add(tomlkit.comment(f"Post-mortem {pm.id}: edit freely; format in docs/toml-format.md"))
    _merge_table(doc, data, top=True)
    return tomlkit.dumps(doc)


def _unwrap(value: Any) -> Any:
    return value.unwrap() if hasattr(value, "unwrap") else value


def _comparable(data: Any) -> Any:
    """`data` with empty containers dropped, matching what an absent key means."""
    if isinstance(data, dict):
        return {k: _comparable(v) for k, v in data.items() if not _is_empty(v)}
    if isinstance(data, list):
        return [_comparable(v) for v in data]
    return data


def _is_empty(v: Any) -> bool:
    return v is None or (isinstance(v, list | dict) and not v) or v == ""


def _merge_table(container: Any, data: dict, top: bool = False) -> None:
    import tomlkit

    for key, value in data.items():
        if key not in container:
            if _is_empty(_comparable(value)) or value in _DEFAULTS.get(key, ()):
                continue  # an empty value or a default is the same as an absent key
            container[key] = _new_item(key, value, top)
            continue
        current = container[key]
        if _unwrap(current) == value:
            continue
        if _is_empty(value) and not isinstance(current, tomlkit.items.Table):
            del container[key]
            continue
        if isinstance(value, dict) and isinstance(current, dict):
            if isinstance(current, tomlkit.items.InlineTable):
                container[key] = _new_item(key, value, top)
            else:
                _merge_table(current, value)
                for k in [k for k in current if k not in value]:
                    del current[k]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            _merge_aot(container, key, value)
        elif isinstance(value, list) and isinstance(current, tomlkit.items.Array):
            _merge_array(current, value)
        elif isinstance(value, str) and isinstance(current, tomlkit.items.String):
            container[key] = _string(value, multiline=current.type.is_multiline() or "\n" in value)
        else:
            container[key] = _new_item(key, value, top)
    # Known keys that became empty in the model: drop them from the file.
    for key in list(container.keys()):
        if key in _MODEL_KEYS_EMPTIABLE and key not in data:
            del container[key]


# Values a file may leave out; when it does, saving does not add them.
_DEFAULTS = {
    "status": ("draft", "open"),
    "severity": ("P3",),
    "kind": ("other",),
    "priority": ("Medium",),
    "redactions": (0,),
}

_MODEL_KEYS_EMPTIABLE = {
    "reviewed",
    "follow_up_review",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
    "failed_requests",
    "customers_affected",
    "estimated_cost",
    "cost_currency",
    "deadline",
    "tracker_url",
    "factor",
    "source",
    "actor",
    "query",
    "window_start",
    "window_end",
    "collected_at",
    "by",
}


def _merge_array(current: Any, value: list) -> None:
    """Change a list in place: keep items (and their comments) that are unchanged."""
    old = [_unwrap(v) for v in current]
    if old == value:
        return
    # Rebuild but keep the array's multiline style.
    multiline = "\n" in current.as_string()
    current.clear()
    for v in value:
        current.append(_string(v, multiline=False) if isinstance(v, str) and "\n" in v else v)
    if multiline or len(value) > 2:
        current.multiline(True)


def _merge_aot(container: Any, key: str, rows: list[dict]) -> None:
    import tomlkit

    current = container[key]
    if not isinstance(current, tomlkit.items.AoT):
        container[key] = _new_item(key, rows, False)
        return
    old_tables = list(current.body)
    by_id = {}
    for t in old_tables:
        rid = t.get("id")
        if rid is not None:
            by_id.setdefault(_unwrap(rid), t)
    new_tables = []
    for i, row in enumerate(rows):
        table = by_id.pop(row.get("id"), None) if "id" in row else None
        if table is None and "id" not in row and i < len(old_tables):
            table = old_tables[i]
        if table is None:
            table = _new_table(row)
        else:
            _merge_table(table, row)
            for k in [k for k in table if k not in row and k in _ROW_KEYS]:
                del table[k]
        new_tables.append(table)
    if [id(t) for t in new_tables] == [id(t) for t in old_tables]:
        return
    if new_tables[: len(old_tables)] == old_tables and all(
        a is b for a, b in zip(new_tables, old_tables, strict=False)
    ):
        for t in new_tables[len(old_tables) :]:
            last = current.body[-1] if current.body else None
            if last is not None and not last.as_string().endswith("\n\n"):
                last.add(tomlkit.nl())  # keep the blank line between rows
            t.add(tomlkit.nl())  # and before whatever table follows the rows
            current.append(t)
        return
    aot = tomlkit.aot()
    for t in new_tables:
        aot.append(t)
    container[key] = aot


_ROW_KEYS = {
    "source",
    "actor",
    "query",
    "deadline",
    "factor",
    "tracker_url",
    "by",
    "window_start",
    "window_end",
    "collected_at",
}


def _new_table(row: dict) -> Any:
    import tomlkit

    t = tomlkit.table()
    for k, v in row.items():
        if _is_empty(v) and k not in ("text", "action", "owner", "description"):
            continue
        t[k] = _new_item(k, v, False)
    return t


def _new_item(key: str, value: Any, top: bool) -> Any:
    import tomlkit

    if isinstance(value, str):
        return _string(value, multiline="\n" in value)
    if isinstance(value, dict):
        if key in ("counts",):
            it = tomlkit.inline_table()
            it.update(value)
            return it
        t = tomlkit.table()
        _merge_table(t, value)
        return t
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            aot = tomlkit.aot()
            for row in value:
                aot.append(_new_table(row))
            return aot
        arr = tomlkit.array()
        for v in value:
            arr.append(v)
        if len(value) > 2 or sum(len(str(v)) for v in value) > 60:
            arr.multiline(True)
        return arr
    return tomlkit.item(value)


def _string(value: str, multiline: bool) -> Any:
    import tomlkit
    from tomlkit.items import String, StringType, Trivia

    if not multiline or any(ord(c) < 32 and c not in "\n\t" for c in value):
        return tomlkit.string(value)
    # A newline right after the opening quotes is dropped by TOML readers: it only makes
    # the text start on its own line, as a person would write it.
    body = value if value.endswith("\n") else value + "\n"
    raw = body.replace("\\", "\\\\").replace('"""', '""\\"')
    return String(StringType.MLB, body, "\n" + raw, Trivia())
