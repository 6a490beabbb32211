"""Accepting candidates: they become rows of the curated timeline, each with a new id."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from datetime import timedelta

from pm_tui.model import EVENT_KINDS, PostMortem, TimelineEvent, to_utc
from pm_tui.timeline.candidate import Candidate

NEAR_SECONDS = 300  # rows further apart than five minutes are different moments
NEAR_WORDS = 0.5  # share of distinct words two texts have in common to say the same thing
_WORD = re.compile(r"[a-z][a-z0-9_.-]*")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def accept(
    pm: PostMortem,
    candidates: Iterable[Candidate],
    *,
    near: bool = False,
    held: list[tuple[Candidate, TimelineEvent]] | None = None,
) -> PostMortem:
    """A copy of `pm` with the candidates added as timeline rows (new T- ids, time order).

    A candidate is skipped when a row of the same kind already stands at the same second,
    so accepting twice adds nothing; and, unless `near`, when it nearly repeats a row
    (`near_duplicate`): that one is for a person to decide, and is put in `held` with the
    row it resembles.
    """
    out = copy.deepcopy(pm)
    taken = {(to_utc(e.time).replace(microsecond=0), e.kind) for e in out.timeline}
    for c in candidates:
        kind = c.kind if c.kind in EVENT_KINDS else "other"
        when = to_utc(c.time).replace(microsecond=0)
        if (when, kind) in taken:
            continue
        if not near and (row := near_duplicate(out.timeline, c)) is not None:
            if held is not None:
                held.append((c, row))
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
    pm: PostMortem | Iterable[TimelineEvent],
    candidate: Candidate,
    tolerance: timedelta = DUPLICATE_TOLERANCE,
) -> TimelineEvent | None:
    """The curated row this candidate repeats, or None: the same kind within `tolerance`,
    or, within five minutes, saying much the same (half their distinct words shared: a page
    someone already typed in by hand). `pm` is a post-mortem or its timeline rows."""
    rows = list(pm.timeline if isinstance(pm, PostMortem) else pm)
    kind = candidate.kind if candidate.kind in EVENT_KINDS else "other"
    when = to_utc(candidate.time)
    near = [e for e in rows if e.kind == kind and abs(to_utc(e.time) - when) <= tolerance]
    if near:
        return min(near, key=lambda e: abs(to_utc(e.time) - when))
    words = _words(str(candidate.text))
    for e in rows if words else ():
        if abs((to_utc(e.time) - when).total_seconds()) > NEAR_SECONDS:
            continue
        theirs = _words(e.text)
        if theirs and len(words & theirs) / len(words | theirs) >= NEAR_WORDS:
            return e
    return None


def high_confidence(
    candidates: Iterable[Candidate], threshold: float = HIGH_CONFIDENCE
) -> list[Candidate]:
    """The candidates whose confidence is at least `threshold`."""
    return [c for c in candidates if c.confidence >= threshold]
