"""Aggregating one byte range of an access log: chunks of whole lines, fast path, per-line path.

`aggregate_range` reads [start, end) of a plain file (or a whole gzip stream) in big chunks
cut at newlines, counts each chunk with `access_fast_scan.scan_chunk`, parses the lines of any run
the fast path refused one by one, and returns a `RangeResult` that merges with the results
of neighbouring ranges (see `pm_tui.collectors.logs.access_parallel`).
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from pm_tui.collectors.evidence import Evidence
from pm_tui.collectors.logs import access_fast_scan
from pm_tui.collectors.logs.access_buckets import AccessAggregator, bucket_start
from pm_tui.collectors.logs.file_reader import MAX_LINE
from pm_tui.collectors.logs.line_formats import FORMATS, Context, LineParser
from pm_tui.collectors.logs.timestamps import clf_time

CHUNK = 8 << 20
SLACK = timedelta(minutes=2)  # how far out of order a "sorted" log may be
HOLD = SLACK + timedelta(minutes=1)  # buckets this close to a range's start merge raw


@dataclass
class RangeJob:
    """What one reader needs (picklable: it crosses into worker processes)."""

    path: str
    source: str
    formats: list[str]  # the detected formats, best first
    anchor: datetime
    year: int | None
    tz: timezone
    read_start: datetime
    end_time: datetime
    variant: str  # how request time is written: "last", "key", "none"
    bisected: bool
    max_samples: int
    start: int = 0
    end: int | None = None  # None: to the end of the stream
    first_range: bool = True
    chunk: int = CHUNK


@dataclass
class RangeResult:
    """Counts, closed and raw buckets, and samples of one range, ready to merge."""

    counts: Counter = field(default_factory=Counter)
    first_time: datetime | None = None
    done: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)
    samples: list[Evidence] = field(default_factory=list)
    read: int = 0  # bytes read


Tick = Callable[[int], None]  # bytes read so far; raises Cancelled to stop


def parser_for(job: RangeJob) -> LineParser:
    """The job's line parser, rebuilt from format names (parsers hold compiled regexes)."""
    by_name = {f.name: f for f in FORMATS}
    return LineParser([by_name[n] for n in job.formats], Context(job.anchor, job.year, job.tz))


def chunks(fh, start: int, end: int | None, size: int, counts: Counter) -> Iterator[bytes]:
    """Newline-terminated chunks of about `size` bytes of fh between offsets start and end.

    Plain files seek back over the partial last line; a line longer than a chunk is dropped
    (counted in cut_lines). `end` must be a line start; None reads to the end.
    """
    if start:
        fh.seek(start)
    if fh.seekable() and not isinstance(fh, gzip.GzipFile):
        yield from _plain_chunks(fh, start, end, size, counts)
        return
    pending = b""
    while True:
        data = fh.read(size)
        if not data:
            if pending:
                yield pending + b"\n"
            return
        data = pending + data if pending else data
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            if len(data) > MAX_LINE:  # one absurd line: drop up to the next newline
                counts["cut_lines"] += 1
                pending = b""
            else:
                pending = data
            continue
        pending = data[cut:]
        yield data[:cut]


def _plain_chunks(fh, pos: int, end: int | None, size: int, counts: Counter) -> Iterator[bytes]:
    """Like `chunks` for a plain file: seek back over the partial last line, nothing carried."""
    while True:
        want = size if end is None else min(size, end - pos)
        data = fh.read(want) if want > 0 else b""
        if not data:
            return
        if len(data) < want or (end is not None and pos + len(data) == end):
            pos += len(data)  # the end of the file or of the range: whole lines
            yield data if data.endswith(b"\n") else data + b"\n"
            continue
        cut = data.rfind(b"\n") + 1
        if cut == 0:  # one line longer than a chunk: drop it
            counts["cut_lines"] += 1
            counts["newlines"] += 1  # still one of the file's lines
            pos = _skip_line(fh, pos + len(data))
            continue
        fh.seek(pos + cut)
        pos += cut
        yield data if cut == len(data) else data[:cut]


def _skip_line(fh, pos: int) -> int:
    while True:
        data = fh.read(1 << 20)
        if not data:
            return pos
        nl = data.find(b"\n")
        if nl >= 0:
            pos += nl + 1
            fh.seek(pos)
            return pos
        pos += len(data)


