"""Metric detectors: per series, the crossing of a robust baseline taken before the incident
(median ± k·MAD, with a minimum delta) and the return inside it, with the values."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from statistics import median

from pm_tui.collectors.common import parse_time
from pm_tui.collectors.evidence import Evidence
from pm_tui.timeline.onset import series_onset, series_return
from pm_tui.timeline.signals import Periods, Signal, hhmmss

K = 5.0
MIN_REL_DELTA = 0.5  # the band is at least half the baseline median wide
ABS_EPS = 1e-9
SUSTAIN = 3  # points in a row outside the band
# Samples further apart than this date a departure at the first one outside (a gap in the
# series says nothing about when it left between them).
MAX_STEP = timedelta(minutes=5)
SETTLE = timedelta(minutes=5)  # back inside the band this long before it counts as recovered
_ERRORISH = re.compile(r"error|5xx|fail|unavailable|restart|oom|kill|\bup\b|down", re.I)
MIN_BASE_POINTS = 5
# a count of the serving capacity (replicas, instances, task managers): rising, it is capacity
# added (an autoscaler or a person scaling out), never a failure; falling, pods dropping out
_CAPACITY_COUNT = re.compile(
    r"replicas|instances|desired_capacity|capacity_desired|taskmanagers|task_managers|"
    r"(?:pods|nodes|workers)(?:_(?:count|total|running|ready|available))?$",
    re.I,
)


def is_capacity_count(metric: str) -> bool:
    """Whether a series counts the serving capacity (`kube_deployment_status_replicas_ready`,
    instances in service), not what customers get."""
    return bool(_CAPACITY_COUNT.search(metric.split("{", 1)[0]))


_GOOD = re.compile(
    r"hit|success|availability|ready|healthy|active_server|online|served|_ok\b", re.I
)


def metric_signals(evidence: list[Evidence], p: Periods) -> list[Signal]:
    """A crossing and a recovery signal per metric series that leaves its baseline band."""
    out: list[Signal] = []
    for item in evidence:
        if item.kind == "metric" and item.attrs.get("points"):
            out.extend(_series(item, p))
    return out


def _name(item: Evidence) -> str:
    labels = item.attrs.get("labels") or {}
    inner = ",".join(f"{k}={v}" for k, v in sorted(labels.items()))
    return f"{item.attrs.get('name') or 'metric'}" + (f"{{{inner}}}" if inner else "")


def _fmt(v: float) -> str:
    return f"{v:.3g}"


def _series(item: Evidence, p: Periods) -> list[Signal]:
    points = [
        (parse_time(t) if isinstance(t, str) else t, float(v)) for t, v in item.attrs["points"]
    ]
    points.sort(key=lambda tv: tv[0])
    base = [v for t, v in points if p.base_start <= t < p.base_end]
    if len(base) < MIN_BASE_POINTS:
        return []
    med = median(base)
    mad = median(abs(v - med) for v in base)
    delta = max(K * 1.4826 * mad, MIN_REL_DELTA * abs(med), ABS_EPS)
    high, low = med + delta, med - delta
    scan = [(t, v) for t, v in points if t >= p.base_end]
    outside = [v > high or v < low for _, v in scan]
    start = next((i for i in range(len(scan) - SUSTAIN + 1) if all(outside[i : i + SUSTAIN])), None)
    if start is None:
        return []
    up = scan[start][1] > high
    metric = str(item.attrs.get("name") or "")
    if up and _CAPACITY_COUNT.search(metric) and not _ERRORISH.search(metric):
        return []  # capacity added: a scale (its own change row), not a symptom
    # the episode: until SUSTAIN points in a row are back inside the band
    end = None
    i = start + SUSTAIN
    while i < len(scan):
        if outside[i]:
            i += 1
            continue
        k = i
        while k < len(scan) and not outside[k]:
            k += 1
        if k - i >= SUSTAIN and (
            k == len(scan)
            and scan[-1][0] - scan[i][0] >= SETTLE
            or k < len(scan)
            and scan[k][0] - scan[i][0] >= SETTLE
        ):
            end = i
            break
        i = k
    caught_up = _catch_up(scan, start, end, med, low, high) if not up else None
    if caught_up is not None:
        end = caught_up
    seg = scan[start : end if end is not None else len(scan)]
    peak_t, peak_v = (max if up else min)(seg, key=lambda tv: tv[1])
    name = _name(item)
    t0, v0 = scan[start]
    bound = high if up else low
    word = "above" if up else "below"
    # dated where it left its usual range, not where it crossed the band (a slow climb)
    first = series_onset(scan, start, med, mad, bound, max(base) if up else min(base))
    onset = scan[first][0]
    left = f"out of its usual range from {hhmmss(onset)}, " if onset < t0 else ""
    text = (
        f"{name} {word} its baseline: {left}{_fmt(v0)} at {hhmmss(t0)} (baseline median "
        f"{_fmt(med)}, {'threshold' if up else 'floor'} {_fmt(bound)}); "
        f"{'peak' if up else 'lowest'} {_fmt(peak_v)} at {peak_t:%H:%M}"
    )
    source = item.source
    quote = f"{name} = {_fmt(v0)} at {hhmmss(t0)}"
    # errors rising, or what should stay up falling (a cache's hit ratio, the servers ready)
    failing = _ERRORISH.search(name) or (not up and _GOOD.search(name.split("{", 1)[0]))
    tags = ("error",) if failing else ()
    # it left its range between its last usual sample (`usual_until`) and its first unusual
    # one: the start is dated in the middle of that span, as its return is
    # (reconstruct.departed_at and impact_end)
    extra: dict = {"metric": name}
    before = scan[first - 1][0] if first > 0 else max(t for t, _ in points if t < scan[0][0])
    if onset - before <= MAX_STEP:
        extra["usual_until"] = before
    out = [Signal(onset, "symptom", text, source, quote, 0.7, tags=tags, extra=extra)]
    if end is not None:
        # dated where it is back in its usual range, not where it re-entered the band (a
        # slow drain), as the departure is
        if caught_up is None:
            end = series_return(scan, end, med, mad, bound)
        t1, v1 = scan[end]
        back = (
            f"back above its floor, catching up on what it held back: {_fmt(v1)} at "
            f"{hhmmss(t1)} (floor {_fmt(bound)}, baseline median {_fmt(med)})"
            if caught_up is not None
            else f"back within its baseline: {_fmt(v1)} at {hhmmss(t1)} "
            f"({'threshold' if up else 'floor'} {_fmt(bound)})"
        )
        out.append(
            Signal(
                t1,
                "recovery",
                f"{name} {back}",
                source,
                f"{name} = {_fmt(v1)} at {hhmmss(t1)}",
                0.65,
                tags=("normal",) + tags,
                # its last sample still outside the band: the return happened after it
                extra={"metric": name, "since": scan[end - 1][0]},
            )
        )
    return out


def _catch_up(
    scan: list[tuple[datetime, float]],
    start: int,
    end: int | None,
    med: float,
    low: float,
    high: float,
) -> int | None:
    """Where a series that dropped is back when it comes back by overshooting the other way and
    then settles (orders per minute after a fix: the baskets held back during the drop are
    placed in the minutes after): the first sample no longer below the band, which is already
    above it. Only a catch-up: the overshoot is no larger than what the drop held back, no
    longer than the drop, and the series is back within its band right after it (`end`, where
    the episode settles). None otherwise (a series that comes back into its band, or swings
    beyond it for longer: a thundering herd, not a backlog paid back)."""
    if end is None:
        return None
    back = next((i for i in range(start, end) if scan[i][1] >= low), None)
    if back is None or back == start or scan[back][1] <= high:
        return None
    if any(v <= med for _, v in scan[back:end]):
        return None  # not one overshoot, above its usual level until it settles
    held_back = sum(med - v for _, v in scan[start:back])
    paid_back = sum(v - med for _, v in scan[back:end])
    if paid_back > held_back or scan[end][0] - scan[back][0] > scan[back][0] - scan[start][0]:
        return None
    return back
