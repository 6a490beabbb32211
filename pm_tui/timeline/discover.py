"""Which collector reads which file of an evidence folder, judged by content, not by name.

A folder like sample_incidents/*/evidence/ holds the standard files the tools write: log
files (any format, .gz too), `kubectl get events -o json`, a Prometheus query_range
response, Alertmanager webhook payloads, PagerDuty log entries, a Slack export, a
deployment list or `git log` output. Files no collector reads are listed as skipped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pm_tui.collectors.runner import SourceSpec
from pm_tui.errors import UsageError

MAX_JSON_BYTES = 64 << 20
_GIT_LOG = re.compile(r"^\d{4}-\d{2}-\d{2}T[^\t]+\t[^\t]*\t")
_NOT_EVIDENCE = {".md", ".yml", ".yaml", ".toml", ".py", ".sh", ".rst"}
_OPENMETRICS = (".om", ".om.gz", ".prom")


def specs_for_folder(folder: str | Path) -> tuple[list[SourceSpec], list[str]]:
    """The sources to collect from `folder` (recursively), and the files skipped with why."""
    root = Path(folder)
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder of evidence: pass the folder that holds the files")
    specs: list[SourceSpec] = []
    skipped: list[str] = []
    slack_dirs = sorted(
        p.parent for p in root.rglob("channels.json") if (p.parent / "users.json").exists()
    )
    for d in slack_dirs:
        specs.append(SourceSpec("slack", str(d)))
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if any(d in path.parents for d in slack_dirs) or path.name.startswith("."):
            continue
        name = path.name.lower()
        if path.suffix.lower() in _NOT_EVIDENCE or name.startswith("readme"):
            continue
        if name.endswith(_OPENMETRICS):
            skipped.append(
                f"{path}: OpenMetrics exposition, not a query_range response (load it "
                "into Prometheus and collect from there)"
            )
            continue
        kind = _sniff(path)
        if kind is None:
            skipped.append(f"{path}: not a kind of evidence pm-tui reads")
        else:
            specs.append(SourceSpec(kind, str(path)))
    return specs, skipped


def _sniff(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".json") and path.stat().st_size <= MAX_JSON_BYTES:
        try:
            data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
        except ValueError:
            return "logs"  # JSON lines with a .json name
        return _json_kind(data)
    if name.endswith(".csv"):
        head = path.read_text(encoding="utf-8", errors="replace")[:200].lower()
        return "changes" if head.startswith("time,") else None
    if not name.endswith(".gz"):
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = next((line for line in fh if line.strip()), "")
        if _GIT_LOG.match(first):
            return "changes"
    return "logs"


def _json_kind(data: object) -> str | None:
    if isinstance(data, dict):
        if "log_entries" in data:
            return "pagerduty"
        items = data.get("items")
        if isinstance(items, list) and (not items or _is_event(items[0])):
            return "kube-events"
        if data.get("status") == "success" and isinstance(data.get("data"), dict):
            return "prometheus"
        if isinstance(data.get("alerts"), list):
            return "alert-notifications"
        return None
    if isinstance(data, list) and data and isinstance(data[0], dict):
        first = data[0]
        if isinstance(first.get("alerts"), list):
            return "alert-notifications"
        if "time" in first and ({"service", "description", "version"} & first.keys()):
            return "changes"
        if "created_at" in first and str(first.get("type", "")).endswith("_log_entry"):
            return "pagerduty"
    return None


def _is_event(item: object) -> bool:
    return isinstance(item, dict) and ("involvedObject" in item or "regarding" in item)
