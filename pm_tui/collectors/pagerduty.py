"""PagerDuty: an incident's log entries (triggered, notified, acknowledged, resolved, by whom).

Read live from the REST API v2 (`GET /incidents/{id}/log_entries`, paginated with
offset/limit/more, `Authorization: Token token=...` from an environment variable), or from
a saved response file of the same shape (`{"log_entries": [...]}`).
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import replace
from pathlib import Path

from pm_tui.collectors.common import (
    BadRecords,
    check_cancel,
    iso,
    parse_time,
    redact_text,
    source_name,
)
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Evidence,
    Gap,
    Progress,
    no_progress,
)
from pm_tui.collectors.http import HttpOptions, JsonClient

DEFAULT_BASE_URL = "https://api.pagerduty.com"
DEFAULT_TOKEN_ENV = "PAGERDUTY_TOKEN"
PAGE_SIZE = 100
MAX_PAGES = 100  # 10,000 entries: far more than any one incident has
_INCIDENT_ID_RE = re.compile(r"^[A-Za-z0-9]{4,32}$")

ACTIONS = {
    "trigger_log_entry": "triggered",
    "notify_log_entry": "notified",
    "acknowledge_log_entry": "acknowledged",
    "resolve_log_entry": "resolved",
    "escalate_log_entry": "escalated",
    "annotate_log_entry": "note added",
    "assign_log_entry": "assigned",
    "unacknowledge_log_entry": "unacknowledged",
    "reassign_log_entry": "reassigned",
    "delegate_log_entry": "reassigned",
    "urgency_change_log_entry": "urgency changed",
    "priority_change_log_entry": "priority changed",
    "snooze_log_entry": "snoozed",
    "exhaust_escalation_path_log_entry": "escalation path exhausted",
    "repeat_escalation_path_log_entry": "escalation path repeated",
    "notify_failed_log_entry": "notification failed",
}
# webhooks v3 name the same moments as events
V3_EVENTS = {
    "incident.triggered": "trigger_log_entry",
    "incident.acknowledged": "acknowledge_log_entry",
    "incident.unacknowledged": "unacknowledge_log_entry",
    "incident.resolved": "resolve_log_entry",
    "incident.escalated": "escalate_log_entry",
    "incident.reassigned": "reassign_log_entry",
    "incident.annotated": "annotate_log_entry",
    "incident.delegated": "delegate_log_entry",
    "incident.priority_updated": "priority_change_log_entry",
}


def pagerduty_options(
    base_url: str = DEFAULT_BASE_URL, token_env: str = DEFAULT_TOKEN_ENV
) -> HttpOptions:
    """HTTP options PagerDuty's REST API v2 expects (token header and versioned Accept)."""
    return HttpOptions(
        base_url=base_url,
        token_env=token_env,
        token_format="Token token={token}",
        headers={"Accept": "application/vnd.pagerduty+json;version=2"},
    )


