"""What the log stores (Loki, Elasticsearch/OpenSearch, ClickHouse, CloudWatch) share.

Each store is read slice by slice over the window (`slices`) and page by page within a
slice, so a big result never sits in memory at once; every record goes through one
`LogSink`, which turns it into the same `Evidence(kind="log")` a log file gives (a JSON
record's level, message and other fields read by the file reader's own `fields_record`),
redacts the text before it is kept, and stops at the per-source records cap with a gap
saying where the cut fell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pm_tui.collectors.common import iso
from pm_tui.collectors.evidence import CollectResult, CollectWindow, Evidence, Gap
from pm_tui.collectors.http import HttpOptions

DEFAULT_MAX_RECORDS = 50_000
DEFAULT_PAGE_SIZE = 1000
DEFAULT_SLICE_MINUTES = 30.0
_BATCH = 2048  # records redacted together
_LEVEL_WORD = re.compile(
    r"\b(FATAL|CRITICAL|CRIT|ERROR|ERR|WARNING|WARN|INFO|DEBUG|TRACE)\b", re.IGNORECASE
)
# Where stores keep the service's name; renamed to "service", the key JSON-line logs use.
SERVICE_KEYS = ("service.name", "resource.service.name", "ServiceName", "service_name")


@dataclass
class LogStoreOptions:
    """What every log store takes: how to reach it, the person's query, and the limits."""

    http: HttpOptions
    query: str = ""
    max_records: int = DEFAULT_MAX_RECORDS
    page_size: int = DEFAULT_PAGE_SIZE
    slice_minutes: float = DEFAULT_SLICE_MINUTES
    extra: dict = field(default_factory=dict)  # store-specific options (index, table, ...)


def slices(window: CollectWindow, minutes: float) -> Iterator[tuple[datetime, datetime, bool]]:
    """The read window cut into (start, end, last) pieces of `minutes`; `end` is exclusive
    except on the last piece, which ends at the window's end inclusive."""
    step = timedelta(minutes=max(minutes, 1 / 60))
    start = window.read_start
    while True:
        end = start + step
        if end >= window.end:
            yield start, window.end, True
            return
        yield start, end, False
        start = end


def flatten(fields: dict, prefix: str = "") -> dict:
    """Nested objects as dotted keys (`{"log": {"level": "x"}}` -> `{"log.level": "x"}`)."""
    flat: dict = {}
    for key, value in fields.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


class LogSink:
    """Collects one store's records as evidence: mapped, redacted, capped, counted."""

    def __init__(self, source: str, window: CollectWindow, max_records: int):
        self.source, self.window, self.max_records = source, window, max(1, max_records)
        self.evidence: list[Evidence] = []
        self._pending: list[tuple[datetime, str, dict]] = []
        self.counts = {"records": 0, "in_window": 0, "pages": 0, "redactions": 0}
        self.cut_at: datetime | None = None
        self.gaps: list[Gap] = []  # what a store could not give (added by its collector)

    @property
    def full(self) -> bool:
        """True once the cap was reached: the collector stops asking for more."""
        return self.cut_at is not None

    def add_fields(self, t: datetime, fields: dict, extra: dict | None = None) -> bool:
        """Keep one structured record (a document, a row); False once the cap is reached."""
        from pm_tui.collectors.logs.json_lines import fields_record

        if not self._admit(t):
            return not self.full
        flat = flatten(fields)
        if "service" not in flat:
            for key in SERVICE_KEYS:
                if isinstance(flat.get(key), str) and flat[key]:
                    flat["service"] = flat.pop(key)
                    break
        level, message, attrs = fields_record(flat)
        self._keep(t, level, message, attrs, extra)
        return True

    def add_line(
        self, t: datetime, line: str, extra: dict | None = None, level: str | None = None
    ) -> bool:
        """Keep one log line (a JSON line is read as a file's JSON line would be)."""
        from pm_tui.collectors.logs.json_lines import decode_object
        from pm_tui.collectors.logs.timestamps import normalise_level

        stripped = line.strip()
        if stripped.startswith("{") and stripped.endswith("}"):
            try:
                fields = decode_object(stripped)
            except ValueError:
                fields = None
            if isinstance(fields, dict):
                return self.add_fields(t, fields, extra)
        if not self._admit(t):
            return not self.full
        if level is None:
            found = _LEVEL_WORD.search(line[:120])
            level = found.group(1) if found else None
        self._keep(t, normalise_level(level) if level else None, line.rstrip("\n"), {}, extra)
        return True

    def _admit(self, t: datetime) -> bool:
        self.counts["records"] += 1
        if not self.window.contains(t) or self.full:
            return False
        if self.counts["in_window"] >= self.max_records:
            self.cut_at = t
            return False
        self.counts["in_window"] += 1
        return True

    def _keep(self, t, level, message, attrs, extra) -> None:
        if extra:
            attrs.update((k, v) for k, v in extra.items() if k not in attrs)
        if level:
            attrs["level"] = level
        self._pending.append((t, message, attrs))
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        from pm_tui.redact import redact_many

        if not self._pending:
            return
        texts, n = redact_many([m for _, m, _ in self._pending])
        self.counts["redactions"] += n
        source = self.source
        self.evidence.extend(
            Evidence(t, source, "log", text, attrs)
            for (t, _, attrs), text in zip(self._pending, texts, strict=True)
        )
        self._pending.clear()

    def result(self, kind: str, target: str, query: str) -> CollectResult:
        """The evidence in time order, the counts, and the cap's gap if it was reached."""
        self._flush()
        self.evidence.sort(key=lambda e: e.time)
        gaps = list(self.gaps)
        if self.cut_at is not None:
            gaps.append(
                Gap(
                    self.source,
                    f"records cap of {self.max_records:,} reached at {iso(self.cut_at)}: "
                    "the rest of the window was not read (narrow the query or raise max_records)",
                    self.cut_at,
                    self.window.end,
                )
            )
        return CollectResult(
            source=self.source,
            kind=kind,
            target=target,
            query=query,
            evidence=self.evidence,
            gaps=gaps,
            counts=dict(self.counts),
            redactions=self.counts["redactions"],
        )
