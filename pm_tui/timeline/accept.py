"""Accepting candidates: they become rows of the curated timeline, each with a new id."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import timedelta

from pm_tui.model import EVENT_KINDS, PostMortem, TimelineEvent, to_utc
from pm_tui.timeline.candidate import Candidate


def accept(pm: PostMortem, candidates: Iterable[Candidate]) -> PostMortem:
    """A copy of `pm` with the candidates added as timeline rows (new T- ids, time order).

    A candidate is skipped when a row of the same kind already stands at the same second,
    so accepting twice adds nothing.
    """
    out = copy.deepcopy(pm)
    taken = {(to_utc(e.time).replace(microsecond=0), e.kind) for e in out.timeline}
    for c in candidates:
        kind = c.kind if c.kind in EVENT_KINDS else "other"
        when = to_utc(c.time).replace(microsecond=0)
        if (when, kind) in taken:
            continue
        taken.add((when, kind))
        out.timeline.append(
            TimelineEvent(
                id=out.next_event_id(),
                time=when,
                text=c.text,
                kind=kind,
                source=", ".join(c.sources),
                actor=c.actor,
            )
        )
    out.sort_timeline()
    return out


HIGH_CONFIDENCE = 0.75  # alerts, pages and deploys reach this; a lone log template rarely does


def pending(pm: PostMortem, candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates not yet in the timeline (no row of the same kind at the same second)."""
    candidates = list(candidates)
    if not candidates:  # a long timeline costs something to index: not for nothing
        return []
    taken = {(to_utc(e.time).replace(microsecond=0), e.kind) for e in pm.timeline}
    return [
        c
        for c in candidates
        if (to_utc(c.time).replace(microsecond=0), c.kind if c.kind in EVENT_KINDS else "other")
        not in taken
    ]


# How close a candidate may stand to a curated row of the same kind and still repeat it.
DUPLICATE_TOLERANCE = timedelta(minutes=2)


def near_duplicate(
    pm: PostMortem, candidate: Candidate, tolerance: timedelta = DUPLICATE_TOLERANCE
) -> TimelineEvent | None:
    """The curated row this candidate repeats (same kind, within `tolerance`), or None."""
    kind = candidate.kind if candidate.kind in EVENT_KINDS else "other"
    when = to_utc(candidate.time)
    near = [e for e in pm.timeline if e.kind == kind and abs(to_utc(e.time) - when) <= tolerance]
    return min(near, key=lambda e: abs(to_utc(e.time) - when), default=None)


def high_confidence(
    candidates: Iterable[Candidate], threshold: float = HIGH_CONFIDENCE
) -> list[Candidate]:
    """The candidates whose confidence is at least `threshold`."""
    return [c for c in candidates if c.confidence >= threshold]
