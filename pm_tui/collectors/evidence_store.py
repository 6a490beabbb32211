"""The evidence kept beside a post-mortem: JSON lines, bounded to about 1 MB.

Everything but raw log lines is kept (metric series downsampled, keeping each bucket's
low and high so spikes and dips survive); log lines fill what room is left, errors first.
The raw logs stay where they are. Writes go through the one atomic write (`pm_tui.atomic_write`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from pm_tui.atomic_write import atomic_write_text
from pm_tui.collectors.common import iso, parse_time
from pm_tui.collectors.evidence import CollectResult, Evidence, is_access_bucket
from pm_tui.errors import PmTuiError

EVIDENCE_FILE = "evidence.jsonl"  # kept beside the post-mortem, in <id>.evidence/
MAX_BYTES = 1_000_000
MAX_SERIES_BUCKETS = 120  # each bucket keeps its low and high point: at most 240 points
MAX_LOG_RECORDS = 2_000
MAX_TEXT = 2_000
_LEVEL_RANK = {"critical": 0, "error": 1, "warning": 2}


def save_evidence(
    path: str | Path, results: Iterable[CollectResult], max_bytes: int = MAX_BYTES
) -> dict[str, int]:
    """Write the evidence that matters as JSON lines, within `max_bytes`; returns kept/dropped/bytes."""
    evidence = [e for r in results for e in r.evidence]
    lines, dropped = bounded_lines(evidence, max_bytes)
    atomic_write_text(path, "".join(line for _, line in sorted(lines, key=lambda pair: pair[0])))
    return {
        "kept": len(lines),
        "dropped": dropped,
        "bytes": sum(len(line.encode()) for _, line in lines),
    }


MAX_READ_BYTES = 32 << 20  # saved evidence is about 1 MB; a bigger file is not ours


def load_evidence(path: str | Path) -> list[Evidence]:
    """Read evidence saved by `save_evidence`; a missing file is no evidence. Lines that are
    not evidence records (a hand edit, a bad merge) are skipped; a file that is not a regular
    file or is far too big is a PmTuiError (delete it and collect again)."""
    from pm_tui.postmortem_store import read_text_bounded

    path = Path(path)
    if not path.exists():
        return []
    try:
        text = read_text_bounded(path, MAX_READ_BYTES).decode("utf-8", errors="replace")
    except OSError as exc:
        raise PmTuiError(f"{path}: cannot read ({exc.strerror}): collect again") from None
    out: list[Evidence] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            attrs = data.get("attrs", {})
            if not isinstance(attrs, dict):
                raise TypeError("attrs is not an object")
            if "points" in attrs:
                attrs["points"] = [(t, float(v)) for t, v in attrs["points"]]
            out.append(
                Evidence(
                    parse_time(data["time"]),
                    str(data["source"]),
                    str(data["kind"]),
                    str(data["text"]),
                    attrs,
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError):
            continue  # not one of our records: skipped, the others still count
    return out


def bounded_lines(
    evidence: list[Evidence], max_bytes: int = MAX_BYTES
) -> tuple[list[tuple[str, str]], int]:
    """The (sort key, JSON line) pairs to keep within `max_bytes`, and how many records were dropped."""
    # access-log buckets are a few hundred small records that carry the whole traffic picture
    logs = [e for e in evidence if e.kind == "log" and not is_access_bucket(e)]
    others = [e for e in evidence if e.kind != "log" or is_access_bucket(e)]
    # the events themselves (alerts, pages, chat, changes) first: a few kilobytes that the
    # timeline cannot do without; then access-log buckets (thousands of lines when several
    # logs are bucketed, each line carrying its source's path); metrics last among the rest:
    # one series weighs as much as hundreds of alerts
    others.sort(key=lambda e: 2 if e.kind == "metric" else 1 if e.kind == "log" else 0)
    plain = _plain_order(logs) if len(logs) > MAX_LOG_RECORDS else {}
    logs.sort(key=lambda e: (_rank(e), plain.get(id(e), (0, 0)), e.time))
    kept: list[tuple[str, str]] = []
    size = dropped = 0
    for number, item in enumerate([*others, *logs]):
        if item.kind == "log" and number - len(others) >= MAX_LOG_RECORDS:
            dropped += len(logs) - (number - len(others))
            break
        line = _line(item)
        if size + len(line.encode()) > max_bytes:
            dropped += 1
            continue
        size += len(line.encode())
        kept.append((f"{item.time.timestamp():020.6f}\t{number:09d}", line))
    return kept, dropped


def _shape(item: Evidence) -> str:
    """A log record's shape: its source and first words with numbers, ids and quotes masked."""
    from pm_tui.timeline.templates import mask

    return item.source + "\t" + mask(item.text[:120])


