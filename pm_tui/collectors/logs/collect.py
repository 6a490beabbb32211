"""Log-file collector: one file, any usual format, bounded to the incident window.

`collect_logs(path, window)` detects the format from the first lines, jumps to the window by
bisecting byte offsets when the file is plain, large and time-sorted, streams the rest, and
returns one `Evidence(kind="log")` per record in the window (text redacted), or — for access
logs, by default — 10-second buckets (see `pm_tui.collectors.logs.access_buckets`). A JSON-lines
record's time is read before the line is decoded, and lines outside the window are never
decoded (see `pm_tui.collectors.logs.json_lines`).

A big plain access log (32 MB or more to read) is aggregated on every core: the byte range
is cut at line starts, each piece read by its own process, and the pieces merged exactly
(see `pm_tui.collectors.logs.access_parallel`). A gzip access log of 512 KB or more is read whole
by one reader process, leaving this one to the other sources collected alongside.

Counts: lines_read (the lines of the file: those before and after the window's byte range are
counted exactly up to COUNT_EXACT = 64 MB of them, estimated beyond, then `lines_estimated` is
1), lines_scanned (the lines the reader went through: the window's byte range when bisected,
else the whole file), records, in_window, unparsed, continuation, cut_lines, redactions, plus
`bisected` (1 when the window was found by bisection), `unsorted` (1 when the file was not
time-sorted and was read in full) and `parallel_readers` (reader processes that helped). A file that cannot be opened raises `CollectorError` (one
line); a multi-source runner turns that into a gap for this source and goes on.
"""

from __future__ import annotations

import heapq
import io
import os
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from sys import intern

from pm_tui.collectors.evidence import (
    Cancelled,
    CollectorError,
    CollectResult,
    CollectWindow,
    Evidence,
    Gap,
    Progress,
    is_access_sample,
    no_progress,
)
from pm_tui.collectors.logs import access_range
from pm_tui.collectors.logs.access_buckets import AccessAggregator
from pm_tui.collectors.logs.access_parallel import (
    aggregate_parallel,
    read_aside,
    split_job,
    worker_count,
)
from pm_tui.collectors.logs.access_range import SLACK, RangeJob, aggregate_range
from pm_tui.collectors.logs.file_reader import (
    MAX_LINE,
    LineReader,
    bisect_offset,
    file_lines,
    is_gzip,
    looks_sorted,
    map_file,
    open_source,
)
from pm_tui.collectors.logs.json_lines import decode_object, fields_record, time_reader
from pm_tui.collectors.logs.line_formats import (
    Context,
    LineParser,
    detect,
    http_line,
    looks_like_continuation,
    skip_banner,
    value_time,
)
from pm_tui.collectors.logs.line_formats import request_time_variant as _rt_variant
from pm_tui.redact import redact_many

BISECT_MIN = 4 << 20  # smaller files are simply streamed
PROGRESS_LINES = 98_304  # a multiple of 4096, about 100k
PROGRESS_BYTES = 1 << 20
MAX_CONTINUATION = 200
# no record read yet (lines here are unparsed), or the last one read was not kept (outside
# the window): its continuation lines (a stack trace, a stats block) are skipped as such
_NO_RECORD, _NOT_KEPT = -1, -2
# Kept while reading, so memory stays bounded whatever the file: records in the window,
# then only error/critical ones up to twice as many; text per record and in all.
MAX_WINDOW_RECORDS = 100_000
MAX_WINDOW_CHARS = 16 << 20
MAX_RECORD_CHARS = 8 * 1024  # the timeline needs the head of a record, not 64 KB
_SEVERE = frozenset(("error", "critical"))
REDACT_BATCH = 8192
UNPARSED_GAP_RATIO = 0.01
_FIRST = datetime.min.replace(tzinfo=UTC) + SLACK  # minus SLACK must not overflow
_LAST = datetime.max.replace(tzinfo=UTC)


