"""Checks of a post-mortem's values that types alone do not catch: times in order and in a
plausible range, no negative counts, finite numbers. Run when a file is loaded (each problem
becomes `path:line:column: ...`) and before one is saved (so pm-tui never writes a file it
would refuse to read)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime

from pm_tui.model import IncidentWindow, PostMortem

MIN_YEAR, MAX_YEAR = 1970, 2999
# A timeline is the story a person reviews, not a log: beyond this, loading and merging an
# edit into the file's text would take minutes and gigabytes (tomlkit keeps every token).
MAX_TIMELINE_EVENTS = 10_000

# (where in the TOML, message): `where` is a key path like ("window", "resolved")
Problem = tuple[tuple, str]


def problems(pm: PostMortem) -> Iterator[Problem]:
    """Every range problem of `pm`, in file order."""
    if len(pm.timeline) > MAX_TIMELINE_EVENTS:
        yield (
            ("timeline", MAX_TIMELINE_EVENTS),
            f"the timeline has {len(pm.timeline):,} events, more than the "
            f"{MAX_TIMELINE_EVENTS:,} pm-tui keeps editable: keep the events that tell the "
            "story (the rest stays in the collected evidence)",
        )
    w = pm.window
    for name in IncidentWindow.MILESTONES:
        value = getattr(w, name)
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            yield _year(("window", name), f"window.{name}", value)
    for name in IncidentWindow.MILESTONES[1:]:
        value = getattr(w, name)
        if value is not None and value < w.started:
            yield (
                ("window", name),
                f"window.{name} ({value:%Y-%m-%dT%H:%M:%SZ}) is before window.started "
                f"({w.started:%Y-%m-%dT%H:%M:%SZ}): fix one of the two",
            )
    if w.resolved is not None:
        for name in ("detected", "acknowledged", "mitigated"):
            value = getattr(w, name)
            if value is not None and value > w.resolved:
                yield (
                    ("window", name),
                    f"window.{name} ({value:%Y-%m-%dT%H:%M:%SZ}) is after window.resolved "
                    f"({w.resolved:%Y-%m-%dT%H:%M:%SZ}): fix one of the two",
                )
    for key in ("failed_requests", "customers_affected", "estimated_cost"):
        value = getattr(pm.impact, key)
        if value is None:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            yield ("impact", key), f"impact.{key} is {value}: give a finite number"
        elif value < 0:
            yield ("impact", key), f"impact.{key} is {value}: a count or cost cannot be negative"
    for name in ("reviewed", "follow_up_review"):
        value = getattr(pm, name)
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            yield _year((name,), name, value)
    for i, s in enumerate(pm.sources):
        for k, v in s.counts.items():
            if v < 0:
                yield (
                    ("sources", i, "counts"),
                    f"sources[{i}].counts.{k} is {v}: cannot be negative",
                )
        if s.redactions < 0:
            yield ("sources", i, "redactions"), f"sources[{i}].redactions cannot be negative"
        for k in ("window_start", "window_end", "collected_at"):
            value = getattr(s, k)
            if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
                yield _year(("sources", i, k), f"sources[{i}].{k}", value)
    # (the names are formatted only for a value out of range: most files have none)
    for i, e in enumerate(pm.timeline):
        if not MIN_YEAR <= e.time.year <= MAX_YEAR:
            yield _year(("timeline", i, "time"), f"timeline[{i}].time ({e.id})", e.time)
    for i, a in enumerate(pm.actions):
        if a.deadline is not None and not MIN_YEAR <= a.deadline.year <= MAX_YEAR:
            yield _year(("actions", i, "deadline"), f"actions[{i}].deadline ({a.id})", a.deadline)
    for i, d in enumerate(pm.distribution):
        if not MIN_YEAR <= d.sent_at.year <= MAX_YEAR:
            yield _year(("distribution", i, "sent_at"), f"distribution[{i}].sent_at", d.sent_at)


def _year(where: tuple, name: str, value: date | datetime) -> Problem:
    """The problem of a value whose year is out of range."""
    return (
        where,
        f"{name} is in the year {value.year}: give a time between {MIN_YEAR} and {MAX_YEAR}",
    )


def first_problem(pm: PostMortem) -> Problem | None:
    """The first problem of `pm`, or None when its values are all in range."""
    return next(problems(pm), None)