def _plain_order(logs: list[Evidence]) -> dict[int, tuple[int, int]]:
    """The order in which plain records (no error or warning level, no action) are kept when
    not all can be: first the first record of each shape in each minute, the shapes seen in
    the fewest minutes first (a router's session resets, a kernel table overflowing for half
    an hour, before a load balancer's request lines of every minute), then the rest. So a
    series that departs from the usual, however dense, keeps its time course within the
    bound, whatever its words (pm_tui.timeline.onset reads it)."""
    minutes: dict[str, set] = {}
    shape_of: dict[int, str] = {}
    for item in logs:
        if _rank(item) >= 9:
            key = shape_of[id(item)] = _shape(item)
            minutes.setdefault(key, set()).add(item.time.replace(second=0, microsecond=0))
    seen: set = set()
    out: dict[int, tuple[int, int]] = {}
    for item in sorted(logs, key=lambda e: e.time):
        key = shape_of.get(id(item))
        if key is None:
            continue
        minute = (key, item.time.replace(second=0, microsecond=0))
        first = minute not in seen
        seen.add(minute)
        out[id(item)] = (0 if first else 1, len(minutes[key]) if first else 0)
    return out


def _rank(item: Evidence) -> int:
    """Errors first, then warnings, then the info lines that record an action (a command at
    an admin interface, a controlled shutdown, a failover): the timeline reads them as changes
    and mitigations; then the rest."""
    rank = _LEVEL_RANK.get(item.attrs.get("level", ""), 9)
    if rank == 9:
        from pm_tui.timeline.detect_logs import notable_line

        if notable_line(item.text):
            return 3
    return rank


def downsample(
    points: list[tuple[str, float]], buckets: int = MAX_SERIES_BUCKETS
) -> list[tuple[str, float]]:
    """At most 2 x `buckets` points: each bucket's lowest and highest, in time order."""
    if len(points) <= 2 * buckets:
        return list(points)
    size = len(points) / buckets
    out: list[tuple[str, float]] = []
    for b in range(buckets):
        chunk = points[int(b * size) : int((b + 1) * size)]
        if not chunk:
            continue
        low = min(range(len(chunk)), key=lambda i: chunk[i][1])
        high = max(range(len(chunk)), key=lambda i: chunk[i][1])
        out.extend(chunk[i] for i in sorted({low, high}))
    return out


def _line(item: Evidence) -> str:
    attrs = dict(item.attrs)
    if "points" in attrs:
        attrs["points"] = downsample(attrs["points"])
    text = item.text if len(item.text) <= MAX_TEXT else item.text[:MAX_TEXT] + " [cut]"
    record = {
        "time": iso(item.time),
        "source": item.source,
        "kind": item.kind,
        "text": text,
        "attrs": attrs,
    }
    return json.dumps(record, ensure_ascii=False, default=str) + "\n"


def merge_results(previous: list[Evidence], results: list[CollectResult]) -> list[CollectResult]:
    """New results plus the earlier evidence of sources not collected again this time."""
    fresh = {r.source for r in results}
    kept = [replace(e) for e in previous if e.source not in fresh]
    if not kept:
        return list(results)
    return [*results, CollectResult(source="earlier", kind="other", target="", evidence=kept)]
