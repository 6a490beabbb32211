"""Insights across incidents: durations per period, recurrence, follow-through, effectiveness.

    from pm_tui.insights import InsightsQuery, insights_for
    ins = insights_for(repo_root, InsightsQuery(today=date.today(), by="quarter"))

`definitions` says what each figure means (once), `compute` does the arithmetic on the
repository index's records, `render` and `html` show it; the CLI's `stats` and the wizard's
Insights screen both call `insights_for`.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from pm_tui.insights.compute import Insights, InsightsQuery, compute, gc_paused

__all__ = ["Insights", "InsightsQuery", "compute", "gc_paused", "insights_for", "load_records"]


def load_records(root: Path):
    """(catalog, file histories) of the repository at `root`: git's log runs while the index
    reads the files that changed; git's blobs are read only for the first publication of the
    files that record no distribution."""
    from pm_tui import repo_index
    from pm_tui.insights.compute import needs_git_publication
    from pm_tui.repo_history import HistoryReader

    with gc_paused():
        reader = HistoryReader(Path(root))
        catalog = repo_index.load_stats(Path(root))
        wanted = (r.file_name for r in catalog.postmortems if needs_git_publication(r))
        return catalog, reader.result(published_of=wanted)


@contextmanager
def gc_frozen():
    """Reading and summing 10,000 records makes about a million long-lived objects and no
    cycles: no garbage collection meanwhile, and those objects frozen after, else the next
    collection walks them all (15% of a warm `stats`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def insights_for(root: Path, q: InsightsQuery) -> Insights:
    """Every insight for the post-mortems of the repository at `root` that `q` selects."""
    with gc_frozen():
        catalog, history = load_records(root)
        ins = compute(catalog.postmortems, q, history)
    ins.unreadable = [f"{u.path.name}: {u.error}" for u in catalog.unreadable]
    return ins
