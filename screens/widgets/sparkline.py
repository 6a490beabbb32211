"""A small Unicode plot of a metric series over the incident window, events marked below."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

_BARS = " ▁▂▃▄▅▆▇█"


def render_plot(
    points: list[tuple[datetime, float]],
    start: datetime,
    end: datetime,
    width: int,
    marks: list[datetime] = (),
) -> tuple[str, str]:
    """Two lines of `width` cells: the series as bars (max per cell) and ▲ under each mark."""
    width = max(width, 4)
    span = (end - start).total_seconds() or 1.0
    cells: list[float | None] = [None] * width
    for t, v in points:
        i = int((t - start).total_seconds() / span * (width - 1))
        if 0 <= i < width:
            cells[i] = v if cells[i] is None else max(cells[i], v)
    values = [c for c in cells if c is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    scale = (hi - lo) or 1.0
    bars = "".join(
        " " if c is None else _BARS[1 + int((c - lo) / scale * (len(_BARS) - 2))] for c in cells
    )
    under = [" "] * width
    for t in marks:
        i = int((t - start).total_seconds() / span * (width - 1))
        if 0 <= i < width:
            under[i] = "▲"
    return bars, "".join(under)


class SeriesPlot(Static):
    """Plots one or more named series; shows a note when there is nothing to plot."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._series: list[tuple[str, list[tuple[datetime, float]]]] = []
        self._window: tuple[datetime, datetime] | None = None
        self._marks: list[datetime] = []
        self.border_title = "Metrics over the window (▲ = timeline event)"

    def plot(self, series, start: datetime, end: datetime, marks: list[datetime]) -> None:
        """Set the data and redraw."""
        self._series, self._window, self._marks = list(series), (start, end), list(marks)
        self.refresh_plot()

    def on_resize(self) -> None:
        self.refresh_plot()

    def refresh_plot(self) -> None:
        self.set_class(not self._series, "-empty")
        if not self._series or self._window is None:
            self.update(
                Text(
                    "No metric series in the kept evidence: collect a Prometheus "
                    "source in step 1 to see the error rate here.",
                    style="dim",
                )
            )
            return
        avail = max(self.size.width - 2, 10)
        # Wide: the series name beside its bars. Narrow (80 columns): the name on a line of
        # its own, so the bars, the marks and the time axis keep the full width.
        indent = 21 if avail >= 44 else 0
        width = avail - indent if indent else avail
        start, end = self._window
        text = Text()
        for name, points in self._series[:3]:
            bars, under = render_plot(points, start, end, width, self._marks)
            if indent:
                text.append(f"{name[:20]:<20} ", style="bold")
            else:
                text.append(name[:avail] + "\n", style="bold")
            text.append(bars + "\n", style="cyan")
        text.append(" " * indent + under + "\n", style="yellow")
        text.append(" " * indent + f"{start:%H:%M}", style="dim")
        text.append(f"{end:%H:%M}".rjust(max(width - 5, 5)), style="dim")
        self.update(text)
