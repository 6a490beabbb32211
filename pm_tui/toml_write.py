"""Writing the post-mortem TOML format: model → text with tomlkit, merged into the existing
document so a person's comments, key order and layout survive.

The format is documented in docs/toml-format.md; reading it is `pm_tui.toml_read`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from pm_tui.errors import FileFormatError, PmTuiError
from pm_tui.model import IncidentWindow, PostMortem, Retrospective
from pm_tui.toml_read import TOMLDecodeError, from_dict, loads_toml


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
                        "options": dict(s.options),
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
            "recurrence": {
                "same_cause_as": list(pm.recurrence.same_cause_as),
                "not_same_cause_as": list(pm.recurrence.not_same_cause_as),
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
            "overrides": [
                {
                    "action": o.action,
                    "rule": o.rule,
                    "location": o.location,
                    "finding": o.finding,
                    "reason": o.reason,
                    "by": o.by,
                    "at": o.at,
                }
                for o in pm.overrides
            ],
        }
    )


def render_postmortem(pm: PostMortem, existing_text: str | None = None) -> str:
    """TOML text for `pm`. With `existing_text`, only what changed is rewritten in it."""
    import tomlkit

    data = to_dict(pm)
    if existing_text:
        try:
            if from_dict(loads_toml(existing_text)) == pm:
                return existing_text
        except (TOMLDecodeError, FileFormatError, RecursionError, ValueError, TypeError):
            pass
        try:
            # a byte-order mark is valid for TOML readers but not for tomlkit: dropped
            doc = tomlkit.parse(existing_text.lstrip("\ufeff"))
        except (tomlkit.exceptions.TOMLKitError, RecursionError, ValueError) as exc:
            raise PmTuiError(
                f"cannot merge into the file's text ({type(exc).__name__}: {exc}): nothing "
                "saved; fix the file's TOML (pm-tui validate names the line)"
            ) from None
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
            if key in _DROPPED_WHEN_EMPTY and _is_empty(_comparable(value)):
                del container[key]  # the last link removed: no empty table left behind
            elif isinstance(current, tomlkit.items.InlineTable):
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


# Tables that go from the file once nothing is left in them.
_DROPPED_WHEN_EMPTY = {"recurrence"}

# Values a file may leave out; when it does, saving does not add them.
_DEFAULTS = {
    "status": ("draft", "open"),
    "severity": ("P3",),
    "kind": ("other",),
    "priority": ("Medium",),
    "redactions": (0,),
}

_MODEL_KEYS_EMPTIABLE = {
    "overrides",
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
    "options",
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
        if key in ("counts", "options"):
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
