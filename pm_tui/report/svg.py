"""Small SVG charts for reports: a UTC time axis, line and area series, bars, shaded bands
and labelled marks. No JavaScript, no external assets.

Text and axes are drawn in `currentColor`, so an inline chart takes the page's colour (light,
dark or print); series colours switch with `prefers-color-scheme`. A chart written to its own
file (`standalone=True`) sets its own text colour the same way, for GitHub/GitLab previews.

Build a chart on an `Svg` with the scales and drawing functions below, or use the ready-made
`time_series_chart` and `bar_chart`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape

LIGHT = ("#0969da", "#cf222e", "#1a7f37", "#8250df", "#9a6700", "#1b7c83")
DARK = ("#58a6ff", "#ff7b72", "#3fb950", "#d2a8ff", "#d29922", "#39c5cf")
# Shaded time bands (e.g. the incident's phases): light fills that read on white and black.
BANDS = ("#cf222e", "#d4a72c", "#1a7f37", "#8250df")

FONT = 11
CHAR_WIDTH = 6.2  # average width of a character at FONT px, to keep labels apart

_CSS = (
    ".pmc{font:%(font)dpx/1.2 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif}"
    ".pmc text{fill:currentColor}.pmc .small{font-size:%(small)dpx}.pmc .bold{font-weight:600}"
    ".pmc .axis{stroke:currentColor;stroke-width:1}"
    ".pmc .grid{stroke:currentColor;stroke-opacity:.15;stroke-width:1}"
    ".pmc .tick{stroke:currentColor;stroke-opacity:.6;stroke-width:1}"
    ".pmc .lead{stroke:currentColor;stroke-opacity:.3;stroke-width:1;stroke-dasharray:2 2}"
    ".pmc .muted{fill-opacity:.7}"
    ".pmc .frame{fill:none;stroke:currentColor;stroke-opacity:.3}"
    # Series shapes take their colour from `color` (the .sN classes), text included.
    ".pmc .line{fill:none;stroke:currentColor;stroke-width:1.6;stroke-linejoin:round}"
    ".pmc .area{fill:currentColor;stroke:none;fill-opacity:.15}"
    ".pmc .solid{fill:currentColor;stroke:none}"
)


def _css(standalone: bool) -> str:
    css = _CSS % {"font": FONT, "small": FONT - 1}
    for i, light in enumerate(LIGHT):
        css += f".pmc .s{i}{{color:{light}}}"
    for i, colour in enumerate(BANDS):
        css += f".pmc .b{i}{{fill:{colour};fill-opacity:.13;stroke:none}}"
        css += f".pmc .bk{i}{{fill:{colour};stroke:none}}"
    dark = "".join(f".pmc .s{i}{{color:{c}}}" for i, c in enumerate(DARK))
    dark += ".pmc .area{fill-opacity:.25}"
    if standalone:
        css += ".pmc{color:#1f2328}"
        dark += ".pmc{color:#e6edf3}"
    # Print is always on white paper: the light colours, whatever the screen's scheme.
    return css + f"@media screen and (prefers-color-scheme:dark){{{dark}}}"


def esc(text: object) -> str:
    """Text made safe inside SVG/XML text and attribute values."""
    return escape("" if text is None else str(text), quote=True)


def clip_text(text: str, width_px: float) -> str:
    """`text` shortened with an ellipsis to fit about `width_px` at the chart's font."""
    room = max(1, int(width_px / CHAR_WIDTH))
    return text if len(text) <= room else text[: max(0, room - 1)].rstrip() + "…"


def text_width(text: str) -> float:
    """About how wide `text` is at the chart's font, in px."""
    return len(text) * CHAR_WIDTH