def collect_logs(
    path: str | os.PathLike,
    window: CollectWindow,
    *,
    year: int | None = None,
    tz: tzinfo = UTC,
    time_format: str | None = None,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
    aggregate_access: bool | None = None,
    max_samples: int = 200,
) -> CollectResult:
    """Read one log file for `window` (baseline included) into evidence, counts and gaps.

    `year` is for formats without one (syslog RFC 3164, klog; default: the incident's year).
    `tz` is the zone of times written without an offset (default UTC); `time_format`
    (strptime) reads a layout the usual ones do not know. `aggregate_access`
    (default: True for access logs) emits 10-second buckets plus up to `max_samples` failing
    requests instead of one record per request. Raises CollectorError if the file cannot be read.
    """
    path = Path(path)
    saved = _saved_whole(path)
    fh = open_source(path) if saved is None else io.BytesIO(saved)
    try:
        collector = _Collector(path, fh, window, year, tz, progress, cancel, max_samples)
        if saved is not None:
            collector.gz, collector.size = True, len(saved)  # read as it is: no bisection
        collector.ctx.time_format = time_format
        collector.ctx.keep_from, collector.ctx.keep_to = window.read_start, window.end
        return collector.run(aggregate_access)
    finally:
        fh.close()


def _saved_whole(path: Path) -> bytes | None:
    """A log saved as one JSON document (an API's list of events, `classify.log_records`) as
    JSON lines, one record a line; None for any other file (JSON lines included)."""
    import json

    from pm_tui.collectors.classify import log_records, read_document, read_head

    try:
        if not path.is_file():
            return None  # a FIFO or a device: open_source says why it is refused
        head, _ = read_head(path, 64 * 1024)
    except OSError:
        return None
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text[:1] not in ("{", "["):
        return _document_lines(path, text)
    first, _, rest = text.partition("\n")
    try:
        json.loads(first)
        if rest.strip():
            return None  # one record a line already
    except ValueError:
        pass
    try:
        records = log_records(json.loads(read_document(path)))
    except (OSError, ValueError):
        return _document_lines(path, text)
    if records is None:
        return _document_lines(path, text)
    return "".join(json.dumps(r, default=str) + "\n" for r in records).encode("utf-8")


def _document_lines(path: Path, head: str) -> bytes | None:
    """A document of rows (mail, a feed, Windows events, a status page's or an error
    tracker's JSON, a ticket table: `documents.document_rows`) as JSON lines; None when the
    file is none of them."""
    import json

    from pm_tui.collectors.logs.documents import document_rows, sniff

    if head[:1] not in ("{", "[") and not sniff(head):
        return _timed_table_lines(path, head)
    found = document_rows(path)
    if found is None:
        return None
    return "".join(json.dumps(r, default=str) + "\n" for r in found[1]).encode("utf-8")


def _timed_table_lines(path: Path, head: str) -> bytes | None:
    """A headerless CSV of timed records (`documents.timed_table`) as JSON lines, when no log
    layout reads the file (what classify found too)."""
    import json

    from pm_tui.collectors.classify import _logs, read_document
    from pm_tui.collectors.logs.documents import timed_table

    if head.count(",") + head.count(";") + head.count("\t") < 3 or timed_table(head) is None:
        return None
    if _logs(head, path) is not None:
        return None
    try:
        found = timed_table(read_document(path))
    except OSError:
        return None
    if found is None:
        return None
    return "".join(json.dumps(r, default=str) + "\n" for r in found[1]).encode("utf-8")


def merge_sources(results: Iterable[CollectResult]) -> Iterator[Evidence]:
    """All evidence of several sources, merged by time (each source's evidence is time-ordered)."""
    return heapq.merge(*(sorted(r.evidence, key=_time) for r in results), key=_time)


def _time(e: Evidence) -> datetime:
    return e.time


