"""Alert history from Prometheus's own `ALERTS` / `ALERTS_FOR_STATE` series.

Runs are rebuilt from RAW samples (a range-vector instant query), not from `query_range`:
the latter smears each sample over the lookback delta (5 m by default), and backfilled or
restarted data has no staleness markers, so an alert would seem to fire minutes too long.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from pm_tui.collectors.common import check_cancel, iso, parse_time
from pm_tui.collectors.evidence import CollectWindow, Evidence, Gap
from pm_tui.collectors.http import JsonClient
from pm_tui.collectors.prometheus import MAX_POINTS

LabelKey = tuple[tuple[str, str], ...]


def raw_samples(
    client: JsonClient,
    metric: str,
    start: datetime,
    end: datetime,
    interval: float,
    cancel: threading.Event | None = None,
) -> dict[LabelKey, dict[float, float]]:
    """Raw samples of `metric` in (start, end], per label set, fetched in chunks small enough
    that no series returns more than Prometheus's point limit."""
    chunk = timedelta(seconds=max(interval, 1.0) * (MAX_POINTS - 1000))
    samples: dict[LabelKey, dict[float, float]] = {}
    cursor = start
    while cursor < end:
        check_cancel(cancel)
        upper = min(cursor + chunk, end)
        seconds = max(int((upper - cursor).total_seconds()), 1)
        body = client.get_json(
            "/api/v1/query",
            {"query": f"{metric}[{seconds}s]", "time": iso(upper)},
            not_found="is this the Prometheus base URL (without /api/v1)?",
            cancel=cancel,
        )
        for series in (body or {}).get("data", {}).get("result", []):
            key = tuple(sorted((k, v) for k, v in series["metric"].items() if k != "__name__"))
            # a set keyed by time: chunk edges may both include the boundary sample
            bucket = samples.setdefault(key, {})
            for t, v in series.get("values", []):
                bucket[float(t)] = float(v)
        cursor = upper
    return samples


def runs(times: list[float], interval: float) -> list[tuple[float, float]]:
    """Group sorted sample times into [first, last] runs; a gap over 1.5 x interval starts a new run."""
    out: list[list[float]] = []
    for t in times:
        if out and t - out[-1][1] <= 1.5 * interval:
            out[-1][1] = t
        else:
            out.append([t, t])
    return [(a, b) for a, b in out]


def rule_intervals(client: JsonClient, cancel: threading.Event | None = None) -> dict[str, float]:
    """Each alerting rule's evaluation interval (seconds), from the rules API: its group's
    `interval`. Empty when the server does not say (then the configured interval is used)."""
    from pm_tui.collectors.evidence import CollectorError

    try:
        body = client.get_json("/api/v1/rules", {"type": "alert"}, cancel=cancel)
    except CollectorError:
        return {}  # an older server or a proxy that hides it: not a reason to lose the history
    out: dict[str, float] = {}
    groups = ((body or {}).get("data") or {}).get("groups") or []
    for group in groups if isinstance(groups, list) else []:
        try:
            interval = float(group.get("interval") or 0)
        except (TypeError, ValueError):
            continue
        for rule in group.get("rules") or []:
            name = rule.get("name") if isinstance(rule, dict) else None
            if name and interval > 0:
                out[name] = min(interval, out.get(name, interval))
    return out


def alert_history(
    client: JsonClient,
    source: str,
    window: CollectWindow,
    interval: float = 60.0,
    cancel: threading.Event | None = None,
    intervals: dict[str, float] | None = None,
) -> tuple[list[Evidence], list[Gap]]:
    """Evidence for each time an alert went pending, fired and resolved inside the window.

    `intervals` gives each alert's own evaluation interval (`rule_intervals`); others use
    `interval`."""
    intervals = intervals or {}
    start, end = window.read_start, window.end
    fetch_step = min([interval, *intervals.values()])
    alerts = raw_samples(client, "ALERTS", start, end, fetch_step, cancel)
    for_state = raw_samples(client, "ALERTS_FOR_STATE", start, end, fetch_step, cancel)
    end_ts = end.timestamp()
    evidence: list[Evidence] = []
    for key, samples in sorted(alerts.items()):
        labels = dict(key)
        state = labels.pop("alertstate", "")
        name = labels.get("alertname", "?")
        every = intervals.get(name, interval)
        active = for_state.get(tuple(sorted(labels.items())), {})
        for first, last in runs(sorted(samples), every):
            item = _transition(source, name, state, labels, first, active)
            item.attrs["eval_interval"] = every
            evidence.append(item)
            still_on = end_ts - last <= 1.5 * every
            if state == "firing" and not still_on:
                # Prometheus resolves at the first evaluation that no longer fires
                item = _transition(source, name, "resolved", labels, last + every, {})
                item.attrs["last_firing"] = iso(parse_time(last))
                evidence.append(item)
    gaps: list[Gap] = []
    if not alerts:
        gaps.append(
            Gap(
                source,
                "no alert history (ALERTS) in the window: no alert fired, or retention is shorter",
                start,
                end,
            )
        )
    evidence.sort(key=lambda e: (e.time, e.attrs["alertname"]))
    return evidence, gaps


def _transition(
    source: str, name: str, state: str, labels: dict, when: float, active: dict[float, float]
) -> Evidence:
    attrs: dict = {"alertname": name, "state": state, "labels": labels}
    # ALERTS_FOR_STATE's value is when the alert became active; take the sample at this run's start
    at_or_after = [t for t in active if t >= when]
    if at_or_after:
        attrs["active_at"] = iso(parse_time(active[min(at_or_after)]))
    others = ", ".join(f"{k}={v}" for k, v in sorted(labels.items()) if k != "alertname")
    text = f"Alert {name} {state}" + (f" {{{others}}}" if others else "")
    return Evidence(time=parse_time(when), source=source, kind="alert", text=text, attrs=attrs)
