"""The whole post-mortem as JSON: stable keys, documented in docs/json-export.md."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pm_tui.durations import durations, timeline_durations
from pm_tui.model import SEVERITIES, PostMortem

if TYPE_CHECKING:
    from pm_tui.timeline.candidate import Candidate

EXPORT_FORMAT_VERSION = 1


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def to_export(pm: PostMortem, candidates: list[Candidate] | None = None) -> dict[str, Any]:
    """The model plus derived figures (durations, severity meaning, factor hints) and the
    timeline candidates proposed from the evidence, as JSON-ready data."""
    from pm_tui.timeline.hints import factor_hints

    data = _jsonable(asdict(pm))
    data["export_format"] = EXPORT_FORMAT_VERSION
    data["severity_meaning"] = SEVERITIES.get(pm.severity, "")
    data["durations"] = durations(pm).as_dict()
    data["timeline_durations"] = timeline_durations(pm).as_dict()
    data["open_actions"] = len(pm.open_actions())
    data["candidates"] = [c.as_dict() for c in candidates or []]
    data["factor_hints"] = [h.as_dict() for h in factor_hints(pm)]
    return data


def export_json(
    pm: PostMortem, indent: int | None = 2, candidates: list[Candidate] | None = None
) -> str:
    """`to_export(pm, candidates)` as JSON text with sorted keys (stable diffs)."""
    return json.dumps(to_export(pm, candidates), indent=indent, sort_keys=True, ensure_ascii=False)
