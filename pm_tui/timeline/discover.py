"""Which collector reads which file of an evidence folder, judged by content, not by name.

The one classifier is `pm_tui.collectors.classify` (through `evidence_folder.scan_evidence`,
the same plan `pm-tui collect --evidence` reads); this keeps the shape `timeline
--from-evidence` uses: the sources to collect, and the files no collector reads, with why.
"""

from __future__ import annotations

from pathlib import Path

from pm_tui.collectors.runner import SourceSpec
from pm_tui.errors import UsageError


def specs_for_folder(folder: str | Path) -> tuple[list[SourceSpec], list[str]]:
    """The sources to collect from `folder` (recursively), and the files skipped with why."""
    from pm_tui.collectors.evidence import CollectorError
    from pm_tui.collectors.evidence_folder import scan_evidence, specs_for_files

    root = Path(folder)
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder of evidence: pass the folder that holds the files")
    try:
        plan = scan_evidence([root])
    except CollectorError as exc:
        raise UsageError(str(exc)) from None
    specs = specs_for_files([f for f in plan.files if f.readable])
    skipped = [f"{f.target}: {f.reason}" for f in plan.unread()]
    return specs, skipped
