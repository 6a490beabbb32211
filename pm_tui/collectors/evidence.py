"""Normalised evidence: what every collector produces, whatever it read.

A collector reads one source for the incident window (plus a baseline margin before it)
and yields `Evidence` records in time order, plus a list of `Gap`s saying what it could
not read and why. The timeline reconstruction and the report only ever see these types.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

EVIDENCE_KINDS = ("log", "metric", "alert", "page", "message", "change")
ARCHIVE_MARK = "!/"  # a member of an evidence archive is named ARCHIVE!/MEMBER

# A collector calls progress(done, total, note) as it goes; total may be None when unknown.
Progress = Callable[[int, int | None, str], None]


def no_progress(done: int, total: int | None, note: str) -> None:
    """A progress callback that ignores everything."""


class CollectorError(Exception):
    """A source could not be read at all. The message is one line: what is wrong, what to do."""


class Cancelled(Exception):
    """Collection was cancelled by the person; what was read so far is discarded."""


@dataclass(slots=True)  # a collection may hold a few hundred thousand of these
class Evidence:
    """One normalised record: a log line, an alert transition, a page, a chat message...

    `time` is always aware UTC. `attrs` carries kind-specific detail (level, status code,
    labels, value...). For metrics, one Evidence holds a whole series: `attrs["points"]`
    is a list of (iso time, float) pairs.
    """

    time: datetime
    source: str
    kind: str
    text: str
    attrs: dict = field(default_factory=dict)


def is_access_bucket(item: Evidence) -> bool:
    """Whether a log record is a 10-second bucket of an aggregated access log
    (pm_tui.collectors.logs.access_buckets), not a record that has a field named `bucket`
    (a JSON log naming the storage bucket it wrote to)."""
    return item.attrs.get("bucket") is True and "bucket_seconds" in item.attrs


def is_access_sample(item: Evidence) -> bool:
    """Whether a log record is one of the failing requests kept beside an access log's buckets
    (`sample` set by the aggregation, not a field of the record itself)."""
    return item.attrs.get("sample") is True


@dataclass
class Gap:
    """Something a collector could not read, and why (kept in the post-mortem and the report)."""

    source: str
    reason: str
    start: datetime | None = None
    end: datetime | None = None

    def __str__(self) -> str:
        span = ""
        if self.start and self.end:
            span = f" ({self.start:%Y-%m-%dT%H:%M:%SZ} to {self.end:%Y-%m-%dT%H:%M:%SZ})"
        return f"{self.reason}{span}"


@dataclass
class CollectResult:
    """What one collector run produced."""

    source: str
    kind: str  # one of pm_tui.model.SOURCE_KINDS
    target: str
    query: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    redactions: int = 0
    rules: list[dict] = field(default_factory=list)  # alerting rules read (alert-rules kind)


@dataclass
class CollectWindow:
    """The incident window with the baseline margin before it."""

    start: datetime
    end: datetime
    baseline: timedelta = timedelta(hours=1)

    @property
    def read_start(self) -> datetime:
        return self.start - self.baseline

    def contains(self, t: datetime) -> bool:
        return self.read_start <= t <= self.end
