"""Use cases of step 2: rebuild the timeline candidates from the evidence, accept some of
them into the curated timeline, dismiss others.

The candidates are kept in `<id>.evidence/candidates.json`; the dismissed ones in
`dismissed.json`, so a dismissal holds in every interface and every session.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pm_tui.errors import UsageError
from pm_tui.model import PostMortem, TimelineEvent
from pm_tui.timeline.candidate import Candidate
from pm_tui.workflow.collect import Collected, SourceProgress, collect_sources
from pm_tui.workflow.outcome import Outcome
from pm_tui.workflow.window import DEFAULT_BASELINE_MINUTES, collection_window

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository
    from pm_tui.timeline.milestones import ProposedMilestone


@dataclass
class Rebuilt(Outcome):
    """The candidates made, and the collection of the evidence folder when one was given."""

    candidates: list[Candidate] = field(default_factory=list)
    collected: Collected | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Accepted(Outcome):
    """The post-mortem with the accepted rows, and those rows (new T- ids).

    `skipped`: one line per candidate left out because it repeats a curated row;
    `milestones`: the window milestones set, by name.
    """

    pm: PostMortem | None = None
    added: list[TimelineEvent] = field(default_factory=list)
    # candidates not added because they nearly repeat a row: (candidate, that row)
    near: list = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    milestones: dict[str, datetime] = field(default_factory=dict)


def rebuild_candidates(
    repo: Repository,
    pm: PostMortem,
    *,
    from_evidence: str | Path | None = None,
    baseline_minutes: int = DEFAULT_BASELINE_MINUTES,
    progress: Callable[[SourceProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> Rebuilt:
    """Reconstruct the candidates of `pm` over the collection window and keep them.

    With `from_evidence`, the folder's standard files are collected first (recorded in
    `pm.sources`, kept in evidence.jsonl) and their evidence is used in full; otherwise the
    kept evidence.jsonl is read. UsageError when there is no evidence.
    """
    from pm_tui.collectors.evidence_store import EVIDENCE_FILE, load_evidence
    from pm_tui.timeline.reconstruct import reconstruct
    from pm_tui.timeline.storage import save_candidates

    window = collection_window(pm, baseline_minutes=baseline_minutes)
    out = Rebuilt()
    if from_evidence is not None:
        from pm_tui.timeline.discover import specs_for_folder

        specs, skipped = specs_for_folder(from_evidence)
        out.notes.extend(f"skipped {s}" for s in skipped)
        if not specs:
            raise UsageError(f"{from_evidence}: no evidence files pm-tui can read in this folder")
        out.collected = collect_sources(repo, pm, specs, window, progress=progress, cancel=cancel)
        out.changed += out.collected.changed
        out.failed += out.collected.failed
        out.gaps += out.collected.gaps
        out.notes += out.collected.failed + out.collected.gaps
        evidence = [e for r in out.collected.results for e in r.evidence]
    else:
        evidence = load_evidence(repo.evidence_dir(pm.id) / EVIDENCE_FILE)
        if not evidence:
            raise UsageError(
                f"no evidence kept for {pm.id}: run 'pm-tui collect {pm.id} ...' first, "
                "or pass --from-evidence DIR"
            )
    out.candidates = reconstruct(evidence, window)
    save_candidates(repo, pm.id, out.candidates)
    out.changed.append(f"{len(out.candidates)} timeline candidates")
    return out


def pending_candidates(repo: Repository, pm: PostMortem) -> list[Candidate]:
    """The kept candidates neither dismissed nor already in the timeline ([] when none)."""
    from pm_tui.timeline import load_candidates, load_dismissed, pending

    dismissed = load_dismissed(repo, pm.id)
    return pending(pm, [c for c in load_candidates(repo, pm.id) if c.id not in dismissed])


def dismiss_candidates(repo: Repository, pm_id: str, ids: list[str]) -> None:
    """Remember that the person dismissed these candidates, so they stay dismissed."""
    from pm_tui.timeline import dismiss

    dismiss(repo, pm_id, ids)


def undismiss_candidates(repo: Repository, pm_id: str, ids: list[str]) -> None:
    """Take `ids` out of the dismissed candidates (an undone dismissal): listed again."""
    from pm_tui.timeline import undismiss

    undismiss(repo, pm_id, ids)


def accept_candidates(pm: PostMortem, chosen: list[Candidate], *, near: bool = False) -> Accepted:
    """A copy of `pm` with `chosen` added as timeline rows (new ids, time order); a candidate
    already in the timeline (same kind, same second) is not added twice, and one that nearly
    repeats a row (pm_tui.timeline.near_duplicate) is held back in `near` unless `near`."""
    from pm_tui.timeline import accept

    known = {e.id for e in pm.timeline}
    held: list = []
    out = Accepted(pm=accept(pm, chosen, near=near, held=held))
    out.added = [e for e in out.pm.timeline if e.id not in known]
    out.near = held
    if out.added:
        out.changed.append(f"{len(out.added)} rows accepted")
    for c, row in held:
        out.gaps.append(f"{c.id} not added: it looks like {row.id} ({row.text[:60]})")
    return out


def proposed_milestones(repo: Repository, pm: PostMortem) -> list[ProposedMilestone]:
    """The window milestones the kept candidates (not dismissed) support ([] when none)."""
    from pm_tui.timeline import load_candidates, load_dismissed
    from pm_tui.timeline.milestones import propose_milestones

    dismissed = load_dismissed(repo, pm.id)
    return propose_milestones(c for c in load_candidates(repo, pm.id) if c.id not in dismissed)


def accept_milestones(pm: PostMortem, proposed: list[ProposedMilestone]) -> Accepted:
    """A copy of `pm` whose window takes the proposed milestones (the others stay as set)."""
    import copy

    out = Accepted(pm=copy.deepcopy(pm))
    for m in proposed:
        if getattr(out.pm.window, m.name) != m.time:
            setattr(out.pm.window, m.name, m.time)
            out.milestones[m.name] = m.time
    if out.milestones:
        out.changed.append("window " + ", ".join(out.milestones))
    return out


def accept_high(
    pm: PostMortem, pending: list[Candidate], every: list[Candidate] | None = None
) -> Accepted:
    """A copy of `pm` with the high-confidence `pending` candidates added and the window
    milestones proposed from `every` candidate (default: `pending`) set.

    A candidate repeating a curated row of the same kind within its tolerance is skipped
    (listed in `skipped`), so accepting never adds a near-duplicate of what the person wrote.
    """
    from pm_tui.timeline import high_confidence
    from pm_tui.timeline.accept import near_duplicate
    from pm_tui.timeline.milestones import propose_milestones

    chosen, skipped = [], []
    for c in high_confidence(pending):
        twin = near_duplicate(pm, c)
        if twin is None:
            chosen.append(c)
        else:
            skipped.append(
                f"skipped {c.kind} at {c.time:%H:%M:%S}: repeats {twin.id} at {twin.time:%H:%M:%S}"
            )
    out = accept_candidates(pm, chosen)
    out.skipped = skipped
    window = accept_milestones(out.pm, propose_milestones(every if every is not None else pending))
    out.pm, out.milestones = window.pm, window.milestones
    out.changed += window.changed
    return out


def accept_high_confidence(repo: Repository, pm: PostMortem) -> Accepted:
    """`accept_high` on the kept candidates: the pending ones, milestones from all not dismissed."""
    from pm_tui.timeline import load_candidates, load_dismissed

    dismissed = load_dismissed(repo, pm.id)
    every = [c for c in load_candidates(repo, pm.id) if c.id not in dismissed]
    return accept_high(pm, pending_candidates(repo, pm), every)
