"""Prometheus: preset and custom `query_range` series, plus alert history, for the window.

Each series becomes one `Evidence(kind="metric")` holding its points; a query with no data
in the window, and a stretch of a series with no points (more than 3 steps), are gaps.
A saved `query_range` JSON response can be read instead of a live server.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from pm_tui.collectors.common import BadRecords, check_cancel, iso, parse_time, source_name
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

MAX_POINTS = 11_000  # Prometheus refuses a query_range with more points per series
TARGET_POINTS = 500
NICE_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200)
MAX_SERIES_PER_QUERY = 50
MAX_GAPS_PER_QUERY = 5
PRESETS = ("request_rate", "error_ratio", "latency_p99")


@dataclass
class PrometheusOptions:
    """What to ask Prometheus: presets over a label selector, extra PromQL, alert history."""

    http: HttpOptions
    selector: str = ""  # label matchers without braces, e.g. 'job="api"' or 'service="checkout"'
    requests_metric: str = "http_requests_total"
    error_matcher: str = 'code=~"5.."'
    latency_metric: str = "http_request_duration_seconds"  # a histogram: `_bucket` is added
    presets: tuple[str, ...] = PRESETS
    queries: list[str] = field(default_factory=list)
    alerts: bool = True
    eval_interval: float = 60.0  # seconds between rule evaluations (for alert runs)


def choose_step(start: datetime, end: datetime, target: int = TARGET_POINTS) -> int:
    """A round step (seconds) giving about `target` points, never more than Prometheus allows."""
    seconds = max((end - start).total_seconds(), 1.0)
    wanted = seconds / target
    step = next((s for s in NICE_STEPS if s >= wanted), None)
    if step is None:
        step = int(math.ceil(wanted / 86400) * 86400)
    while seconds / step + 1 > MAX_POINTS:
        step *= 2
    return step


def preset_queries(options: PrometheusOptions, step: int) -> list[tuple[str, str]]:
    """The preset PromQL (name, query) pairs for the selector, with a rate window fit for `step`."""
    rate = f"{max(300, 2 * step)}s"
    sel = options.selector.strip().strip("{}").strip()
    err = ",".join(m for m in (sel, options.error_matcher) if m)
    table = {
        "request_rate": f"sum(rate({options.requests_metric}{{{sel}}}[{rate}]))",
        "error_ratio": (
            f"sum(rate({options.requests_metric}{{{err}}}[{rate}]))"
            f" / sum(rate({options.requests_metric}{{{sel}}}[{rate}]))"
        ),
        "latency_p99": (
            f"histogram_quantile(0.99, sum by (le) "
            f"(rate({options.latency_metric}_bucket{{{sel}}}[{rate}])))"
        ),
    }
    unknown = [p for p in options.presets if p not in table]
    if unknown:
        raise CollectorError(
            f"unknown Prometheus preset {unknown[0]!r}: use one of {', '.join(table)}"
        )
    return [(name, table[name]) for name in options.presets]


def collect_prometheus(
    options: PrometheusOptions,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Run the presets, the custom queries and the alert history over the window."""
    source = source_name("prometheus", options.http.base_url)
    step = choose_step(window.read_start, window.end)
    queries = preset_queries(options, step) + [
        (f"query {i + 1}", q) for i, q in enumerate(options.queries)
    ]
    result = CollectResult(
        source=source,
        kind="prometheus",
        target=options.http.base_url,
        # the person's queries (the presets follow from the options): what reads it again
        query="\n".join(options.queries),
    )
    total = len(queries) + (1 if options.alerts else 0)
    with JsonClient(source, options.http, what="Prometheus") as client:
        for done, (name, promql) in enumerate(queries):
            progress(done, total, name)
            params = {
                "query": promql,
                "start": iso(window.read_start),
                "end": iso(window.end),
                "step": str(step),
            }
            body = client.get_json(
                "/api/v1/query_range",
                params,
                not_found="is this the Prometheus base URL (without /api/v1)?",
                cancel=cancel,
            )
            _check_success(source, body)
            evidence, gaps = series_evidence(source, name, promql, body, window, step)
            result.evidence.extend(evidence)
            result.gaps.extend(gaps)
        if options.alerts:
            from pm_tui.collectors.prometheus_alerts import alert_history, rule_intervals

            progress(len(queries), total, "alert history")
            intervals = rule_intervals(client, cancel)
            evidence, gaps = alert_history(
                client, source, window, options.eval_interval, cancel, intervals
            )
            result.evidence.extend(evidence)
            result.gaps.extend(gaps)
    progress(total, total, "done")
    result.evidence.sort(key=lambda e: e.time)
    result.counts = _counts(result.evidence)
    return result