def aggregate_range(job: RangeJob, fh, tick: Tick, agg: AccessAggregator | None = None):
    """Aggregate the job's byte range of `fh`; returns a RangeResult (buckets not yet merged).

    Into the caller's `agg` for the whole file, the buckets stay there; otherwise the result
    carries them (`done`, `raw`) for `AccessAggregator.merge_raw`.
    """
    reader = _RangeReader(job, agg or AccessAggregator(job.source, job.max_samples))
    return reader.run(fh, tick, release=agg is None)


class _RangeReader:
    def __init__(self, job: RangeJob, agg: AccessAggregator):
        self.job, self.agg = job, agg
        self.parser = parser_for(job)
        self.counts: Counter = Counter(
            dict.fromkeys(("lines_read", "records", "in_window", "unparsed", "cut_lines"), 0)
        )
        self.first_time: datetime | None = None
        self.first_bucket = bucket_start(job.read_start)

    def run(self, fh, tick: Tick, release: bool) -> RangeResult:
        job = self.job
        done = 0
        for chunk in chunks(fh, job.start, job.end, job.chunk, self.counts):
            done += len(chunk)
            newlines = chunk.count(b"\n")
            self.counts["newlines"] += newlines  # the range's lines, read or not
            tick(done)
            runs = access_fast_scan.scan_chunk(chunk, job.variant, newlines)
            if runs is None:
                stop = self._lines(chunk)
            else:
                stop = self._runs(chunk, runs)
            if stop:
                break
        res = RangeResult(self.counts, self.first_time, read=done)
        if job.first_range and job.end is None and not release:
            return res  # the only range, read into the caller's aggregator: it closes them
        res.done, res.raw = self.agg.release()
        res.samples = self.agg.samples
        return res

    def _seen(self, t: datetime) -> None:
        if self.first_time is None or t < self.first_time:
            if self.first_time is None and not self.job.first_range:
                self.agg.hold_before = bucket_start(t) + HOLD
            self.first_time = t

    def _runs(self, chunk: bytes, runs: list[access_fast_scan.Run]) -> bool:
        """Add the fast path's runs (parsing the dirty ones line by line). True: past the window."""
        job, counts, agg = self.job, self.counts, self.agg
        stop_after = job.end_time + SLACK
        first = access_fast_scan.first_stamp(chunk)
        if first is not None:
            self._seen(clf_time(first))
        for run in runs:
            if run.classes is None:
                if self._lines(chunk[run.pos : run.end]):
                    return True
                continue
            t = run.start
            counts["lines_read"] += run.lines
            counts["records"] += run.lines
            if t < self.first_bucket:
                continue
            if t > job.end_time:
                if job.bisected and t > stop_after:
                    return True
                continue
            counts["in_window"] += run.lines
            agg.add(t, run.classes, run.latencies)
            if run.classes.get("5") and agg.want_sample(t):
                for line in access_fast_scan.error_lines(
                    chunk, run.pos, run.end, agg.samples_per_bucket
                ):
                    self._sample_line(line)
        return False

    def _lines(self, data: bytes) -> bool:
        """The per-line path for lines the fast path refused. True when past the window."""
        job, counts, agg, parse = self.job, self.counts, self.agg, self.parser.parse
        stop = False
        for raw in data.split(b"\n")[:-1]:
            counts["lines_read"] += 1
            if len(raw) > MAX_LINE:
                counts["cut_lines"] += 1
                raw = raw[:MAX_LINE]
            rec = parse(raw.decode("utf-8", errors="replace"))
            if rec is None or "status" not in rec[3]:
                if raw.strip():
                    counts["unparsed"] += 1
                continue
            t, _, _, attrs = rec
            counts["records"] += 1
            self._seen(t)
            b = bucket_start(t)
            if not self.first_bucket <= b <= job.end_time:  # whole buckets, as the fast path
                stop = stop or (job.bisected and t > job.end_time + SLACK)
                continue
            counts["in_window"] += 1
            secs = Counter([attrs["duration_ms"] / 1000]) if "duration_ms" in attrs else Counter()
            status = attrs["status"]
            agg.add(b, Counter({str(status)[0]: 1}), secs)
            if 500 <= status < 600 and agg.want_sample(b):
                self._sample_line(raw)
        return stop

    def _sample_line(self, raw: bytes) -> None:
        rec = self.parser.parse(raw[:MAX_LINE].decode("utf-8", errors="replace"))
        if rec is None:
            return
        t, level, msg, attrs = rec
        start = bucket_start(t)
        if not self.agg.want_sample(start):
            return
        attrs = {**attrs, "level": level, "sample": True}
        ev = Evidence(time=t, source=self.job.source, kind="log", text=msg, attrs=attrs)
        self.agg.add_sample(start, ev)
