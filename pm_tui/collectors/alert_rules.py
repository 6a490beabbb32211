"""Alerting rule files: what each alert means, to explain the alerts (never events themselves).

Reads a Prometheus rules file (YAML: `groups:` / `rules:` / `- alert:`, also inside a
PrometheusRule's `spec:`) or the rules API's JSON answer. Each rule becomes a `RuleInfo`
(name, expression, `for`, severity, summary, group and its interval); the collection then
puts it on every alert of that name (`attrs["rule"]`), see `explain_alerts`.
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

from pm_tui.collectors.common import source_name
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Evidence,
    Progress,
    no_progress,
)

_KEY = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w.-]*):\s*(.*)$")


def read_alert_rules(
    path: str | Path,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """The alerting rules of a file, kept in `result.rules` (no evidence of their own)."""
    from pm_tui.collectors.classify import read_document

    path = Path(path)
    source = source_name("alert-rules", str(path))
    try:
        text = read_document(path)
    except FileNotFoundError as exc:
        raise CollectorError(f"{source}: file not found: check the path") from exc
    except OSError as exc:
        raise CollectorError(f"{source}: cannot read the file ({exc})") from exc
    rules = rules_from_json(text) if text.lstrip()[:1] in "{[" else rules_from_yaml(text)
    if not rules:
        raise CollectorError(f"{source}: no alerting rule (`- alert:` with `expr:`) in the file")
    result = CollectResult(source=source, kind="alert-rules", target=str(path))
    result.rules = rules
    result.counts = {"rules": len(rules)}
    progress(1, 1, "done")
    return result


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def rules_from_yaml(text: str) -> list[dict]:
    """Alerting rules from the usual YAML shape, without a YAML library: keys of each
    `- alert:` item (expr, for, labels.severity, annotations.summary/description), block
    scalars (`|`, `>`) folded into one line."""
    rules: list[dict] = []
    group = {"name": "", "interval": ""}
    current: dict | None = None
    section = ""
    block_key, block_indent, block_lines = "", 0, []

    def close_block() -> None:
        nonlocal block_key, block_lines
        if block_key and current is not None:
            value = " ".join(s.strip() for s in block_lines if s.strip())
            _store(current, section, block_key, value)
        block_key, block_lines = "", []

    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        if block_key:
            if indent > block_indent:
                block_lines.append(raw)
                continue
            close_block()
        m = _KEY.match(raw)
        if m is None:
            continue
        space, dash, key, value = m.groups()
        if current is not None and (
            indent < current["_indent"] or indent == current["_indent"] and dash
        ):
            current = None  # left the rule's item
        if key == "name" and dash and current is None:
            group = {"name": _unquote(value), "interval": ""}
            continue
        if key == "interval" and current is None:
            group["interval"] = _unquote(value)
            continue
        if key in ("alert", "record") and dash:
            current = None
            if key == "alert":
                current = {"alert": _unquote(value), "group": group["name"],
                           "interval": group["interval"], "_indent": indent}  # fmt: skip
                rules.append(current)
            section = ""
            continue
        if current is None:
            continue
        if key in ("labels", "annotations") and not value:
            section = key
            continue
        if key in ("expr", "for", "keep_firing_for"):
            section = ""
        if value in ("|", ">", "|-", ">-", "|+", ">+"):
            block_key, block_indent, block_lines = key, indent, []
            continue
        _store(current, section, key, _unquote(value))
    close_block()
    for r in rules:
        r.pop("_indent", None)
    return [r for r in rules if r.get("expr")]


def _store(rule: dict, section: str, key: str, value: str) -> None:
    if key in ("labels", "annotations") and value.startswith("{") and value.endswith("}"):
        pairs = (p.partition(":") for p in value[1:-1].split(","))  # a flow mapping
        rule[key] = {_unquote(k): _unquote(v) for k, _, v in pairs if k.strip()}
        return
    if section == "labels":
        rule.setdefault("labels", {})[key] = value
    elif section == "annotations":
        rule.setdefault("annotations", {})[key] = value
    else:
        rule[key] = value


def rules_from_json(text: str) -> list[dict]:
    """Alerting rules from the rules API's answer (`/api/v1/rules`) or a JSON rules file."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    groups = (data.get("data") or data).get("groups") if isinstance(data, dict) else None
    rules = []
    for g in groups or []:
        for r in g.get("rules") or []:
            name = r.get("alert") or (
                r.get("name") if r.get("type") in ("alerting", None) else None
            )
            expr = r.get("expr") or r.get("query")
            if name and expr:
                rules.append({
                    "alert": name, "expr": expr, "for": str(r.get("for") or r.get("duration") or ""),
                    "labels": r.get("labels") or {}, "annotations": r.get("annotations") or {},
                    "group": g.get("name", ""), "interval": str(g.get("interval") or ""),
                })  # fmt: skip
    return rules


def explain_alerts(evidence: list[Evidence], rules: list[dict]) -> int:
    """Put each rule on the alerts of its name (`attrs["rule"]`: expr, for, summary, group);
    how many alerts were explained."""
    by_name = {r["alert"]: r for r in rules}
    n = 0
    for e in evidence:
        if e.kind != "alert":
            continue
        rule = by_name.get(e.attrs.get("alertname", ""))
        if rule is None:
            continue
        e.attrs["rule"] = {
            "expr": rule.get("expr", ""),
            "for": rule.get("for", ""),
            "severity": (rule.get("labels") or {}).get("severity", ""),
            "summary": (rule.get("annotations") or {}).get("summary", ""),
            "group": rule.get("group", ""),
            "interval": rule.get("interval", ""),
        }
        n += 1
    return n
