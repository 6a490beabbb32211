"""The report's two graphs: the incident graph (collected metrics, the incident's phases
shaded, timeline events as labelled ticks) and the timeline at a glance (a swimlane of the
timeline by kind, with the durations as spans and their definitions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pm_tui.durations import DEFINITIONS, FIGURE_MILESTONES, durations, format_duration, milestone
from pm_tui.model import PostMortem
from pm_tui.report import svg
from pm_tui.report.metrics import MetricSeries, read_window

# The phases shaded on the incident graph, between consecutive known milestones.
PHASES = ("started", "detected", "mitigated", "resolved")

# Swimlanes of the timeline at a glance: (lane, event kinds), top to bottom.
LANES = (
    ("Changes", ("change",)),
    ("Detection", ("first_symptom", "alert_fired", "paged", "alert_resolved")),
    ("Response", ("acknowledged", "diagnosis", "mitigation", "recovery", "resolved")),
    ("Communication", ("communication",)),
    ("Other", ("other",)),
)
_LANE_OF = {kind: i for i, (_, kinds) in enumerate(LANES) for kind in kinds}

# Events labelled first on the incident graph when labels compete for room.
_LABEL_PRIORITY = {
    "first_symptom": 0,
    "alert_fired": 0,
    "paged": 1,
    "acknowledged": 1,
    "mitigation": 0,
    "resolved": 0,
    "change": 2,
    "recovery": 2,
    "diagnosis": 3,
}
LABEL_CHARS = 34


@dataclass
class Graphs:
    """The report's SVGs; `incident` is None when no metrics were collected, `timeline` when
    the timeline is empty."""

    incident: str | None
    timeline: str | None


NO_METRICS = (
    "No metrics were collected for this post-mortem, so there is no incident graph "
    "(collect a Prometheus source in step 1 to draw one)."
)
NO_TIMELINE = "The timeline is empty, so there is nothing to draw at a glance."


def render_graphs(pm: PostMortem, series: list[MetricSeries], standalone: bool = False) -> Graphs:
    """Both graphs of `pm` (series already chosen, see metrics.choose_series)."""
    return Graphs(incident_graph(pm, series, standalone), timeline_graph(pm, standalone))


def _phases(pm: PostMortem) -> list[svg.Band]:
    known = [(name, milestone(pm, name)) for name in PHASES]
    known = [(n, t) for n, t in known if t is not None]
    bands = []
    for (a, ta), (b, tb) in zip(known, known[1:], strict=False):
        if tb > ta:
            bands.append(svg.Band(ta, tb, f"{a} → {b} ({format_duration(tb - ta)})"))
    return bands


def incident_graph(
    pm: PostMortem, series: list[MetricSeries], standalone: bool = False
) -> str | None:
    """The metrics over their read window, phases shaded, events as labelled ticks; None
    when there is no metric to draw."""
    window = read_window(pm, series)
    if window is None:
        return None
    start, end = window
    order = sorted(
        range(len(pm.timeline)),
        key=lambda i: (_LABEL_PRIORITY.get(pm.timeline[i].kind, 4), pm.timeline[i].time),
    )
    marks = []
    for i in order:
        e = pm.timeline[i]
        label = svg.clip_text(f"{e.time:%H:%M} {e.text}", LABEL_CHARS * svg.CHAR_WIDTH)
        marks.append(
            svg.Mark(e.time, label, f"{e.time:%Y-%m-%d %H:%M:%S} UTC · {e.kind} · {e.text}")
        )
    outside = sum(1 for e in pm.timeline if not start <= e.time <= end)
    note = (
        f"{outside} timeline event{'s' if outside != 1 else ''} outside this window "
        f"{'is' if outside == 1 else 'are'} not marked."
        if outside
        else ""
    )
    return svg.time_series_chart(
        [(s.name, s.points) for s in series],
        start,
        end,
        title=f"{pm.title} — metrics, {start:%Y-%m-%d %H:%M} to {end:%H:%M} UTC",
        bands=_phases(pm),
        marks=marks,
        note=note,
        standalone=standalone,
    )


def _extent(pm: PostMortem) -> tuple[datetime, datetime] | None:
    times = [e.time for e in pm.timeline]
    if not times:
        return None
    times += [t for n in PHASES if (t := milestone(pm, n)) is not None]
    start, end = min(times), max(times)
    pad = max((end - start) * 0.02, timedelta(minutes=1))
    return start - pad, end + pad


def timeline_graph(pm: PostMortem, standalone: bool = False) -> str | None:
    """The timeline as a swimlane by kind, with the incident durations drawn as spans from the
    start and defined beside them; None for an empty timeline."""
    extent = _extent(pm)
    if extent is None:
        return None
    start, end = extent
    width, left, right = 960, 196, 944
    lanes = sorted({_LANE_OF.get(e.kind, len(LANES) - 1) for e in pm.timeline})
    lane_h, top = 22, 24
    spans_top = top + len(lanes) * lane_h + 52
    d = durations(pm)
    figures = [(name, getattr(d, name), ms) for name, ms in FIGURE_MILESTONES]
    figures = [f for f in figures if f[1] is not None]
    span_h = 30
    height = spans_top + max(1, len(figures)) * span_h + 8
    chart = svg.Svg(
        width, height, f"{pm.title} — timeline at a glance", f"{len(pm.timeline)} events by kind"
    )
    scale = svg.TimeScale(start, end, left, right)
    chart.text(8, 14, "Timeline at a glance (events by kind)", "bold")
    row_of = {lane: row for row, lane in enumerate(lanes)}
    for lane, row in row_of.items():
        y = top + row * lane_h
        chart.line(left, y + lane_h, right, y + lane_h, "grid")
        chart.text(left - 8, y + lane_h / 2 + 4, LANES[lane][0], "small", "end")
    seen: set[tuple[int, int]] = set()
    for e in pm.timeline:
        row = row_of[_LANE_OF.get(e.kind, len(LANES) - 1)]
        column = int(scale.x(e.time))
        if (row, column) in seen:
            continue  # one mark per pixel and lane keeps a huge timeline small
        seen.add((row, column))
        y = top + row * lane_h
        chart.rect(
            column - 1.5,
            y + 5,
            3,
            lane_h - 10,
            f"solid s{row % len(svg.LIGHT)}",
            tooltip=f"{e.time:%H:%M:%S} {e.kind}: {e.text}",
        )
    svg.draw_time_axis(chart, scale, top + len(lanes) * lane_h)
    chart.text(8, spans_top - 12, "Durations, from the incident start", "bold small")
    if not figures or d.started is None:
        chart.text(left, spans_top + 14, "No milestone is known yet.", "small muted")
    for i, (name, value, _ms) in enumerate(figures):
        y = spans_top + i * span_h
        x0 = scale.x(d.started)
        x1 = scale.x(d.started + value)
        chart.rect(x0, y, max(x1 - x0, 2), 10, f"bk{i % len(svg.BANDS)}")
        label = f"Time to {name}: {format_duration(value)}"
        chart.text(left - 8, y + 9, label, "small bold", "end")
        chart.text(x0, y + 22, DEFINITIONS[name], "small muted")
    return chart.render(standalone)
