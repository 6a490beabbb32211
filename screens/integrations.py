"""Where the wizard meets modules other helpers write. Each seam is one small function.

Every import here is lazy: the wizard starts without collectors, timeline reconstruction,
the report renderer or trackers, and each step says plainly what is missing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from pm_tui.model import EvidenceSource, PostMortem


class NotInstalled(Exception):
    """A module the wizard can use is not installed (yet); the message names it."""


EVIDENCE_FILE = "evidence.jsonl"  # what `pm-tui collect` keeps beside the post-mortem


def collect_sources(
    pm: PostMortem,
    indexes: list[int],
    progress: Callable[[int, str, int, int | None, str], None],
    cancel: threading.Event,
    evidence_dir=None,
) -> dict[int, EvidenceSource] | None:
    """Collect pm.sources[i] for each i over the incident window, reporting progress.

    progress(index, state, done, total, note). Returns the new model records by index, or
    None when cancelled. Keeps the evidence in `evidence_dir`. Runs in a worker thread.
    """
    try:
        from pm_tui.collectors import runner
        from pm_tui.collectors.evidence import Cancelled, CollectWindow
    except ImportError:
        raise NotInstalled("collectors not installed") from None
    from datetime import timedelta
    from pathlib import Path

    end = pm.window.resolved or (pm.window.started + timedelta(hours=4))
    window = CollectWindow(start=pm.window.started, end=end)
    specs = [
        runner.SourceSpec(pm.sources[i].kind, pm.sources[i].target, pm.sources[i].query)
        for i in indexes
    ]
    index_of = {id(spec): i for spec, i in zip(specs, indexes, strict=True)}

    def for_source(spec):
        def report(done: int, total: int | None, note: str) -> None:
            progress(index_of[id(spec)], "collecting", done, total, note)

        return report

    try:
        results = runner.collect_all(specs, window, for_source, cancel)
    except Cancelled:
        return None
    if evidence_dir is not None:
        from pm_tui.collectors.store import load_evidence, merge_results, save_evidence

        path = Path(evidence_dir) / EVIDENCE_FILE
        save_evidence(path, merge_results(load_evidence(path), results))
    return {i: runner.to_evidence_source(r, window) for i, r in zip(indexes, results, strict=True)}


def load_candidates(repo, pm: PostMortem) -> list:
    """Reconstructed timeline candidates kept beside the post-mortem ([] when never rebuilt)."""
    from pm_tui.timeline import load_candidates as load

    return list(load(repo, pm.id))


def load_metric_series(repo, pm: PostMortem) -> list[tuple[str, list[tuple[datetime, float]]]]:
    """Named metric series from the kept evidence, for the step 2 chart ([] when none)."""
    try:
        from pm_tui.collectors.store import load_evidence
    except ImportError:
        return []
    series = []
    for item in load_evidence(repo.evidence_dir(pm.id) / EVIDENCE_FILE):
        if item.kind != "metric":
            continue
        points = []
        for t, v in item.attrs.get("points", []):
            try:
                points.append((datetime.fromisoformat(str(t).replace("Z", "+00:00")), float(v)))
            except (TypeError, ValueError):
                continue  # a point we cannot read is not worth losing the chart for
        if points:
            series.append((item.text or item.source, points))
    return series


def render_markdown(pm: PostMortem) -> str:
    """The report as Markdown: pm_tui.report when installed, else a minimal stand-in."""
    try:
        from pm_tui.report import render_markdown as render  # type: ignore[attr-defined]
    except ImportError:
        return _minimal_markdown(pm)
    return render(pm)


def _minimal_markdown(pm: PostMortem) -> str:
    """REPLACE with pm_tui.report.render_markdown once it lands (issue 7)."""
    from pm_tui.durations import durations, format_duration

    d = durations(pm)
    lines = [
        f"# {pm.title}",
        "",
        f"**{pm.date}** · severity {pm.severity} · {pm.status}",
        "",
        "## Summary",
        "",
        pm.summary.strip() or "_to be written_",
        "",
        "## Impact",
        "",
        pm.impact.description.strip() or "_to be written_",
        "",
        "## Durations",
        "",
        f"detect {format_duration(d.detect)} · acknowledge {format_duration(d.acknowledge)}"
        f" · mitigate {format_duration(d.mitigate)} · resolve {format_duration(d.resolve)}",
        "",
        "## Timeline",
        "",
    ]
    lines += [f"- {e.time:%H:%M:%S} {e.text}" for e in pm.timeline] or ["_empty_"]
    for title, items in (
        ("What went well", pm.retrospective.went_well),
        ("What went wrong", pm.retrospective.went_wrong),
        ("Where we got lucky", pm.retrospective.lucky),
        ("Lessons learned", pm.retrospective.lessons),
    ):
        lines += ["", f"## {title}", ""] + ([f"- {i}" for i in items] or ["_none yet_"])
    lines += ["", "## Action items", ""]
    lines += [
        f"- {a.id} {a.action} ({a.owner or 'no owner'}, {a.deadline or 'no deadline'})"
        for a in pm.actions
    ] or ["_none yet_"]
    return "\n".join(lines) + "\n"


def distribute(pm: PostMortem) -> str:
    """Send the report; returns what was done. INTEGRATOR: wire pm_tui.distribute here."""
    try:
        from pm_tui import distribute as dist  # type: ignore[attr-defined]  # noqa: F401
    except ImportError:
        raise NotInstalled("distribution is not configured (pm_tui.distribute missing)") from None
    raise NotInstalled("distribution is not configured: see 'pm-tui distribute --help'")


def create_tickets(pm: PostMortem) -> str:
    """Create tracker issues for the open action items. INTEGRATOR: wire pm_tui.trackers here."""
    try:
        from pm_tui import trackers  # type: ignore[attr-defined]  # noqa: F401
    except ImportError:
        raise NotInstalled("ticket tracker not configured (pm_tui.trackers missing)") from None
    raise NotInstalled("ticket tracker not configured: see 'pm-tui track --help'")
