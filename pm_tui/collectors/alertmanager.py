"""Alertmanager: what is active or silenced now, and recorded webhook notifications.

Alertmanager's API lists only alerts active NOW (history comes from Prometheus's `ALERTS`).
The notifications a webhook receiver recorded give the firing/resolved messages people
actually got; they are read from a file of payloads (a JSON list, one object, or JSON lines).
"""

from __future__ import annotations

import json
import threading
from datetime import timedelta
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

# Alerts that fired in the days before the read window are kept (marked `history`, bounded)
# so the timeline can tell an alert that fires every day from one of this incident; they are
# never candidates themselves.
ALERT_HISTORY = timedelta(days=7)
ALERT_HISTORY_MAX = 2000

_NOT_FOUND = "is this the Alertmanager base URL (API v2, Alertmanager 0.16 or later)?"


def collect_alertmanager(
    options: HttpOptions,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Active and suppressed alerts that started in the window, with the silences behind them."""
    source = source_name("alertmanager", options.base_url)
    result = CollectResult(source=source, kind="alertmanager", target=options.base_url)
    with JsonClient(source, options, what="Alertmanager") as client:
        progress(0, 2, "alerts")
        alerts = client.get_json("/api/v2/alerts", not_found=_NOT_FOUND, cancel=cancel)
        progress(1, 2, "silences")
        silences = client.get_json("/api/v2/silences", not_found=_NOT_FOUND, cancel=cancel)
    if not isinstance(alerts, list) or not isinstance(silences, list):
        raise CollectorError(f"{source}: the answer is not an Alertmanager v2 list: check the URL")
    bad = BadRecords(source)
    bad.count = sum(not isinstance(x, dict) for x in [*alerts, *silences])
    if bad.count:
        bad.first = "an alert or silence that is not a JSON object"
    alerts = [a for a in alerts if isinstance(a, dict)]
    silences = [s for s in silences if isinstance(s, dict)]
    by_id = {s.get("id"): s for s in silences}
    outside = 0
    for alert in sorted(alerts, key=lambda a: str(a.get("fingerprint", ""))):
        try:
            check_cancel(cancel)
            started = parse_time(alert["startsAt"])
            if not window.contains(started):
                outside += 1
                continue
            status = alert.get("status", {})
            state = status.get("state", "active")
            labels = alert.get("labels", {})
            silenced = [_silence_info(by_id[i]) for i in status.get("silencedBy", []) if i in by_id]
            attrs = {
                "alertname": labels.get("alertname", "?"),
                "state": state,
                "labels": labels,
                "annotations": alert.get("annotations", {}),
                "fingerprint": alert.get("fingerprint", ""),
                "silences": silenced,
                "inhibited_by": status.get("inhibitedBy", []),
            }
            # a suppressed alert fired: said as the saved API list says it (_api_alert)
            text = f"Alert {attrs['alertname']} " + (
                "firing (suppressed)" if state == "suppressed" else state
            )
            if silenced:
                text += f" (silenced by {silenced[0]['created_by']}: {silenced[0]['comment']})"
            elif summary := attrs["annotations"].get("summary"):
                text += f": {summary}"
            text, count = redact_text(text)  # annotations are free text written by people
            result.redactions += count
            result.evidence.append(Evidence(started, source, "alert", text, attrs))
        except BadRecords.ERRORS as exc:
            bad.note(exc)
    if bad.count:
        result.gaps.append(bad.gap())
    active_silences = [
        s
        for s in silences
        if isinstance(s.get("status"), dict) and s["status"].get("state") == "active"
    ]
    result.counts = {
        "alert": len(result.evidence),
        "outside_window": outside,
        "silences_active": len(active_silences),
    }
    result.evidence.sort(key=lambda e: e.time)
    progress(2, 2, "done")
    return result


def _silence_info(silence: dict) -> dict:
    matchers = ", ".join(
        f"{m['name']}{'=~' if m.get('isRegex') else '='}{m['value']}"
        for m in silence.get("matchers", [])
    )
    return {
        "id": silence.get("id", ""),
        "state": silence.get("status", {}).get("state", ""),
        "matchers": matchers,
        "created_by": silence.get("createdBy", ""),
        "comment": silence.get("comment", ""),
        "starts_at": silence.get("startsAt", ""),
        "ends_at": silence.get("endsAt", ""),
    }


def read_alert_notifications(
    path: str | Path,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Firing and resolved alerts from recorded Alertmanager webhook payloads (version 4: one,
    a list, or JSON lines), or from a saved alert list of the API (`amtool alert query -o json`,
    `/api/v2/alerts`, or v1's `{"status": "success", "data": [...]}`).

    A resolved notification also gives its firing row (its `startsAt`), so an alert first seen
    resolved still shows when it fired. Re-sent notifications (repeat_interval) repeat the same
    transition: each is kept once; every flap (a new `startsAt`) is kept.
    """
    path = Path(path)
    source = source_name("alert-notifications", str(path))
    result = CollectResult(source=source, kind="alert-notifications", target=str(path))
    payloads, bad = _payloads(path, source)
    if bad:
        result.gaps.append(Gap(source, f"{bad} lines are not JSON webhook payloads"))
    if (
        len(payloads) == 1
        and isinstance(payloads[0], dict)
        and isinstance(payloads[0].get("data"), list)
    ):
        payloads = payloads[0]["data"]  # API v1: {"status": "success", "data": [alerts]}
    seen: set[tuple] = set()
    api_alerts = 0
    outside = 0

    history = 0

    def keep(item: Evidence | None) -> None:
        nonlocal outside, history
        if item is None:
            return
        if not window.contains(item.time):
            earlier = window.read_start - ALERT_HISTORY <= item.time < window.read_start
            if not (earlier and item.attrs["state"] == "firing" and history < ALERT_HISTORY_MAX):
                outside += 1
                return
            item.attrs["history"] = True
            history += 1
        key = (item.attrs["fingerprint"], item.attrs["state"], iso(item.time))
        if key not in seen:
            seen.add(key)
            item.text, count = redact_text(item.text)
            result.redactions += count
            result.evidence.append(item)

    for number, payload in enumerate(payloads):
        check_cancel(cancel)
        if number % 100 == 0:
            progress(number, len(payloads), "notifications")
        if isinstance(payload, dict) and isinstance(payload.get("alerts"), list):
            for alert in payload["alerts"]:
                if not isinstance(alert, dict):
                    continue
                receiver = payload.get("receiver", "")
                if alert.get("status") == "resolved":
                    keep(_notified(source, alert, receiver, as_state="firing"))
                keep(_notified(source, alert, receiver))
        elif isinstance(payload, dict) and isinstance(payload.get("labels"), dict):
            api_alerts += 1  # one alert of an API list: active or suppressed when saved
            keep(_api_alert(source, payload))
        else:
            bad += 1
    if bad and not result.gaps:
        result.gaps.append(
            Gap(source, f"{bad} payloads have no 'alerts' list: not webhook payloads?")
        )
    if not any(not e.attrs.get("history") for e in result.evidence):
        result.gaps.append(
            Gap(source, "no alert in the window in this file", window.read_start, window.end)
        )
    result.evidence.sort(key=lambda e: e.time)
    result.counts = {
        "alert": len(result.evidence) - history,
        "notifications": len(payloads) - api_alerts,
        "api_alerts": api_alerts,
        "outside_window": outside,
        "history": history,
    }
    if api_alerts:
        result.query = "Alertmanager API alert list"
    progress(len(payloads), len(payloads), "done")
    return result


def _notified(source: str, alert: dict, receiver: str, as_state: str = "") -> Evidence | None:
    state = as_state or alert.get("status", "firing")
    stamp = alert.get("endsAt") if state == "resolved" else alert.get("startsAt")
    try:
        when = parse_time(stamp or "")
    except ValueError:
        return None
    labels = alert.get("labels", {})
    name = labels.get("alertname", "?")
    fingerprint = alert.get("fingerprint") or json.dumps(labels, sort_keys=True)
    attrs = {
        "alertname": name,
        "state": state,
        "labels": labels,
        "annotations": alert.get("annotations", {}),
        "fingerprint": fingerprint,
        "receiver": receiver,
        "starts_at": alert.get("startsAt", ""),
    }
    if as_state:
        attrs["from_resolved"] = True  # known from the resolved notification only
    summary = attrs["annotations"].get("summary", "")
    text = f"Alert {name} {state}" + (f": {summary}" if summary else "")
    return Evidence(when, source, "alert", text, attrs)


def _api_alert(source: str, alert: dict) -> Evidence | None:
    """One alert of a saved API list: it fired at `startsAt` (active, or suppressed by a silence
    or an inhibition when it was saved)."""
    status = alert.get("status") if isinstance(alert.get("status"), dict) else {}
    state = status.get("state", "active") if status else str(alert.get("status") or "active")
    item = _notified(source, alert, ", ".join(
        r.get("name", "") for r in alert.get("receivers") or [] if isinstance(r, dict)
    ), as_state="firing")  # fmt: skip
    if item is None:
        return None
    item.attrs.pop("from_resolved", None)
    item.attrs["api_state"] = state
    if state == "suppressed":
        item.attrs["silenced_by"] = status.get("silencedBy", [])
        item.attrs["inhibited_by"] = status.get("inhibitedBy", [])
        item.text = item.text.replace(" firing", " firing (suppressed)", 1)
    return item


def _payloads(path: Path, source: str) -> tuple[list, int]:
    """The file's payloads, each unwrapped where a receiver logged it beside the time it came."""
    from pm_tui.collectors.classify import webhook_payload

    payloads, bad = _json_payloads(path, source)
    return [webhook_payload(p) or p for p in payloads], bad


def _json_payloads(path: Path, source: str) -> tuple[list, int]:
    from pm_tui.collectors.classify import read_document

    try:
        text = read_document(path)
    except FileNotFoundError as exc:
        raise CollectorError(f"{source}: file not found: check the path") from exc
    except OSError as exc:
        raise CollectorError(f"{source}: cannot read the file ({exc.strerror})") from exc
    try:
        data = json.loads(text)
        return (data if isinstance(data, list) else [data]), 0
    except ValueError:
        pass
    payloads, bad = [], 0
    for line in text.splitlines():
        if line.strip():
            try:
                payloads.append(json.loads(line))
            except ValueError:
                bad += 1
    if not payloads:
        raise CollectorError(
            f"{source}: not JSON webhook payloads (a JSON list or JSON lines): check the file"
        )
    return payloads, bad
