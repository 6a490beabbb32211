"""Loki: the person's LogQL over the window, read with `/loki/api/v1/query_range`.

Forward in time, `limit` entries a page; the next page starts AT the last entry's
nanosecond (Loki's `start` is inclusive) and the entries already kept at that nanosecond
are skipped, so nothing is lost or doubled at a page boundary. Stream labels are kept as
attributes; `X-Scope-OrgID` (option `tenant`) picks the tenant of a multi-tenant Loki.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from pm_tui.collectors.common import iso, source_name
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Gap,
    Progress,
    no_progress,
)
from pm_tui.collectors.http import JsonClient
from pm_tui.collectors.log_stores import LogSink, LogStoreOptions, slices

QUERY_PATH = "/loki/api/v1/query_range"
LEVEL_LABELS = ("level", "detected_level", "severity", "severity_text", "lvl")


def _ns(t: datetime) -> int:
    return int(t.timestamp()) * 1_000_000_000 + t.microsecond * 1000


def _time(ns: int) -> datetime:
    return datetime.fromtimestamp(ns // 1_000_000_000, UTC).replace(
        microsecond=(ns % 1_000_000_000) // 1000
    )


def collect_loki(
    options: LogStoreOptions,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Every entry the LogQL query selects in the window (baseline included), as log evidence."""
    if not options.query.strip():
        raise CollectorError(
            "loki: give a LogQL query (--logql '{app=\"checkout\"}'): Loki needs a stream selector"
        )
    if options.extra.get("tenant"):
        options.http.headers.setdefault("X-Scope-OrgID", str(options.extra["tenant"]))
    source = source_name("loki", options.http.base_url)
    sink = LogSink(source, window, options.max_records)
    pieces = list(slices(window, options.slice_minutes))
    with JsonClient(source, options.http, what="Loki") as client:
        for done, (start, end, last) in enumerate(pieces):
            progress(done, len(pieces), f"{start:%H:%M}")
            _read_slice(client, options, sink, _ns(start), _ns(end) + (1 if last else 0), cancel)
            if sink.full:
                break
    progress(len(pieces), len(pieces), "done")
    return sink.result("loki", options.http.base_url, options.query)


def _read_slice(client, options, sink, start_ns, end_ns, cancel) -> None:
    limit = max(1, options.page_size)
    seen_at: set[tuple] = set()  # entries kept at the boundary nanosecond
    boundary = -1
    while start_ns < end_ns:
        params = {
            "query": options.query,
            "start": str(start_ns),
            "end": str(end_ns),  # exclusive
            "limit": str(limit),
            "direction": "forward",
        }
        body = client.get_json(
            QUERY_PATH, params, not_found="is this the Loki base URL (without /loki/api/v1)?",
            cancel=cancel,
        )  # fmt: skip
        entries = _entries(client.source, body)
        sink.counts["pages"] += 1
        fresh = 0
        for ns, line, labels in entries:
            key = (ns, line, tuple(sorted(labels.items())))
            if ns == boundary and key in seen_at:
                continue  # already kept from the previous page
            if ns != boundary:
                boundary, seen_at = ns, set()
            seen_at.add(key)
            fresh += 1
            level = next((labels[k] for k in LEVEL_LABELS if k in labels), None)
            if not sink.add_line(_time(ns), line, dict(labels), level):
                return
        if len(entries) < limit:
            return
        if not fresh:
            # a whole page at one nanosecond: move past it rather than ask for it forever
            at = _time(boundary)
            sink.gaps.append(
                Gap(
                    sink.source,
                    f"more than {limit} entries at one nanosecond ({iso(at)}): some were not "
                    "read (raise page_size)",
                    at,
                    at,
                )
            )
            start_ns, boundary, seen_at = boundary + 1, -1, set()
        else:
            start_ns = boundary


def _entries(source: str, body: object) -> list[tuple[int, str, dict]]:
    if not isinstance(body, dict) or body.get("status") != "success":
        raise CollectorError(
            f"{source}: the answer is not a Loki query_range response: check the URL"
        )
    data = body.get("data") or {}
    if data.get("resultType") != "streams":
        raise CollectorError(
            f"{source}: the LogQL query gives {data.get('resultType')!r}, not log lines: "
            "give a log query (a selector and filters), not a metric query"
        )
    entries = []
    for stream in data.get("result") or []:
        labels = stream.get("stream") or {}
        for value in stream.get("values") or []:
            entries.append((int(value[0]), str(value[1]), labels))
    entries.sort(key=lambda e: e[0])
    return entries
