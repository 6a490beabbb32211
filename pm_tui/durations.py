"""Incident durations: time to detect, acknowledge, mitigate and resolve.

Taken from the incident window's milestones; where a milestone is missing there, from
the first timeline event of the matching kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pm_tui.model import PostMortem

# Which timeline kinds mark each milestone when the window leaves it empty.
_MILESTONE_KINDS = {
    "started": ("first_symptom",),
    "detected": ("alert_fired", "paged"),
    "acknowledged": ("acknowledged",),
    "mitigated": ("mitigation",),
    "resolved": ("resolved",),
}


@dataclass
class Durations:
    """Each figure is a timedelta from the incident start, or None when unknown."""

    started: datetime | None
    detect: timedelta | None
    acknowledge: timedelta | None
    mitigate: timedelta | None
    resolve: timedelta | None

    def as_dict(self) -> dict[str, int | None]:
        """Seconds per figure (None when unknown), for JSON."""
        return {
            f"time_to_{k}_seconds": int(v.total_seconds()) if v is not None else None
            for k, v in (
                ("detect", self.detect),
                ("acknowledge", self.acknowledge),
                ("mitigate", self.mitigate),
                ("resolve", self.resolve),
            )
        }


def milestone(pm: PostMortem, name: str) -> datetime | None:
    """The time of a milestone: the window's value, else the first matching timeline event."""
    value = getattr(pm.window, name)
    if value is not None:
        return value
    times = [e.time for e in pm.timeline if e.kind in _MILESTONE_KINDS[name]]
    return min(times) if times else None


def durations(pm: PostMortem) -> Durations:
    """Time to detect, acknowledge, mitigate and resolve, measured from the incident start."""
    start = milestone(pm, "started")

    def since(name: str) -> timedelta | None:
        t = milestone(pm, name)
        if start is None or t is None or t < start:
            return None
        return t - start

    return Durations(
        start, since("detected"), since("acknowledged"), since("mitigated"), since("resolved")
    )


def format_duration(value: timedelta | None) -> str:
    """'1h 35m', '7m', '45s' or '—' when unknown."""
    if value is None:
        return "—"
    seconds = int(value.total_seconds())
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    if h:
        return f"{h}h {m:02d}m"
    if m:
        return f"{m}m" if not s else f"{m}m {s:02d}s"
    return f"{s}s"
