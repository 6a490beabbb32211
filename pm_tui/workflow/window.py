"""The collection window: the one definition of what time span evidence is read for.

    read from   incident start (or --start) minus the baseline (60 minutes by default)
    read to     an explicit end (--end) as given; else the resolution (or, when only the
                mitigation is known, the mitigation) plus ALL_CLEAR_MARGIN, because the last
                messages and the "all clear" come just after it; else, for an incident still
                open, now, but at most OPEN_INCIDENT_SPAN after the start.

Collecting and rebuilding the candidates use the same window, from every interface.

The span already read for this post-mortem (each source records it) is kept: accepting the
milestones proposed from the evidence moves `started` and `resolved` inside the rough window the
person typed, and the next collection or rebuild must still read all of that rough window, not
the narrower span of the accepted milestones. The typed window only bounds what is read; the
milestones set the durations.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pm_tui.collectors.evidence import CollectWindow
from pm_tui.errors import UsageError
from pm_tui.model import PostMortem, now_utc

DEFAULT_BASELINE_MINUTES = 60
ALL_CLEAR_MARGIN = timedelta(minutes=30)
OPEN_INCIDENT_SPAN = timedelta(hours=24)


def collection_window(
    pm: PostMortem,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    baseline_minutes: int = DEFAULT_BASELINE_MINUTES,
    now: datetime | None = None,
) -> CollectWindow:
    """The window to read evidence for `pm` (see the module text); UsageError when it is empty."""
    baseline = timedelta(minutes=max(0, baseline_minutes))
    read_from, read_to = read_span(pm)
    first = start or pm.window.started
    if start is None and read_from is not None:
        first = min(first, read_from + baseline)
    last = end
    if last is None:
        closed = pm.window.resolved or pm.window.mitigated
        if closed is not None:
            last = closed + ALL_CLEAR_MARGIN
        else:
            last = min(now or now_utc(), first + OPEN_INCIDENT_SPAN)
        if read_to is not None:
            last = max(last, read_to)
    if last <= first:
        raise UsageError(
            "the window ends before it starts: check --start/--end or the incident's times"
        )
    return CollectWindow(start=first, end=last, baseline=baseline)


def read_span(pm: PostMortem) -> tuple[datetime | None, datetime | None]:
    """The earliest read start and the latest read end its sources recorded (None when none)."""
    starts = [s.window_start for s in pm.sources if s.window_start is not None]
    ends = [s.window_end for s in pm.sources if s.window_end is not None]
    return min(starts, default=None), max(ends, default=None)