class _Collector:
    def __init__(self, path, fh, window, year, tz, progress, cancel, max_samples):
        self.path, self.fh, self.window = path, fh, window
        self.progress, self.cancel = progress, cancel
        self.source = str(path)
        self.ctx = Context(anchor=window.end, year=year, tz=tz)
        self.gz = is_gzip(path)
        self.size = os.path.getsize(path)
        self.max_samples = max_samples
        self.counts: Counter = Counter(
            dict.fromkeys(
                (
                    "lines_read",
                    "lines_scanned",
                    "records",
                    "in_window",
                    "unparsed",
                    "continuation",
                    "cut_lines",
                    "redactions",
                ),
                0,
            )
        )
        self.gaps: list[Gap] = []
        self.first_time: datetime | None = None
        self.sorted = True

    # --- set-up ------------------------------------------------------------------------
    def _sample(self) -> list[str]:
        head = self.fh.read(64 * 1024)
        self.fh.seek(0)
        lines = head.decode("utf-8", errors="replace").splitlines()
        if len(head) == 64 * 1024 and len(lines) > 1:
            lines.pop()  # probably cut in the middle
        lines = [ln[:MAX_LINE] for ln in lines[:5000] if ln.strip()]
        first = lines[:200]
        probe = Context(anchor=self.ctx.anchor, year=self.ctx.year, tz=self.ctx.tz)
        if not self.ctx.time_format and not detect(first, probe).formats:
            # a start-up banner before the first timed line: learn from where times begin
            return skip_banner(lines)[:200]
        return first

    def _time_of(self, parser: LineParser):
        def time_of(raw: bytes) -> datetime | None:
            rec = parser.parse(raw.decode("utf-8", errors="replace"))
            return rec[0] if rec else None

        return time_of

    def _start_offset(self, parser: LineParser) -> int:
        if self.gz or self.size < BISECT_MIN:
            return 0
        mm = map_file(self.path)
        if mm is None:
            return 0
        try:
            time_of = self._time_of(parser)
            if not looks_sorted(mm, time_of, SLACK):
                self.sorted = False
                self.counts["unsorted"] = 1
                self.gaps.append(
                    Gap(self.source, "file is not time-sorted: read in full, no bisection")
                )
                return 0
            offset = bisect_offset(mm, self.window.read_start - SLACK, time_of)
            self.counts["bisected"] = 1
            return offset
        finally:
            mm.close()

    def _tick(self, done: int, note: str) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled(f"{self.source}: cancelled")
        self.progress(done, None if self.gz else self.size, note)

    # --- the run -------------------------------------------------------------------------
    def run(self, aggregate_access: bool | None) -> CollectResult:
        sample = self._sample()
        parser = detect(sample, self.ctx)
        result = CollectResult(source=self.source, kind="logs", target=str(self.path))
        if not parser.formats:
            raise CollectorError(
                f"{self.path}: log format not recognised: none of its first {len(sample)} "
                "lines has a timestamp pm-tui knows; give its layout with --time-format "
                "(strptime, e.g. '%d.%m.%Y %H:%M:%S') or time_format in evidence.toml"
            )
        else:
            result.query = f"format={parser.name}"
            start = self._start_offset(parser)
            aggregate = parser.name == "access" if aggregate_access is None else aggregate_access
            if aggregate and parser.name == "access":
                evidence = self._aggregate(parser, start, _rt_variant(sample))
            else:
                evidence = self._records(parser, start)
            result.evidence = evidence
        problem = getattr(self.fh, "problem", "")
        if problem:  # a truncated, corrupt or oversized gzip stream: what was read counts
            self.gaps.append(Gap(self.source, problem))
        self._window_gaps(result.evidence)
        result.gaps = self.gaps
        result.counts = dict(self.counts)
        result.redactions = self.counts["redactions"]
        return result

    def _window_gaps(self, evidence: list[Evidence]) -> None:
        w = self.window
        unparsed, read = self.counts["unparsed"], self.counts["lines_scanned"]
        if unparsed and unparsed >= max(10, UNPARSED_GAP_RATIO * read):
            self.gaps.append(Gap(self.source, f"{unparsed} of {read} lines could not be parsed"))
        cut = self.counts["cut_lines"]
        if cut:  # a file that is one 100 MB line says so, not only in its counts
            self.gaps.append(
                Gap(
                    self.source,
                    f"{cut} line(s) longer than {MAX_LINE >> 10} KB: only their first "
                    f"{MAX_LINE >> 10} KB were read",
                )
            )
        if not evidence:
            self.gaps.append(
                Gap(self.source, "no records in the window in this file", w.read_start, w.end)
            )
        elif (
            self.first_time is not None
            and self.first_time > w.read_start
            and self.counts.get("bisected", 0) == 0
        ):
            self.gaps.append(
                Gap(
                    self.source,
                    "file starts after the window start: earlier records are elsewhere",
                    w.read_start,
                    self.first_time,
                )
            )

    def _records(self, parser: LineParser, start: int) -> list[Evidence]:
        w, counts, ctx = self.window, self.counts, self.ctx
        reader = LineReader(self.fh, start)
        # the records in the window, built once (a collection may keep a few hundred thousand);
        # continuation lines wait in `more` (by record) and are joined to the text at the end
        out: list[Evidence] = []
        more: dict[int, list[str]] = {}
        source = self.source
        current = _NO_RECORD  # the index in `out` of the record continuation lines belong to
        lo, hi = w.read_start, w.end
        stop_after = hi + SLACK
        bisected = bool(counts.get("bisected"))
        formats = parser.formats
        json_format = next((f for f in formats if f.name == "json"), None)
        # outside the window, a JSON line's time is all that counts: read it, skip decoding
        quick = time_reader(value_time, ctx) if json_format is not None else None
        # the earliest and latest times so far; the extremes stand for "none yet"
        first_time, latest = _LAST, _FIRST
        records = out_of_order = 0
        kept_chars = current_chars = dropped = 0
        n = 0
        ticked = start
        for raw in reader:
            n += 1
            if not n & 4095 and (
                n % PROGRESS_LINES == 0 or reader.offset - ticked >= PROGRESS_BYTES
            ):
                ticked = reader.offset
                self._tick(ticked, f"{n:,} lines")
            line = raw.decode("utf-8", errors="replace").rstrip("\r")
            rec = t = None
            if quick is not None and formats[0] is json_format:
                t = quick(line)
                if t is not None and lo <= t <= hi:
                    # in the window: decode it, its time already known
                    try:
                        fields = decode_object(line)
                    except ValueError:
                        fields = None
                    if type(fields) is dict:
                        rec = (t, *fields_record(fields))
                    else:
                        t = None  # not a JSON object after all: the usual way below
            if t is None:
                if not line.strip():
                    continue
                rec = parser.parse(line)
                if rec is None:
                    if current != _NO_RECORD and (
                        not parser.per_line or looks_like_continuation(line)
                    ):
                        counts["continuation"] += 1
                        if current >= 0 and current_chars < MAX_RECORD_CHARS:
                            lines = more.get(current)
                            if lines is None:
                                more[current] = lines = [out[current].text]
                            if len(lines) < MAX_CONTINUATION:
                                line = line[: MAX_RECORD_CHARS - current_chars]
                                lines.append(line)
                                current_chars += len(line)
                                kept_chars += len(line)
                    else:
                        counts["unparsed"] += 1
                    continue
                t = rec[0]
            records += 1
            if t > latest:
                latest = t
            elif t < latest - SLACK:
                out_of_order += 1
            if t < first_time:
                first_time = t
            current = _NOT_KEPT
            if rec is not None and lo <= t <= hi:
                if (len(out) < MAX_WINDOW_RECORDS and kept_chars < MAX_WINDOW_CHARS) or (
                    rec[1] in _SEVERE
                    and len(out) < 2 * MAX_WINDOW_RECORDS
                    and kept_chars < 2 * MAX_WINDOW_CHARS
                ):
                    text = rec[2] if len(rec[2]) <= MAX_RECORD_CHARS else rec[2][:MAX_RECORD_CHARS]
                    attrs = rec[3]
                    if rec[1] in (None, "info") and "status" not in attrs:
                        http = http_line(text)  # an access line behind syslog or a proxy's own
                        if http is not None:
                            rec = (t, http[0], http[1], attrs)
                            text = http[1]
                            attrs.update(http[2])
                    if rec[1]:  # every format builds a fresh dict per record; one string per level
                        attrs["level"] = intern(rec[1])
                    current = len(out)
                    out.append(Evidence(t, source, "log", text, attrs))
                    current_chars = len(text)
                    kept_chars += current_chars
                else:
                    dropped += 1
            elif t > stop_after and bisected:
                break  # a sorted file: nothing later can fall in the window
        self.first_time = None if first_time is _LAST else first_time
        counts["records"] += records
        if out_of_order:
            counts["out_of_order"] += out_of_order
        self._file_lines(start, reader.offset, n)
        counts["cut_lines"] = reader.cut
        counts["in_window"] = len(out) + dropped
        if dropped:
            counts["not_kept"] = dropped
            self.gaps.append(
                Gap(
                    self.source,
                    f"{dropped:,} more records in the window were not kept (beyond "
                    f"{len(out):,} records or {MAX_WINDOW_CHARS >> 20} MB of text, errors "
                    "first): narrow the window or the file",
                )
            )
        for i, lines in more.items():
            out[i].text = "\n".join(lines)
        more.clear()
        for at in range(0, len(out), REDACT_BATCH):  # in batches: no copy of every text at once
            batch = out[at : at + REDACT_BATCH]
            texts, redactions = redact_many([e.text for e in batch])
            counts["redactions"] += redactions
            for e, text in zip(batch, texts, strict=True):
                e.text = text
        out.sort(key=_time)
        self._tick(reader.offset, "done")
        return out

    def _aggregate(self, parser: LineParser, start: int, variant: str) -> list[Evidence]:
        w = self.window
        job = RangeJob(
            path=str(self.path),
            source=self.source,
            formats=[f.name for f in parser.formats],
            anchor=self.ctx.anchor,
            year=self.ctx.year,
            tz=self.ctx.tz,
            read_start=w.read_start,
            end_time=w.end,
            variant=variant,
            bisected=bool(self.counts.get("bisected")),
            max_samples=self.max_samples,
            start=start,
            chunk=access_range.CHUNK,
        )
        agg = AccessAggregator(self.source, self.max_samples)
        stop_hint = self._stop_hint(parser, job)
        parts = 1 if self.gz else worker_count(stop_hint - start)
        aside = self.gz and read_aside(self.size)
        if parts > 1 or aside:
            jobs = split_job(job, stop_hint, parts) if parts > 1 else [job]
            failures: list[str] = []
            note = "reading in a reader process" if aside else f"reading with {parts} processes"
            results = aggregate_parallel(
                jobs,
                lambda n: self._tick(start + n, note),
                self.cancel,
                failures,
                here=not aside,
            )
            if not aside:
                self.counts["parallel_readers"] = len(jobs) - 1 - len(failures)
            for reason in failures[:1]:
                self.gaps.append(
                    Gap(self.source, f"a reader process failed ({reason}); read here instead")
                )
            for r in results:
                agg.merge_raw(r.done, r.raw)
            for r in results:
                agg.offer_samples(r.samples)
        else:
            results = [
                aggregate_range(job, self.fh, lambda n: self._tick(start + n, "reading"), agg)
            ]
        for r in results:
            self.counts.update(r.counts)
        newlines = self.counts.pop("newlines", 0)
        scanned = self.counts["lines_read"]
        if self.counts.get("bisected"):
            self._file_lines(start, start + sum(r.read for r in results), newlines)
            self.counts["lines_scanned"] = scanned  # the lines the readers parsed
        else:
            self._file_lines(start, self.size, scanned)
        for r in results:
            if r.first_time is not None and (
                self.first_time is None or r.first_time < self.first_time
            ):
                self.first_time = r.first_time
        evidence = agg.evidence()
        samples = [e for e in evidence if is_access_sample(e)]
        texts, n = redact_many([e.text for e in samples])
        for e, text in zip(samples, texts, strict=True):
            e.text = text
        self.counts["redactions"] += n
        self._tick(start + sum(r.read for r in results), "done")
        return evidence

    def _file_lines(self, start: int, stop: int, scanned: int) -> None:
        """lines_read: the file's lines; lines_scanned: the `scanned` lines of [start, stop)."""
        self.counts["lines_scanned"] = scanned
        if self.gz or not self.counts.get("bisected"):
            self.counts["lines_read"] = scanned  # read from the start to the end
            return
        lines, exact = file_lines(self.path, start, stop, scanned)
        self.counts["lines_read"] = lines
        if not exact:
            self.counts["lines_estimated"] = 1

    def _stop_hint(self, parser: LineParser, job: RangeJob) -> int:
        """Where a sorted file's window ends (the whole file when it is not bisected)."""
        if self.gz:
            return self.size
        if not job.bisected:
            return self.size
        mm = map_file(self.path)
        if mm is None:
            return self.size
        try:
            return bisect_offset(mm, job.end_time + SLACK, self._time_of(parser))
        finally:
            mm.close()
