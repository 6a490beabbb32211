"""Rebuild a post-mortem's candidates: optionally collect an evidence folder first, then
reconstruct from the evidence and keep the candidates beside the post-mortem."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from pm_tui.errors import UsageError
from pm_tui.timeline.candidate import Candidate
from pm_tui.timeline.reconstruct import reconstruct
from pm_tui.timeline.storage import save_candidates

if TYPE_CHECKING:
    from pathlib import Path

    from pm_tui.collectors.evidence import CollectResult, CollectWindow
    from pm_tui.model import PostMortem
    from pm_tui.postmortem_store import Repository

# Read a little past the resolution: the last messages and "all clear" come just after it.
END_MARGIN = timedelta(minutes=30)


@dataclass
class Rebuilt:
    """What a rebuild produced: the candidates, and what the person should know about it."""

    candidates: list[Candidate]
    results: list[CollectResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def timeline_window(pm: PostMortem, baseline_minutes: int = 60) -> CollectWindow:
    """The incident window (start to resolution) plus a baseline before it and a margin after."""
    from pm_tui.cli.cmd_collect import incident_window

    window = incident_window(pm, baseline_minutes=baseline_minutes)
    window.end = window.end + END_MARGIN
    return window


def rebuild(
    repo: Repository,
    pm: PostMortem,
    from_evidence: str | Path | None = None,
    baseline_minutes: int = 60,
    progress_for_source: object = None,
) -> Rebuilt:
    """Candidates for `pm`, stored in `<id>.evidence/candidates.json`.

    With `from_evidence`, the folder's standard files are collected first (recorded in
    `pm.sources` and kept in evidence.jsonl) and the fresh evidence is used in full;
    otherwise the kept evidence.jsonl is read. Raises UsageError when there is no evidence.
    """
    from pm_tui.cli.cmd_collect import EVIDENCE_FILE, collect_into
    from pm_tui.collectors.evidence_store import load_evidence

    window = timeline_window(pm, baseline_minutes)
    out = Rebuilt([])
    if from_evidence is not None:
        from pm_tui.timeline.discover import specs_for_folder

        specs, skipped = specs_for_folder(from_evidence)
        out.notes.extend(f"skipped {s}" for s in skipped)
        if not specs:
            raise UsageError(f"{from_evidence}: no evidence files pm-tui can read in this folder")
        out.results = collect_into(pm, specs, window, repo.evidence_dir(pm.id), progress_for_source)
        repo.record_sources(pm)
        evidence = [e for r in out.results for e in r.evidence]
        out.notes.extend(f"{g.source}: {g}" for r in out.results for g in r.gaps)
    else:
        evidence = load_evidence(repo.evidence_dir(pm.id) / EVIDENCE_FILE)
        if not evidence:
            raise UsageError(
                f"no evidence kept for {pm.id}: run 'pm-tui collect {pm.id} ...' first, "
                "or pass --from-evidence DIR"
            )
    out.candidates = reconstruct(evidence, window)
    save_candidates(repo, pm.id, out.candidates)
    return out
