"""Use case: collect the evidence sources of a post-mortem (step 1).

Every interface (CLI `collect`, the wizard's step 1, `timeline --from-evidence`) goes
through `collect_sources` or `recollect_sources`: the same window, the same targets, the
same compaction, so evidence.jsonl is the same bytes whichever wrote it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pm_tui.collectors.common import source_key, source_name
from pm_tui.collectors.evidence import Cancelled, CollectResult, CollectWindow
from pm_tui.collectors.runner import SourceSpec
from pm_tui.model import EvidenceSource, PostMortem
from pm_tui.workflow.outcome import Outcome
from pm_tui.workflow.sources import kept_options, spec_for_record

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository


@dataclass
class SourceProgress:
    """One progress report: source `index` (in the order asked) read `done` of `total`."""

    index: int
    source: str  # kind:target as recorded
    done: int
    total: int | None
    note: str
    # "collecting" while it reads; "read" or "failed" (note: the reason) once it ended
    state: str = "collecting"


@dataclass
class Collected(Outcome):
    """What a collection did: the results per source (in the order asked), the records the
    post-mortem now keeps for them, and what was kept in evidence.jsonl."""

    window: CollectWindow | None = None
    results: list[CollectResult] = field(default_factory=list)
    records: list[EvidenceSource] = field(default_factory=list)
    kept: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False


def collect_sources(
    repo: Repository,
    pm: PostMortem,
    specs: list[SourceSpec],
    window: CollectWindow,
    *,
    progress: Callable[[SourceProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> Collected:
    """Read the sources `specs` name for `window`, record each in `pm.sources` (a source
    read before is replaced in place) and keep the evidence beside the post-mortem."""
    return _collect(repo, pm, specs, None, window, progress, cancel)


def recollect_sources(
    repo: Repository,
    pm: PostMortem,
    indexes: list[int] | None,
    window: CollectWindow,
    *,
    progress: Callable[[SourceProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> Collected:
    """Read again the recorded sources `pm.sources[i]` (all when `indexes` is None), each
    with the options it keeps, and replace their records."""
    at = list(range(len(pm.sources))) if indexes is None else list(indexes)
    specs = [spec_for_record(pm.sources[i]) for i in at]
    return _collect(repo, pm, specs, at, window, progress, cancel)


def apply_sources(
    pm: PostMortem, records: list[EvidenceSource], at: list[int] | None = None
) -> None:
    """Put `records` in `pm.sources`: at the given positions, else in place of the record of
    the same source (`source_key`: kind, target and query), else at the end. Used on the live
    model after a worker ran."""
    for n, record in enumerate(records):
        key = source_key(record)
        if at is not None and at[n] < len(pm.sources):
            pm.sources[at[n]] = record
            continue
        for i, s in enumerate(pm.sources):
            if source_key(s) == key:
                pm.sources[i] = record
                break
        else:
            pm.sources.append(record)
    seen: set[str] = set()
    kept = []
    for s in pm.sources:
        if source_key(s) not in seen:
            seen.add(source_key(s))
            kept.append(s)
    pm.sources = kept


def read_target(repo: Repository, target: str) -> str:
    """Where a source's target is now: a recorded relative file inside the repository, a
    file relative to the working folder (made absolute), or the target as given."""
    if "://" in target:
        return target
    inside = repo.resolve_target(target)
    if inside != target:
        return inside
    path = Path(target)
    return str(path.resolve()) if not path.is_absolute() and path.exists() else target


def _collect(repo, pm, specs, at, window, progress, cancel) -> Collected:
    from pm_tui.collectors.evidence_store import (
        EVIDENCE_FILE,
        load_evidence,
        merge_results,
        save_evidence,
    )
    from pm_tui.collectors.runner import collect_all, is_failed, to_evidence_source
    from pm_tui.redact import redact
    from pm_tui.timeline.templates import compact_logs

    reads = [replace(spec, target=read_target(repo, spec.target)) for spec in specs]
    recorded = [repo.relative_target(spec.target) for spec in reads]
    names = [
        source_name(spec.kind, target, redact(spec.query)[0], spec.options)
        for spec, target in zip(reads, recorded, strict=True)
    ]
    index_of = {id(spec): i for i, spec in enumerate(reads)}

    def for_source(spec: SourceSpec):
        i = index_of[id(spec)]
        name = names[i]

        def report(done: int, total: int | None, note: str) -> None:
            if progress is not None:
                progress(SourceProgress(i, name, done, total, note))

        return report

    compacted: set[int] = set()

    def ended(spec: SourceSpec, result) -> None:
        # error/warning records folded per template and minute, so the kept evidence shows
        # when each kind of error starts, grows and stops however many lines there were;
        # done per source as soon as it ends, so the raw records of all never coexist (#18)
        result.evidence = compact_logs(result.evidence)
        compacted.add(id(result))
        if progress is None:
            return
        i = index_of[id(spec)]
        name = names[i]
        if is_failed(result):
            reason = str(result.gaps[0]) if result.gaps else "could not be read"
            progress(SourceProgress(i, name, 0, 0, reason, "failed"))
        else:
            records = sum(result.counts.values()) if result.counts else len(result.evidence)
            progress(SourceProgress(i, name, 1, 1, f"{records} records", "read"))

    out = Collected(window=window)
    try:
        results = collect_all(reads, window, for_source, cancel, on_result=ended)
    except Cancelled:
        out.cancelled = True
        out.failed.append("collection cancelled: nothing was kept")
        return out
    for n, (spec, target, result) in enumerate(zip(reads, recorded, results, strict=True)):
        result.target = target
        record = to_evidence_source(result, window)
        record.options = kept_options(spec)
        _relabel(result, source_key(record))  # the evidence is named as its record is keyed
        replacing = pm.sources[at[n]] if at is not None and at[n] < len(pm.sources) else None
        out.records.append(_kept_on_failure(pm, result, record, replacing))
    out.results = results
    _explain_alerts(results)
    path = repo.evidence_dir(pm.id) / EVIDENCE_FILE
    previous = _renamed_legacy(load_evidence(path), pm.sources)
    replaced = _replaced_keys(pm, at, out.records, results)
    apply_sources(pm, out.records, at)
    # a record read again under another identity (its query changed) leaves no evidence behind
    gone = replaced - {source_key(s) for s in pm.sources}
    previous = [e for e in previous if e.source not in gone] if gone else previous
    # all or nothing per source: a source that failed now adds nothing and removes nothing
    merged = merge_results(previous, [r for r in results if not is_failed(r)])
    # this collection's sources were compacted as they were read; earlier ones are again
    out.kept = save_evidence(
        path,
        [
            r if id(r) in compacted else replace(r, evidence=compact_logs(r.evidence))
            for r in merged
        ],
    )
    read = sum(not is_failed(r) for r in results)
    out.changed.append(f"{read} of {len(results)} sources read")
    out.failed += [str(r.gaps[0]) for r in results if is_failed(r) and r.gaps]
    out.gaps += [_gap_line(r, g) for r in results if not is_failed(r) for g in r.gaps]
    return out


def _kept_on_failure(
    pm: PostMortem,
    result: CollectResult,
    record: EvidenceSource,
    replacing: EvidenceSource | None = None,
) -> EvidenceSource:
    """The record to keep for a source: the new one, or, when the source fails now but was
    read before (the record it replaces, else the one of the same identity), the earlier
    record (its evidence stays too) with a gap saying so."""
    from copy import deepcopy

    from pm_tui.collectors.runner import is_failed

    if not is_failed(result):
        return record
    key = source_key(record)
    earlier = replacing or next((s for s in pm.sources if source_key(s) == key), None)
    if earlier is None or earlier.collected_at is None or earlier.counts.get("failed"):
        return record  # never read (a planned source) or failed before: nothing to keep
    kept = deepcopy(earlier)
    when = f"{record.collected_at:%Y-%m-%d %H:%M}Z" if record.collected_at else "now"
    kept.gaps = [g for g in kept.gaps if not g.startswith("collecting again on ")]
    kept.gaps.append(
        f"collecting again on {when} failed: {'; '.join(record.gaps)} "
        "(the earlier evidence is kept)"
    )
    return kept


def _explain_alerts(results: list[CollectResult]) -> None:
    """Alert rules read in this collection explain the alerts read with them (#18)."""
    rules = [rule for r in results for rule in r.rules]
    if not rules:
        return
    from pm_tui.collectors.alert_rules import explain_alerts

    for r in results:
        explained = explain_alerts(r.evidence, rules)
        if explained:
            r.counts["explained_by_rules"] = explained


def _renamed_legacy(evidence: list, sources: list[EvidenceSource]) -> list:
    """Evidence kept before sources read by a query were named by it (`loki:URL`, when one
    post-mortem could hold one query per store) renamed to the one record it belongs to, so
    collecting again replaces it instead of keeping it twice."""
    plain: dict[str, list[EvidenceSource]] = {}
    for s in sources:
        plain.setdefault(f"{s.kind}:{s.target}", []).append(s)
    renames = {
        old: source_key(owners[0])
        for old, owners in plain.items()
        if len(owners) == 1 and source_key(owners[0]) != old
    }
    if renames:
        for item in evidence:
            item.source = renames.get(item.source, item.source)
    return evidence


def _replaced_keys(pm: PostMortem, at, records: list[EvidenceSource], results) -> set[str]:
    """The identities of the records `at` replaces with records of another identity (a query
    edited, an old record's query mended), when the new one was read."""
    from pm_tui.collectors.runner import is_failed

    if at is None:
        return set()
    return {
        source_key(pm.sources[i])
        for i, record, result in zip(at, records, results, strict=True)
        if i < len(pm.sources)
        and not is_failed(result)
        and source_key(pm.sources[i]) != source_key(record)
    }


def _relabel(result: CollectResult, new: str) -> None:
    """Name the result and its evidence as its record is keyed (by the target as recorded,
    not as read here), so the kept evidence does not depend on where the repository or the
    working folder is, and two queries against one store are kept apart."""
    old = result.source
    if old == new:
        return
    result.source = new
    for item in result.evidence:
        if item.source == old:
            item.source = new
    for gap in result.gaps:
        if gap.source == old:
            gap.source = new


def _gap_line(result: CollectResult, gap) -> str:
    text = str(gap)  # error lines already name their source
    return text if text.startswith(result.source) else f"{result.source}: {text}"
