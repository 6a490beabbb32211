"""Step 2, automated: candidate timeline events, durations and factor hints from the evidence.

reconstruct(evidence, window) -> list[Candidate]     propose rows, each citing its evidence
accept(pm, candidates) -> PostMortem                  add chosen rows to the curated timeline
factor_hints(pm) -> list[FactorHint]                  suggestions for step 3, never applied
save_candidates / load_candidates                     <id>.evidence/candidates.json
dismiss / undismiss / load_dismissed                  <id>.evidence/dismissed.json
"""

import sys
import types

# The names below are loaded on first use (PEP 562): `collect` needs only
# pm_tui.timeline.templates, and importing this package must not load the whole reconstruction.
_HOMES = {
    "HIGH_CONFIDENCE": "accept",
    "accept": "accept",
    "high_confidence": "accept",
    "near_duplicate": "accept",
    "pending": "accept",
    "Candidate": "candidate",
    "EvidenceLink": "candidate",
    "FactorHint": "hints",
    "factor_hints": "hints",
    "reconstruct": "reconstruct",
    "dismiss": "storage",
    "load_candidates": "storage",
    "load_dismissed": "storage",
    "save_candidates": "storage",
    "save_dismissed": "storage",
    "undismiss": "storage",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


class _Package(types.ModuleType):
    """`accept` and `reconstruct` name both a submodule and its function: importing the
    submodule must not make the package's attribute the module (the function is meant)."""

    def __setattr__(self, name: str, value) -> None:
        if name in _HOMES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
