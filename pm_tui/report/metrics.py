"""The metric series collected in step 1, as the report's incident graph draws them.

Series are read from the evidence kept beside the post-mortem; which ones are drawn is the
person's choice (names or parts of names) or, by default, those the timeline cites, else all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pm_tui.model import PostMortem

EVIDENCE_FILE = "evidence.jsonl"  # the name `pm-tui collect` keeps evidence under
MAX_SERIES = 4  # panels in one incident graph; more would not read on a page


@dataclass
class MetricSeries:
    """One collected series: its name (query and labels), its points and its source's window."""

    name: str
    points: list[tuple[datetime, float]]
    query_name: str = ""
    from_dump: bool = False  # read from an OpenMetrics dump: raw per-instance series


def load_series(evidence_path: str | Path) -> list[MetricSeries]:
    """Every metric series in a kept evidence file ([] when there is none)."""
    from pm_tui.collectors.common import parse_time
    from pm_tui.collectors.evidence_store import load_evidence

    out = []
    for item in load_evidence(evidence_path):
        if item.kind != "metric":
            continue
        points = []
        for t, v in item.attrs.get("points", []):
            try:
                points.append((parse_time(t), float(v)))
            except (TypeError, ValueError):
                continue  # one unreadable point is not worth losing the chart for
        if not points:
            continue
        query_name = str(item.attrs.get("name") or "")
        labels = item.attrs.get("labels") or {}
        if query_name:
            shown = query_name.removesuffix(".query_range")
            if labels:
                shown += "{" + ", ".join(f"{k}={v}" for k, v in sorted(labels.items())) + "}"
        else:
            shown = item.text or item.source
        points.sort(key=lambda p: p[0])
        dump = item.source.startswith("openmetrics:")
        out.append(MetricSeries(shown, points, query_name.removesuffix(".query_range"), dump))
    return out


def repo_series(repo, pm: PostMortem) -> list[MetricSeries]:
    """The metric series kept beside `pm` in the repository ([] when none were collected)."""
    return load_series(repo.evidence_dir(pm.id) / EVIDENCE_FILE)


def choose_series(
    pm: PostMortem, series: list[MetricSeries], wanted: list[str] | None = None
) -> list[MetricSeries]:
    """The series to draw: those whose name contains one of `wanted`; else those the timeline
    cites (by name in an event's text or source); else all; at most MAX_SERIES. Series of an
    OpenMetrics dump come after the queries."""
    if wanted:
        picked = [s for s in series if any(w.lower() in s.name.lower() for w in wanted)]
        return sorted(picked, key=lambda s: s.from_dump)[:MAX_SERIES]
    cited_text = " ".join(f"{e.text} {e.source}" for e in pm.timeline).lower()
    cited = [s for s in series if s.query_name and s.query_name.lower() in cited_text]
    if not any(s.from_dump for s in series):
        return (cited or series)[:MAX_SERIES]
    # with an OpenMetrics dump (#18): the queries someone asked for (cited first), then the
    # dump's raw per-instance series (cited first)
    return sorted(series, key=lambda s: (s.from_dump, s not in cited))[:MAX_SERIES]


def read_window(pm: PostMortem, series: list[MetricSeries]) -> tuple[datetime, datetime] | None:
    """The window the metrics were read over: the Prometheus sources' window where step 1
    recorded one, else the span of the points; None without points."""
    starts = [s.window_start for s in pm.sources if s.kind == "prometheus" and s.window_start]
    ends = [s.window_end for s in pm.sources if s.kind == "prometheus" and s.window_end]
    times = [t for s in series for t, _ in (s.points[0], s.points[-1])]
    if not times:
        return None
    start = min(starts) if starts else min(times)
    end = max(ends) if ends else max(times)
    return (start, end) if end > start else None
