"""Step 2, automated: candidate timeline events, durations and factor hints from the evidence.

reconstruct(evidence, window) -> list[Candidate]     propose rows, each citing its evidence
accept(pm, candidates) -> PostMortem                  add chosen rows to the curated timeline
factor_hints(pm) -> list[FactorHint]                  suggestions for step 3, never applied
save_candidates / load_candidates                     <id>.evidence/candidates.json
dismiss / undismiss / load_dismissed                  <id>.evidence/dismissed.json
"""

from pm_tui.timeline.accept import (
    HIGH_CONFIDENCE,
    accept,
    high_confidence,
    near_duplicate,
    pending,
)
from pm_tui.timeline.candidate import Candidate, EvidenceLink
from pm_tui.timeline.hints import FactorHint, factor_hints
from pm_tui.timeline.reconstruct import reconstruct
from pm_tui.timeline.storage import (
    dismiss,
    load_candidates,
    load_dismissed,
    save_candidates,
    save_dismissed,
    undismiss,
)

__all__ = [
    "HIGH_CONFIDENCE",
    "Candidate",
    "EvidenceLink",
    "FactorHint",
    "accept",
    "dismiss",
    "factor_hints",
    "high_confidence",
    "load_candidates",
    "load_dismissed",
    "near_duplicate",
    "pending",
    "reconstruct",
    "save_candidates",
    "save_dismissed",
    "undismiss",
]