def read_query_range_file(
    path: str | Path,
    window: CollectWindow,
    name: str = "",
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Read a saved `query_range` or `query` JSON response (as `curl .../api/v1/query_range`
    writes it). Series of `ALERTS` become alert evidence (pending, firing, resolved runs)."""
    from pm_tui.collectors.classify import read_document

    path = Path(path)
    source = source_name("prometheus", str(path))
    try:
        body = json.loads(read_document(path))
    except FileNotFoundError as exc:
        raise CollectorError(f"{source}: file not found: check the path") from exc
    except (OSError, ValueError) as exc:
        raise CollectorError(f"{source}: not a JSON query_range response ({exc})") from exc
    _check_success(source, body, instant=True)
    check_cancel(cancel)
    data = body["data"]
    instant_alerts: list[Evidence] = []
    instant_gaps: list[Gap] = []
    if data.get("resultType") == "vector":
        # an instant ALERTS answer says what was active when it was saved, not when it fired
        instant_alerts, instant_gaps, rest = _instant_alerts(source, data.get("result", []), window)
        data = {**data, "result": rest}
    if data.get("resultType") == "vector":  # an instant query: one point per series
        data = {"resultType": "matrix", "result": [
            {"metric": s.get("metric", {}), "values": [s["value"]]}
            for s in data.get("result", []) if isinstance(s, dict) and "value" in s
        ]}  # fmt: skip
        body = {**body, "data": data}
    elif data.get("resultType") == "scalar":
        data = {"resultType": "matrix", "result": [{"metric": {}, "values": [data["result"]]}]}
        body = {**body, "data": data}
    alerts = [s for s in data["result"] if s.get("metric", {}).get("__name__") == "ALERTS"]
    others = [s for s in data["result"] if s.get("metric", {}).get("__name__") != "ALERTS"]
    values = [v for s in others for v, _ in s.get("values", [])]
    step = _guess_step(sorted({float(v) for v in values})) if values else 60
    evidence: list[Evidence] = []
    gaps: list[Gap] = []
    if others or not (alerts or instant_alerts or instant_gaps):
        evidence, gaps = series_evidence(
            source, name or path.stem, "", {"data": {"result": others}}, window, step
        )
    evidence += instant_alerts
    gaps += instant_gaps
    if alerts:
        evidence += saved_alert_runs(source, alerts, window)
    progress(1, 1, "done")
    result = CollectResult(source=source, kind="prometheus", target=str(path))
    result.evidence, result.gaps, result.counts = evidence, gaps, _counts(evidence)
    result.evidence.sort(key=lambda e: e.time)
    return result


_ALERT_SERIES = ("ALERTS", "ALERTS_FOR_STATE")


def _instant_alerts(
    source: str, result: list, window: CollectWindow
) -> tuple[list[Evidence], list[Gap], list]:
    """An instant query's `ALERTS` samples: a firing at the time the alert became active where
    the answer has it (`ALERTS_FOR_STATE`'s value), never at the query time; the alerts
    whose start is unknown are named in one gap. Returns (evidence, gaps, the other series)."""

    def is_alert(s) -> bool:
        return (
            isinstance(s, dict)
            and "value" in s
            and (s.get("metric") or {}).get("__name__") in _ALERT_SERIES
        )

    series = [s for s in result if is_alert(s)]
    rest = [s for s in result if not is_alert(s)]
    if not series:
        return [], [], result
    since: dict[tuple, float] = {}
    for s in series:
        if s["metric"].get("__name__") == "ALERTS_FOR_STATE":
            labels = {k: v for k, v in s["metric"].items() if k != "__name__"}
            try:
                since[tuple(sorted(labels.items()))] = float(s["value"][1])
            except (TypeError, ValueError, IndexError):
                continue
    evidence: list[Evidence] = []
    unknown: list[str] = []
    at = None
    for s in series:
        if s["metric"].get("__name__") != "ALERTS":
            continue
        labels = {k: v for k, v in s["metric"].items() if k != "__name__"}
        state = labels.pop("alertstate", "firing")
        name = labels.get("alertname", "?")
        try:
            at = parse_time(s["value"][0])
        except (TypeError, ValueError, IndexError):
            continue
        began = since.get(tuple(sorted(labels.items())))
        if began is None or state != "firing":
            unknown.append(name)
            continue
        t = parse_time(began)
        if not window.contains(t):
            continue
        others = ", ".join(f"{k}={v}" for k, v in sorted(labels.items()) if k != "alertname")
        attrs = {"alertname": name, "state": "firing", "labels": labels, "active_at": iso(t)}
        text = f"Alert {name} firing" + (f" {{{others}}}" if others else "")
        evidence.append(Evidence(t, source, "alert", text, attrs))
    gaps = []
    if unknown:
        names = ", ".join(sorted(set(unknown)))
        gaps.append(
            Gap(
                source,
                f"an instant ALERTS query shows {names} active at "
                f"{at:%Y-%m-%d %H:%M:%S} UTC but not when they fired: save a query_range "
                "of ALERTS (or ALERTS_FOR_STATE) for their firing times",
            )
        )
    return evidence, gaps, rest


def saved_alert_runs(source: str, series: list[dict], window: CollectWindow) -> list[Evidence]:
    """Alert evidence from saved `ALERTS` series: each run of samples is one pending or firing
    transition; a firing run that ends before the last sample is resolved one step later."""
    from pm_tui.collectors.prometheus_alerts import runs

    times = sorted({float(t) for s in series for t, _ in s.get("values", [])})
    step = _guess_step(times) if len(times) > 1 else 60.0
    last_seen = times[-1] if times else 0.0
    out: list[Evidence] = []
    for s in series:
        labels = {k: v for k, v in s.get("metric", {}).items() if k != "__name__"}
        state = labels.pop("alertstate", "firing")
        name = labels.get("alertname", "?")
        others = ", ".join(f"{k}={v}" for k, v in sorted(labels.items()) if k != "alertname")
        stamps = sorted(float(t) for t, v in s.get("values", []) if str(v) != "0")
        for first, last in runs(stamps, step):
            for when, what in ((first, state), (last + step, "resolved")):
                if what == "resolved" and (state != "firing" or last >= last_seen):
                    continue
                t = parse_time(when)
                if not window.contains(t):
                    continue
                attrs = {"alertname": name, "state": what, "labels": labels}
                text = f"Alert {name} {what}" + (f" {{{others}}}" if others else "")
                out.append(Evidence(t, source, "alert", text, attrs))
    return out


def series_evidence(
    source: str, name: str, promql: str, body: dict, window: CollectWindow, step: float
) -> tuple[list[Evidence], list[Gap]]:
    """One metric Evidence per series of a matrix response, plus gaps for missing data."""
    series = body.get("data", {}).get("result", [])
    evidence: list[Evidence] = []
    gaps: list[Gap] = []
    what = f"{name} ({promql})" if promql else name
    bad = BadRecords(source)
    for item in series[:MAX_SERIES_PER_QUERY]:
        try:
            labels = {k: v for k, v in item.get("metric", {}).items() if k != "__name__"}
            metric = item.get("metric", {}).get("__name__")
            # a saved answer: the metric's own name says what the series is
            called = metric if metric and not promql else name
            points = _points(item.get("values", []), window)
            if not points:
                continue
            times = [parse_time(t) for t, _ in points]
            for start, end in _holes(times, window, step)[:MAX_GAPS_PER_QUERY]:
                gaps.append(Gap(source, f"no points for {called}{_fmt_labels(labels)}", start, end))
            values = [v for _, v in points]
            evidence.append(
                Evidence(
                    time=times[0],
                    source=source,
                    kind="metric",
                    text=f"{called}{_fmt_labels(labels)}: min {min(values):.4g}, max {max(values):.4g}",
                    attrs={
                        "name": called,
                        "query": promql,
                        "labels": labels,
                        "points": points,
                        "step": step,
                    },
                )
            )
        except BadRecords.ERRORS as exc:
            bad.note(exc)
    if bad.count:
        gaps.append(bad.gap())
    if not evidence:
        gaps.append(Gap(source, f"no data for {what} in the window", window.read_start, window.end))
    if len(series) > MAX_SERIES_PER_QUERY:
        gaps.append(
            Gap(
                source,
                f"{len(series) - MAX_SERIES_PER_QUERY} more series of {name} not kept: "
                "aggregate the query or narrow the selector",
            )
        )
    return evidence, gaps


def _points(values: list, window: CollectWindow) -> list[tuple[str, float]]:
    points = []
    for t, v in values:
        value = float(v)
        when = parse_time(float(t))
        # NaN (0/0) and infinities are not data; JSON could not keep them either
        if math.isfinite(value) and window.contains(when):
            points.append((iso(when), value))
    return points


def _holes(
    times: list[datetime], window: CollectWindow, step: float
) -> list[tuple[datetime, datetime]]:
    limit = timedelta(seconds=3 * step)
    edges = [window.read_start, *times, window.end]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b - a > limit]


def _guess_step(times: list[float]) -> float:
    deltas = sorted(b - a for a, b in zip(times, times[1:], strict=False))
    return deltas[len(deltas) // 2] if deltas else 60.0


def _check_success(source: str, body: object, instant: bool = False) -> None:
    if not isinstance(body, dict) or "status" not in body:
        raise CollectorError(
            f"{source}: the answer is not a Prometheus API response: check the URL"
        )
    if body["status"] != "success":
        raise CollectorError(f"{source}: Prometheus refused the query: {body.get('error', '?')}")
    allowed = ("matrix", "vector", "scalar", None) if instant else ("matrix", None)
    if body.get("data", {}).get("resultType") not in allowed:
        raise CollectorError(
            f"{source}: expected a range (matrix) result, got {body['data'].get('resultType')}"
        )


def _fmt_labels(labels: dict) -> str:
    if not labels:
        return ""
    return "{" + ", ".join(f"{k}={v}" for k, v in sorted(labels.items())) + "}"


def _counts(evidence: list[Evidence]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in evidence:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    return counts