def collect_pagerduty(
    target: str,
    window: CollectWindow,
    options: HttpOptions | None = None,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Page evidence from a saved log-entries JSON file, or the API when `target` is an incident id."""
    if Path(target).is_file():
        source = source_name("pagerduty", target)
        entries = _read_file(Path(target), source)
        truncated = False
    else:
        if not _INCIDENT_ID_RE.match(target):
            raise CollectorError(
                f"pagerduty: {target!r} is neither a file nor a PagerDuty incident id (e.g. Q1A2B3C4D5E6F7)"
            )
        options = options or pagerduty_options()
        source = source_name("pagerduty", target)
        entries, truncated = _fetch(target, source, options, window, progress, cancel)
    result = CollectResult(source=source, kind="pagerduty", target=target)
    bad = BadRecords(source)
    for entry in entries:
        try:
            check_cancel(cancel)
            item = log_entry_evidence(source, entry)
            if item is not None and window.contains(item.time):
                text, count = redact_text(item.text)
                result.evidence.append(replace(item, text=text))
                result.redactions += count
        except BadRecords.ERRORS as exc:
            bad.note(exc)
    if bad.count:
        result.gaps.append(bad.gap())
    if truncated:
        result.gaps.append(
            Gap(source, f"more than {MAX_PAGES * PAGE_SIZE} log entries: only the first kept")
        )
    if not result.evidence:
        result.gaps.append(
            Gap(source, "no log entries in the window", window.read_start, window.end)
        )
    result.evidence.sort(key=lambda e: e.time)
    result.counts = {"page": len(result.evidence), "log_entries": len(entries)}
    return result


def log_entry_evidence(source: str, entry: dict) -> Evidence | None:
    """One log entry as page evidence: attrs type, action, actor, channel; None if it has no time."""
    kind = entry.get("type", "")
    try:
        when = parse_time(entry["created_at"])
    except (KeyError, TypeError, ValueError):
        return None
    agent = entry.get("agent") or {}
    user = entry.get("user") or {}
    # for a notification the person who matters is the one notified, not the system agent
    actor = _named(user) if kind == "notify_log_entry" else _named(agent)
    actor = actor or _named(user) or _named(agent) or ""
    channel = entry.get("channel") or {}
    action = ACTIONS.get(kind, kind.removesuffix("_log_entry").replace("_", " "))
    summary = entry.get("summary") or f"{action.capitalize()} by {actor or 'unknown'}"
    if kind == "annotate_log_entry" and channel.get("summary"):
        summary = f"{summary}: {channel['summary']}"
    if kind in ("reassign_log_entry", "escalate_log_entry", "delegate_log_entry"):
        to = [_named(a.get("assignee") or a) for a in entry.get("assignees") or []]
        to += [_named(t) for t in entry.get("assigned_user") and [entry["assigned_user"]] or []]
        to = [t for t in to if t]
        if to and not entry.get("summary"):
            summary = f"{action.capitalize()} to {', '.join(to)}"
    if (
        kind == "unacknowledge_log_entry"
        and "timeout" in str(entry.get("summary") or channel.get("type") or "").lower()
    ):
        action = "unacknowledged by timeout"
    attrs = {
        "type": kind,
        "action": action,
        "actor": actor,
        "channel": channel.get("type", ""),
        "id": entry.get("id", ""),
        "incident": (entry.get("incident") or {}).get("id", ""),
    }
    # what the page is about: its service and the incident's title (the alert it came from),
    # so another team's page in the same hour can be told from this incident's
    service = (entry.get("service") or {}).get("summary") or ""
    title = (entry.get("incident") or {}).get("summary") or ""
    if service:
        attrs["service"] = str(service)
    if title:
        attrs["title"] = str(title)
    return Evidence(when, source, "page", summary, attrs)


def _named(who: object) -> str:
    """A PagerDuty reference's name: `summary`, else `name`, else `email`."""
    if not isinstance(who, dict):
        return ""
    return str(who.get("summary") or who.get("name") or who.get("email") or "")


def _v3_entry(body: dict) -> dict | None:
    """A webhook v3 event as the log entry it stands for."""
    event = body.get("event") if isinstance(body.get("event"), dict) else body
    kind = V3_EVENTS.get(str(event.get("event_type", "")))
    if kind is None or not event.get("occurred_at"):
        return None
    data = event.get("data") or {}
    return {
        "type": kind,
        "created_at": event["occurred_at"],
        "agent": event.get("agent") or {},
        "summary": "",
        "id": event.get("id", ""),
        "incident": {"id": data.get("id", "")},
        "assignees": data.get("assignees") or [],
    }


def _fetch(
    incident: str,
    source: str,
    options: HttpOptions,
    window: CollectWindow,
    progress: Progress,
    cancel: threading.Event | None,
) -> tuple[list[dict], bool]:
    entries: list[dict] = []
    with JsonClient(source, options, what="PagerDuty API") as client:
        for page in range(MAX_PAGES):
            progress(len(entries), None, f"log entries page {page + 1}")
            params = [
                ("is_overview", "false"),
                ("include[]", "channels"),
                ("since", iso(window.read_start)),
                ("until", iso(window.end)),
                ("limit", str(PAGE_SIZE)),
                ("offset", str(len(entries))),  # the server may send fewer than asked
            ]
            body = client.get_json(
                f"/incidents/{incident}/log_entries",
                params,
                not_found=f"no incident {incident}: check the id (and the base URL)",
                cancel=cancel,
            )
            if not isinstance(body, dict) or not isinstance(body.get("log_entries"), list):
                raise CollectorError(
                    f"{source}: the answer has no log_entries list: check the base URL"
                )
            entries.extend(body["log_entries"])
            if not body.get("more"):
                progress(len(entries), len(entries), "done")
                return entries, False
    return entries, True


def _read_file(path: Path, source: str) -> list[dict]:
    from pm_tui.collectors.classify import read_document

    try:
        text = read_document(path)
    except OSError as exc:
        raise CollectorError(f"{source}: not a PagerDuty log entries JSON file ({exc})") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        data = _json_lines(text)  # webhook bodies as a receiver keeps them, one a line
        if data is None:
            raise CollectorError(
                f"{source}: not a PagerDuty log entries JSON file ({exc})"
            ) from exc
    if isinstance(data, list) and data and all(_is_webhook_body(d) for d in data):
        entries: list[dict] = []
        seen: set[str] = set()
        for body in data:
            for entry in _read_body(body, source):
                key = str(entry.get("id") or "") or json.dumps(entry, sort_keys=True)
                if key not in seen:  # one log entry in several deliveries counts once
                    seen.add(key)
                    entries.append(entry)
        return entries
    return _read_body(data, source)


def _json_lines(text: str) -> list | None:
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except ValueError:
        return None


def _is_webhook_body(d: object) -> bool:
    return isinstance(d, dict) and (
        isinstance(d.get("messages"), list) or isinstance(d.get("event"), dict)
    )


def _read_body(data: object, source: str) -> list[dict]:
    if isinstance(data, dict) and isinstance(data.get("messages"), list):  # webhook v2
        entries = []
        for message in data["messages"]:
            if isinstance(message, dict):
                entries += [e for e in message.get("log_entries") or [] if isinstance(e, dict)]
        return entries
    if isinstance(data, dict) and isinstance(data.get("event"), dict):  # webhook v3
        entry = _v3_entry(data)
        return [entry] if entry else []
    if (
        isinstance(data, list)
        and data
        and all(isinstance(d, dict) and isinstance(d.get("event"), dict) for d in data)
    ):
        return [e for e in (_v3_entry(d) for d in data) if e]
    if isinstance(data, list):  # several saved pages, or the bare list
        pages = (
            data
            if all(isinstance(d, dict) and "log_entries" in d for d in data)
            else [{"log_entries": data}]
        )
    else:
        pages = [data]
    entries: list[dict] = []
    for page in pages:
        if not isinstance(page, dict) or not isinstance(page.get("log_entries"), list):
            raise CollectorError(
                f'{source}: expected {{"log_entries": [...]}} as PagerDuty returns it'
            )
        entries.extend(page["log_entries"])
    return entries
