"""Incident durations: time to detect, acknowledge, mitigate and resolve, and the duration.

Each milestone is taken from the incident window where the person set it (or accepted the
milestones proposed from the evidence, pm_tui.timeline.milestones), else from the curated
timeline: the first symptom starts the incident, the first alert or page detects it, then the
first acknowledgement, mitigation and resolution. `timeline_durations` reads the timeline
alone (what the evidence shows), so the two can be compared. Every figure is measured from
`started`, the first observable failure (infrastructure precursors included), never from
the rough window a person typed to bound what is read.
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

# What each figure measures, in words, for reports and charts (derived from the kinds above).
DEFINITIONS = {
    "detect": "from the first observable failure to the first alert or page about it",
    "acknowledge": "from the first observable failure to the first acknowledgement",
    "mitigate": "from the first observable failure to the end of customer-visible impact",
    "resolve": "from the first observable failure to the incident declared resolved",
}


def definitions_note() -> str:
    """One sentence per figure saying how it is computed, for reports ("how was this computed")."""
    parts = [f"time to {name}: {text}" for name, text in DEFINITIONS.items()]
    return (
        "How these are computed: "
        + "; ".join(parts)
        + ". Milestones come from the incident window (as accepted in step 2), else from the "
        "first timeline row of their kind."
    )


# The figure each milestone ends, in the order an incident moves through them.
FIGURE_MILESTONES = (
    ("detect", "detected"),
    ("acknowledge", "acknowledged"),
    ("mitigate", "mitigated"),
    ("resolve", "resolved"),
)


@dataclass
class Durations:
    """Each figure is a timedelta from the incident start, or None when unknown.

    `duration` is start to resolution; `acknowledge_after_page` is the wait between the
    first alert or page and its acknowledgement.
    """

    started: datetime | None
    detect: timedelta | None
    acknowledge: timedelta | None
    mitigate: timedelta | None
    resolve: timedelta | None
    duration: timedelta | None = None
    acknowledge_after_page: timedelta | None = None

    def as_dict(self) -> dict[str, int | None]:
        """Seconds per figure (None when unknown), for JSON."""
        out = {
            f"time_to_{k}_seconds": _seconds(v)
            for k, v in (
                ("detect", self.detect),
                ("acknowledge", self.acknowledge),
                ("mitigate", self.mitigate),
                ("resolve", self.resolve),
            )
        }
        out["duration_seconds"] = _seconds(self.duration)
        out["acknowledge_after_page_seconds"] = _seconds(self.acknowledge_after_page)
        return out


def _seconds(value: timedelta | None) -> int | None:
    return int(value.total_seconds()) if value is not None else None


def milestone(pm: PostMortem, name: str, *, window: bool = True) -> datetime | None:
    """The time of a milestone: the window's value (unless `window` is False), else the first
    matching timeline event."""
    value = getattr(pm.window, name) if window else None
    if value is not None:
        return value
    times = [e.time for e in pm.timeline if e.kind in _MILESTONE_KINDS[name]]
    return min(times) if times else None


def _timeline_milestones(pm: PostMortem) -> dict[str, datetime | None]:
    # One pass over the timeline for every milestone (step 2 recomputes on each time edit).
    first: dict[str, datetime] = {}
    for e in pm.timeline:
        seen = first.get(e.kind)
        if seen is None or e.time < seen:
            first[e.kind] = e.time
    out: dict[str, datetime | None] = {}
    for name, kinds in _MILESTONE_KINDS.items():
        times = [first[k] for k in kinds if k in first]
        out[name] = min(times) if times else None
    return out


def durations(pm: PostMortem) -> Durations:
    """Time to detect, acknowledge, mitigate and resolve, measured from the incident start."""
    return _durations(pm, window=True)


def timeline_durations(pm: PostMortem) -> Durations:
    """The same figures from the curated timeline alone, ignoring the window's milestones."""
    return _durations(pm, window=False)


def _durations(pm: PostMortem, window: bool) -> Durations:
    from_timeline = _timeline_milestones(pm)

    def milestone_at(name: str) -> datetime | None:
        value = getattr(pm.window, name) if window else None
        return value if value is not None else from_timeline[name]

    start = milestone_at("started")

    def between(a: datetime | None, b: datetime | None) -> timedelta | None:
        if a is None or b is None or b < a:
            return None
        return b - a

    def since(name: str) -> timedelta | None:
        return between(start, milestone_at(name))

    resolve = since("resolved")
    return Durations(
        start,
        since("detected"),
        since("acknowledged"),
        since("mitigated"),
        resolve,
        duration=resolve,
        acknowledge_after_page=between(milestone_at("detected"), milestone_at("acknowledged")),
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
