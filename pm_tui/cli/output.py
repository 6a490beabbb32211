"""One way for every command to print results for scripts: `--format json`.

A command adds the option with `add_format_option(parser)` and, when `wants_json(args)`,
prints one JSON document with `emit_json(data)` instead of its text: dates and times as
ISO 8601, paths as strings, dataclasses as objects. The shapes are documented in
docs/json-output.md; the exit status is the same as with text.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import PurePath
from typing import Any


def add_format_option(parser, *choices: str) -> None:
    """`--format text|json` (plus any other formats the command has), text by default."""
    parser.add_argument(
        "--format",
        choices=["text", *choices, "json"],
        default="text",
        help="json: one JSON document on stdout, for scripts (shapes in docs/json-output.md)",
    )


def wants_json(args) -> bool:
    """Whether the command was asked for JSON."""
    return getattr(args, "format", None) == "json"


def to_jsonable(value: Any) -> Any:
    """`value` as plain JSON types (dataclasses, paths, dates, sets, enums converted)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [to_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    return value


def outcome_fields(outcome) -> dict[str, list[str]]:
    """The parts every workflow result has (pm_tui.workflow.outcome.Outcome): what changed,
    what failed, what could not be read."""
    return {"changed": outcome.changed, "failed": outcome.failed, "gaps": outcome.gaps}


def emit_json(data: Any, stream=None) -> None:
    """Print `data` as one indented JSON document (UTF-8, keys in the given order)."""
    stream = stream or sys.stdout
    json.dump(to_jsonable(data), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
