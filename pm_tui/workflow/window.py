"""The collection window: the one definition of what time span evidence is read for.

    read from   incident start (or --start) minus the baseline (60 minutes by default)
    read to     an explicit end (--end) as given; else the resolution (or, when only the
                mitigation is known, the mitigation) plus ALL_CLEAR_MARGIN, because the last
                messages and the "all clear" come just after it; else, for an incident still
                open, now, but at most OPEN_INCIDENT_SPAN after the start.

Collecting and rebuilding the candidates use the same window, from every interface.
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
    first = start or pm.window.started
    last = end
    if last is None:
        closed = pm.window.resolved or pm.window.mitigated
        if closed is not None:
            last = closed + ALL_CLEAR_MARGIN
        else:
            last = min(now or now_utc(), first + OPEN_INCIDENT_SPAN)
    if last <= first:
        raise UsageError(
            "the window ends before it starts: check --start/--end or the incident's times"
        )
    return CollectWindow(
        start=first, end=last, baseline=timedelta(minutes=max(0, baseline_minutes))
    )
