"""OpenMetrics / Prometheus text exposition files, read natively (no server needed).

A dump with timestamps (`metric{labels} value 1775541600.000`, as `promtool` backfills and
many exporters' debug dumps write) is a set of series: counters become per-second rates
between successive samples (a drop is a reset), gauges stay values, histograms become the
0.5/0.9/0.99 quantiles of their buckets' increase (as `histogram_quantile` computes them),
summaries keep their quantile series. A dump without timestamps is one scrape: its time is
the file's modification time, and that is said as a gap.
"""

from __future__ import annotations

import math
import os
import re
import threading
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from pm_tui.collectors.common import check_cancel, iso, source_name
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Evidence,
    Gap,
    Progress,
    no_progress,
)
from pm_tui.collectors.logs.timestamps import epoch_time

MAX_SERIES = 200
QUANTILES = (0.5, 0.9, 0.99)
_SAMPLE = re.compile(
    r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+(\S+))?(?:\s+#.*)?\s*$"
)
_LABEL = re.compile(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?')
_SUFFIXES = ("_bucket", "_count", "_sum", "_total", "_created", "_gcount", "_gsum")

Series = dict[tuple, list[tuple[float, float]]]


def read_openmetrics(
    path: str | Path,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Metric evidence (one per series, like a Prometheus query) from an exposition file."""
    from pm_tui.collectors.classify import read_document

    path = Path(path)
    source = source_name("openmetrics", str(path))
    result = CollectResult(source=source, kind="openmetrics", target=str(path))
    try:
        text = read_document(path)
    except FileNotFoundError as exc:
        raise CollectorError(f"{source}: file not found: check the path") from exc
    except OSError as exc:
        raise CollectorError(f"{source}: cannot read the file ({exc})") from exc
    types: dict[str, str] = {}
    samples: Series = defaultdict(list)
    bad = lines = 0
    untimed = False
    scrape = os.path.getmtime(path)
    for number, line in enumerate(text.splitlines()):
        if not number % 20_000:
            check_cancel(cancel)
            progress(number, None, "samples")
        if not line.strip():
            continue
        lines += 1
        if line.startswith("#"):
            parts = line.split(None, 3)
            if len(parts) >= 4 and parts[1] == "TYPE":
                types[parts[2]] = parts[3].strip()
            continue
        m = _SAMPLE.match(line)
        if m is None:
            bad += 1
            continue
        name, labels, value, stamp = m.groups()
        try:
            v = float(value)
            t = float(stamp) if stamp else None
        except ValueError:
            bad += 1
            continue
        if t is None:
            untimed = True
            t = scrape
        elif t > 1e11:  # Prometheus' text format writes milliseconds
            t /= 1000.0
        key = (name, tuple(sorted(_LABEL.findall(labels or ""))))
        samples[key].append((t, v))
    if not samples:
        raise CollectorError(f"{source}: no samples: is this an OpenMetrics/Prometheus text file?")
    evidence = _series_evidence(source, types, samples, window)
    result.evidence = evidence[:MAX_SERIES]
    if len(evidence) > MAX_SERIES:
        result.gaps.append(Gap(source, f"{len(evidence) - MAX_SERIES} more series not kept"))
    if bad:
        result.gaps.append(Gap(source, f"{bad} lines are not samples"))
    if untimed:
        result.gaps.append(
            Gap(source, "samples without timestamps: one scrape, placed at the file's time")
        )
    if not result.evidence:
        result.gaps.append(Gap(source, "no samples in the window", window.read_start, window.end))
    result.evidence.sort(key=lambda e: e.time)
    result.counts = {
        "metric": len(result.evidence),
        "samples": sum(len(v) for v in samples.values()),
        "lines_read": lines,
    }
    progress(1, 1, "done")
    return result


def _family(name: str, types: dict[str, str]) -> tuple[str, str]:
    """The metric family a sample belongs to, and its type (untyped when not declared)."""
    if name in types:
        return name, types[name]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)] in types:
            return name[: -len(suffix)], types[name[: -len(suffix)]]
    if name.endswith("_total"):
        return name, "counter"
    return name, "untyped"


def _series_evidence(
    source: str, types: dict[str, str], samples: Series, window: CollectWindow
) -> list[Evidence]:
    out: list[Evidence] = []
    buckets: dict[tuple, dict[float, list[tuple[float, float]]]] = defaultdict(dict)
    for (name, labels), points in sorted(samples.items()):
        family, kind = _family(name, types)
        points.sort()
        if kind == "histogram" or name.endswith("_bucket") and kind in ("histogram", "untyped"):
            if name.endswith("_bucket"):
                le = dict(labels).get("le")
                rest = tuple((k, v) for k, v in labels if k != "le")
                try:
                    buckets[(family, rest)][float(le)] = points
                except (TypeError, ValueError):
                    pass
            continue  # _sum and _count of a histogram say less than its quantiles
        if kind == "counter" or (kind == "untyped" and name.endswith("_total")):
            series = _rates(points)
            shown, what = f"rate({name})", "per second"
        elif kind in ("summary",) and not dict(labels).get("quantile"):
            continue
        else:
            series, shown, what = points, name, ""
        evidence = _evidence(source, shown, dict(labels), series, window, kind, what)
        if evidence is not None:
            out.append(evidence)
    for (family, labels), by_le in sorted(buckets.items()):
        for q in QUANTILES:
            series = _quantiles(by_le, q)
            shown = f"histogram_quantile({q}, rate({family}_bucket))"
            evidence = _evidence(source, shown, dict(labels), series, window, "histogram", "")
            if evidence is not None:
                out.append(evidence)
    return out


def _rates(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Per-second increase between successive samples; a drop is a counter reset."""
    out = []
    for (t0, v0), (t1, v1) in zip(points, points[1:], strict=False):
        if t1 <= t0:
            continue
        increase = v1 - v0 if v1 >= v0 else v1
        out.append((t1, increase / (t1 - t0)))
    return out


def _quantiles(
    by_le: dict[float, list[tuple[float, float]]], q: float
) -> list[tuple[float, float]]:
    """`histogram_quantile(q, rate(bucket))` at each sample time of the buckets."""
    bounds = sorted(by_le)
    if not bounds:
        return []
    rates = {le: dict(_rates(by_le[le])) for le in bounds}
    cumulative = not any(rates.values())
    if cumulative:  # one scrape: the counts themselves
        rates = {le: {t: v for t, v in by_le[le]} for le in bounds}
    times = sorted(set().union(*(r.keys() for r in rates.values())))
    out = []
    for t in times:
        counts = [(le, rates[le].get(t)) for le in bounds]
        if any(c is None for _, c in counts):
            continue
        total = counts[-1][1]
        if not total or not math.isfinite(bounds[-1]) and len(counts) < 2:
            continue
        rank = q * total
        prev_le, prev_c = 0.0, 0.0
        value = float("nan")
        for le, c in counts:
            if c >= rank:
                if math.isinf(le):
                    value = prev_le
                elif c == prev_c:
                    value = le
                else:
                    value = prev_le + (le - prev_le) * (rank - prev_c) / (c - prev_c)
                break
            prev_le, prev_c = le, c
        if math.isfinite(value):
            out.append((t, value))
    return out


def _evidence(
    source: str,
    name: str,
    labels: dict,
    series: list[tuple[float, float]],
    window: CollectWindow,
    kind: str,
    unit: str,
) -> Evidence | None:
    points: list[tuple[str, float]] = []
    times: list[datetime] = []
    for t, v in series:
        when = epoch_time(t)
        if math.isfinite(v) and window.contains(when):
            points.append((iso(when), v))
            times.append(when)
    if not points:
        return None
    values = [v for _, v in points]
    shown = "{" + ", ".join(f"{k}={v}" for k, v in sorted(labels.items())) + "}" if labels else ""
    steps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
    step = sorted(steps)[len(steps) // 2] if steps else 60.0
    return Evidence(
        time=times[0],
        source=source,
        kind="metric",
        text=f"{name}{shown}: min {min(values):.4g}, max {max(values):.4g}"
        + (f" {unit}" if unit else ""),
        attrs={
            "name": name,
            "query": "",
            "labels": labels,
            "points": points,
            "step": step,
            "metric_type": kind,
        },  # fmt: skip
    )