@dataclass
class Svg:
    """An SVG document being built: add elements, then `render()`."""

    width: int
    height: int
    title: str
    desc: str = ""
    parts: list[str] = field(default_factory=list)

    def add(self, element: str) -> None:
        """Append raw, already-escaped SVG markup."""
        self.parts.append(element)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        cls: str = "",
        anchor: str = "start",
        tooltip: str = "",
    ) -> None:
        """A text label at (x, y); `tooltip` shows as the label's <title> on hover."""
        attrs = f' class="{cls}"' if cls else ""
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        inner = f"<title>{esc(tooltip)}</title>" if tooltip else ""
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}"{attrs}>{inner}{esc(text)}</text>')

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str) -> None:
        """A straight line."""
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" class="{cls}"/>'
        )

    def rect(self, x: float, y: float, w: float, h: float, cls: str, tooltip: str = "") -> None:
        """A rectangle; `tooltip` shows on hover."""
        inner = f"<title>{esc(tooltip)}</title>" if tooltip else ""
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
            f'class="{cls}">{inner}</rect>'
        )

    def polyline(self, points: Sequence[tuple[float, float]], cls: str) -> None:
        """An open line through `points`."""
        if points:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            self.parts.append(f'<polyline points="{coords}" class="{cls}"/>')

    def polygon(self, points: Sequence[tuple[float, float]], cls: str) -> None:
        """A closed, filled shape through `points`."""
        if points:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            self.parts.append(f'<polygon points="{coords}" class="{cls}"/>')

    def render(self, standalone: bool = False) -> str:
        """The SVG markup; `standalone` adds the XML namespace and its own text colours."""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="pmc" role="img" '
            f'viewBox="0 0 {self.width} {self.height}" width="{self.width}" '
            f'height="{self.height}" aria-label="{esc(self.title)}">'
            f"<title>{esc(self.title)}</title>"
            + (f"<desc>{esc(self.desc)}</desc>" if self.desc else "")
            + f"<style>{_css(standalone)}</style>"
            + "".join(self.parts)
            + "</svg>"
        )


# --- scales -----------------------------------------------------------------------------

_TIME_STEPS = [
    timedelta(seconds=s)
    for s in (
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
        86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400,
    )
]  # fmt: skip


@dataclass(frozen=True)
class TimeScale:
    """Maps UTC times in [start, end] onto pixels [x0, x1]."""

    start: datetime
    end: datetime
    x0: float
    x1: float

    def x(self, t: datetime) -> float:
        """The pixel of time `t` (not clamped)."""
        span = (self.end - self.start).total_seconds() or 1.0
        return self.x0 + (t - self.start).total_seconds() / span * (self.x1 - self.x0)

    def contains(self, t: datetime) -> bool:
        """Whether `t` lies within the scale's window."""
        return self.start <= t <= self.end

    def ticks(self, min_gap_px: float = 70) -> list[datetime]:
        """Round UTC times across the window, at least `min_gap_px` apart."""
        span = (self.end - self.start).total_seconds()
        width = abs(self.x1 - self.x0) or 1.0
        step = next(
            (s for s in _TIME_STEPS if s.total_seconds() / max(span, 1) * width >= min_gap_px),
            _TIME_STEPS[-1],
        )
        seconds = step.total_seconds()
        epoch = datetime(1970, 1, 1, tzinfo=UTC)
        first = math.ceil((self.start - epoch).total_seconds() / seconds) * seconds
        out = []
        t = epoch + timedelta(seconds=first)
        while t <= self.end:
            out.append(t)
            t += step
        return out


def time_label(t: datetime, previous: datetime | None) -> str:
    """'10:05' on the same day as `previous`, with the date when the day changes or first."""
    with_seconds = t.second != 0
    clock = t.strftime("%H:%M:%S" if with_seconds else "%H:%M")
    if previous is None or previous.date() != t.date():
        return t.strftime("%b %d ") + clock
    return clock


@dataclass(frozen=True)
class LinearScale:
    """Maps values in [lo, hi] onto pixels [bottom, top] (SVG y grows downwards)."""

    lo: float
    hi: float
    bottom: float
    top: float

    @classmethod
    def fit(cls, values: Sequence[float], bottom: float, top: float) -> LinearScale:
        """A scale from zero (or the lowest negative value) to a round number above the max."""
        lo = min(0.0, min(values, default=0.0))
        hi = max(values, default=1.0)
        if hi <= lo:
            hi = lo + 1.0
        step = nice_step((hi - lo) / 4)
        return cls(math.floor(lo / step) * step, math.ceil(hi / step) * step, bottom, top)

    def y(self, v: float) -> float:
        """The pixel of value `v`."""
        return self.bottom - (v - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)

    def ticks(self, count: int = 4) -> list[float]:
        """About `count` round values from lo to hi."""
        step = nice_step((self.hi - self.lo) / count)
        n = int(round((self.hi - self.lo) / step))
        return [self.lo + i * step for i in range(n + 1)]


def nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least `raw`."""
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * power >= raw * 0.999:
            return m * power
    return 10 * power


def format_value(v: float) -> str:
    """A short axis label: 0.05, 12, 1.5k, 3M."""
    a = abs(v)
    if a >= 1e9:
        return f"{v / 1e9:g}G"
    if a >= 1e6:
        return f"{v / 1e6:g}M"
    if a >= 1e4:
        return f"{v / 1e3:g}k"
    if a == 0:
        return "0"
    return f"{v:.4g}"


# --- drawing ----------------------------------------------------------------------------


def draw_time_axis(svg: Svg, scale: TimeScale, y: float, grid_top: float | None = None) -> None:
    """The UTC axis along y: a base line, round ticks with labels, optional grid lines up."""
    svg.line(scale.x0, y, scale.x1, y, "axis")
    previous = None
    for t in scale.ticks():
        x = scale.x(t)
        if grid_top is not None:
            svg.line(x, grid_top, x, y, "grid")
        svg.line(x, y, x, y + 4, "axis")
        svg.text(x, y + 16, time_label(t, previous), "small", "middle")
        previous = t
    svg.text(scale.x1, y + 30, "UTC", "small muted", "end")


def draw_value_axis(svg: Svg, scale: LinearScale, x: float, x_right: float) -> None:
    """Value labels left of x with faint grid lines across to x_right."""
    for v in scale.ticks():
        y = scale.y(v)
        svg.line(x, y, x_right, y, "grid")
        svg.text(x - 4, y + 4, format_value(v), "small", "end")


def draw_series(
    svg: Svg,
    tscale: TimeScale,
    vscale: LinearScale,
    points: Sequence[tuple[datetime, float]],
    colour: int = 0,
    area: bool = True,
) -> None:
    """A series as a line (and a light area under it) within the time window."""
    inside = [(tscale.x(t), vscale.y(v)) for t, v in points if tscale.contains(t)]
    if not inside:
        return
    cls = f"s{colour % len(LIGHT)}"
    if area and len(inside) > 1:
        base = vscale.y(max(vscale.lo, 0.0))
        svg.polygon([(inside[0][0], base), *inside, (inside[-1][0], base)], f"area {cls}")
    svg.polyline(inside, f"line {cls}")


def draw_band(
    svg: Svg, scale: TimeScale, start: datetime, end: datetime, top: float, bottom: float, band: int
) -> None:
    """A shaded stretch of time from `start` to `end`, clipped to the window."""
    a = max(scale.x(start), scale.x0)
    b = min(scale.x(end), scale.x1)
    if b > a:
        svg.rect(a, top, b - a, bottom - top, f"b{band % len(BANDS)}")


def place_labels(
    items: Sequence[tuple[float, str]], rows: int, x_max: float
) -> list[tuple[int, float, str, int]]:
    """Greedy placement of (x, label) in `rows` rows without overlap, in the given priority
    order; returns (item index, x, label, row) for the labels that fit."""
    ends = [-math.inf] * rows
    placed = []
    for index, (x, label) in enumerate(items):
        w = text_width(label) + 8
        left = min(x, x_max - w)
        for row in range(rows):
            if left >= ends[row]:
                ends[row] = left + w
                placed.append((index, left, label, row))
                break
    return placed


# --- ready-made charts ------------------------------------------------------------------


@dataclass
class Mark:
    """A labelled moment on a time chart (an event)."""

    time: datetime
    label: str
    tooltip: str = ""


@dataclass
class Band:
    """A shaded, named stretch of time (an incident phase)."""

    start: datetime
    end: datetime
    label: str


def time_series_chart(
    series: Sequence[tuple[str, Sequence[tuple[datetime, float]]]],
    start: datetime,
    end: datetime,
    *,
    title: str,
    width: int = 960,
    panel_height: int = 120,
    bands: Sequence[Band] = (),
    marks: Sequence[Mark] = (),
    label_rows: int = 4,
    note: str = "",
    standalone: bool = False,
) -> str:
    """One panel per named series over [start, end] on a shared UTC axis, with shaded bands
    across all panels and marks as ticks, labelled where room allows, above them; `note` is
    a line of small print under the legend."""
    left, right = 64, width - 16
    row_h = FONT + 6
    marks_top = 20
    marks_h = row_h * label_rows + 10 if marks else 0
    plot_top = marks_top + marks_h + 6
    gap = 26
    plot_bottom = plot_top + len(series) * (panel_height + gap) - gap
    legend_top = plot_bottom + 40
    legend_h = (20 if bands else 0) + (16 if note else 0)
    height = int(legend_top + legend_h + 6)
    svg = Svg(width, height, title, f"{len(series)} series from {start:%Y-%m-%d %H:%M} UTC")
    tscale = TimeScale(start, end, left, right)
    svg.text(left, 13, title, "bold")
    for i, band in enumerate(bands):
        draw_band(svg, tscale, band.start, band.end, plot_top, plot_bottom, i)
    for i, (name, points) in enumerate(series):
        top = plot_top + i * (panel_height + gap)
        bottom = top + panel_height
        values = [v for t, v in points if tscale.contains(t)]
        vscale = LinearScale.fit(values, bottom, top + 4)
        svg.rect(left, top, right - left, panel_height, "frame")
        draw_value_axis(svg, vscale, left, right)
        draw_series(svg, tscale, vscale, points, i)
        svg.text(left + 6, top + 13, clip_text(name, right - left - 12), f"small bold s{i}")
    if marks:
        _draw_marks(svg, tscale, marks, marks_top, row_h, label_rows, plot_top, plot_bottom)
    draw_time_axis(svg, tscale, plot_bottom)
    x = left
    for i, band in enumerate(bands):
        svg.rect(x, legend_top, 10, 10, f"bk{i % len(BANDS)}")
        svg.text(x + 14, legend_top + 9, band.label, "small")
        x += 14 + text_width(band.label) + 18
    if note:
        svg.text(left, legend_top + legend_h - 4, note, "small muted")
    return svg.render(standalone)


def _draw_marks(
    svg: Svg,
    tscale: TimeScale,
    marks: Sequence[Mark],
    top: float,
    row_h: float,
    rows: int,
    plot_top: float,
    plot_bottom: float,
) -> None:
    # One tick per pixel column: thousands of events stay a few hundred lines.
    seen: set[int] = set()
    for m in marks:
        if not tscale.contains(m.time):
            continue
        column = int(tscale.x(m.time))
        if column in seen:
            continue
        seen.add(column)
        svg.line(column, plot_top, column, plot_bottom, "tick")
    candidates = [(tscale.x(m.time), m.label) for m in marks if tscale.contains(m.time)]
    inside = [m for m in marks if tscale.contains(m.time)]
    for index, x, label, row in place_labels(candidates, rows, tscale.x1):
        y = top + row * row_h + FONT
        mark = inside[index]
        svg.line(candidates[index][0], y + 3, candidates[index][0], plot_top, "lead")
        svg.text(x, y, label, "small", tooltip=mark.tooltip or mark.label)


def bar_chart(
    bars: Sequence[tuple[str, float]],
    *,
    title: str,
    width: int = 640,
    bar_height: int = 16,
    unit: str = "",
    standalone: bool = False,
) -> str:
    """Horizontal bars, one per (label, value), with the value written after each bar."""
    label_w = min(220, max((text_width(label) for label, _ in bars), default=40) + 8)
    left, right = label_w + 8, width - 70
    top = 24
    height = top + len(bars) * (bar_height + 6) + 8
    svg = Svg(width, height, title)
    svg.text(8, 14, title, "bold")
    hi = max((v for _, v in bars), default=0.0) or 1.0
    for i, (label, value) in enumerate(bars):
        y = top + i * (bar_height + 6)
        w = max(0.0, value) / hi * (right - left)
        svg.text(left - 6, y + bar_height - 4, clip_text(label, label_w), "small", "end")
        svg.rect(left, y, w, bar_height, f"solid s{i % len(LIGHT)}", tooltip=f"{label}: {value:g}")
        svg.text(left + w + 4, y + bar_height - 4, f"{format_value(value)}{unit}", "small")
    return svg.render(standalone)
