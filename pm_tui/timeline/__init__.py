"""Step 2, automated: candidate timeline events, durations and factor hints from the evidence.

reconstruct(evidence, window) -> list[Candidate]     propose rows, each citing its evidence
accept(pm, candidates) -> PostMortem                  add chosen rows to the curated timeline
factor_hints(pm) -> list[FactorHint]                  suggestions for step 3, never applied
save_candidates / load_candidates                     <id>.evidence/candidates.json
"""

from pm_tui.timeline.accept import accept
from pm_tui.timeline.candidate import Candidate, EvidenceLink
from pm_tui.timeline.hints import FactorHint, factor_hints
from pm_tui.timeline.reconstruct import reconstruct
from pm_tui.timeline.storage import load_candidates, save_candidates

__all__ = [
    "Candidate",
    "EvidenceLink",
    "FactorHint",
    "accept",
    "factor_hints",
    "load_candidates",
    "reconstruct",
    "save_candidates",
]
