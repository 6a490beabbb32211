"""Reading log files: streaming lines (plain or gzip), cutting absurd lines, and bisecting
a time-sorted plain file by byte offset (mmap) to jump to the incident window.
"""

from __future__ import annotations

import mmap
import os
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from pm_tui.collectors.evidence import CollectorError

MAX_LINE = 64 * 1024
CHUNK = 1 << 20
PROBE_SPAN = 64 * 1024  # how far past a probe point we look for a parseable line
COUNT_EXACT = 64 << 20  # skipped bytes counted line by line; beyond, the count is estimated

TimeOf = Callable[[bytes], datetime | None]


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic bytes (whatever its name)."""
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def open_source(path: Path):
    """Open a log file for binary reading; one clear CollectorError line when impossible.

    A FIFO or a device is refused (reading one may never end); a gzip file is read through
    a guard that stops at a corrupt or truncated stream and caps the decompressed size."""
    import stat

    try:
        if path.is_dir():
            raise CollectorError(f"{path}: is a directory, not a log file; pass the file itself")
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise CollectorError(
                f"{path}: not a regular file (a FIFO, socket or device): copy the log to a file"
            )
        if is_gzip(path):
            return GuardedGzip(path)
        return open(path, "rb")
    except FileNotFoundError:
        raise CollectorError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise CollectorError(
            f"{path}: permission denied; make the file readable or copy it"
        ) from None
    except OSError as exc:
        raise CollectorError(
            f"{path}: cannot read ({exc.strerror or exc}); check the path"
        ) from None


MAX_GZIP_RATIO = 100  # logs compress about 10-20x; far more is a bomb
MIN_GZIP_CAP = 256 << 20
MAX_GZIP_CAP = 8 << 30


class GuardedGzip:
    """A gzip log read as a binary stream (members one after another) that ends, with
    `problem` set, at a truncated or corrupt stream (keeping all it could inflate) and
    after `cap` decompressed bytes."""

    def __init__(self, path: Path):
        self.path = path
        size = os.path.getsize(path)
        self.cap = min(MAX_GZIP_CAP, max(MIN_GZIP_CAP, MAX_GZIP_RATIO * size))
        self._open()

    def _open(self) -> None:
        self._raw = open(self.path, "rb")  # noqa: SIM115 - closed in close()
        self._z = zlib.decompressobj(31)
        self._buf = self._pending = b""
        self._done = self._fed = False
        self.read_bytes = 0
        self.problem = ""

    def _fill(self, want: int) -> None:
        while len(self._buf) < want and not self._done:
            data = self._z.unconsumed_tail or self._pending or self._raw.read(CHUNK)
            self._pending = b""
            if not data:
                self._done = True
                if self._fed and not self._z.eof:
                    self.problem = "compressed stream ends early: read up to there"
                break
            self._fed = True
            try:
                self._buf += self._z.decompress(data, max(want - len(self._buf), 1 << 16))
            except zlib.error as exc:
                self._done = True
                self.problem = f"compressed stream is corrupt ({exc}): read up to there"
                break
            if self._z.eof:  # one member done: another may follow (cat a.gz b.gz)
                self._pending = self._z.unused_data.lstrip(b"\0")
                self._z = zlib.decompressobj(31)
                self._fed = False

    def read(self, n: int = -1) -> bytes:
        if n < 0:
            n = CHUNK
        room = self.cap - self.read_bytes
        if room <= 0:
            if not self.problem:
                self.problem = (
                    f"decompressed size capped at {self.cap >> 20} MB "
                    f"({MAX_GZIP_RATIO}x the file): the rest was not read"
                )
            return b""
        n = min(n, room)
        self._fill(n)
        data, self._buf = self._buf[:n], self._buf[n:]
        self.read_bytes += len(data)
        return data

    def seek(self, offset: int) -> int:
        self._raw.close()
        self._open()
        while self.read_bytes < offset and self.read(min(CHUNK, offset - self.read_bytes)):
            pass
        return self.read_bytes

    def seekable(self) -> bool:
        return False  # forward only: chunked readers carry partial lines themselves

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> GuardedGzip:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class LineReader:
    """Iterate the lines of a binary stream from an offset, in big chunks.

    Lines longer than MAX_LINE are cut to MAX_LINE (counted in `cut`). `offset` is the byte
    offset (in the uncompressed stream) just past the last line yielded.
    """

    def __init__(self, fh, start: int = 0):
        self.fh = fh
        self.offset = start
        self.cut = 0
        if start:
            fh.seek(start)

    def __iter__(self) -> Iterator[bytes]:
        pending = b""
        skipping = False
        read = self.fh.read
        while True:
            chunk = read(CHUNK)
            if not chunk:
                break
            if skipping:
                nl = chunk.find(b"\n")
                if nl < 0:
                    self.offset += len(chunk)
                    continue
                self.offset += nl + 1
                chunk = chunk[nl + 1 :]
                skipping = False
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for line in lines:
                self.offset += len(line) + 1
                if len(line) > MAX_LINE:
                    self.cut += 1
                    line = line[:MAX_LINE]
                yield line
            if len(pending) > MAX_LINE:
                self.cut += 1
                self.offset += len(pending)
                yield pending[:MAX_LINE]
                pending = b""
                skipping = True
        if pending:
            self.offset += len(pending)
            if len(pending) > MAX_LINE:
                self.cut += 1
                pending = pending[:MAX_LINE]
            yield pending


def line_start_at(mm, pos: int) -> int:
    """The start of the first whole line at or after `pos`."""
    if pos <= 0:
        return 0
    nl = mm.find(b"\n", pos - 1)
    return len(mm) if nl < 0 else nl + 1


def probe(mm, pos: int, time_of: TimeOf) -> tuple[datetime, int] | None:
    """The first parseable time at or after line-aligned `pos` (within PROBE_SPAN), with its line start."""
    limit = min(len(mm), pos + PROBE_SPAN)
    while pos < limit:
        nl = mm.find(b"\n", pos, min(len(mm), pos + MAX_LINE))
        # a line longer than MAX_LINE is probed by its head only (never copied whole)
        end = min(len(mm), pos + MAX_LINE) if nl < 0 else nl
        t = time_of(mm[pos:end])
        if t is not None:
            return t, pos
        if nl < 0:
            return None
        pos = nl + 1
    return None


def bisect_offset(mm, target: datetime, time_of: TimeOf) -> int:
    """A line-start offset before which every record is earlier than `target` (file sorted)."""
    lo, hi = 0, len(mm)
    # each round halves [lo, hi) or stops: at most ~64 rounds, whatever the lines' lengths
    for _ in range(128):
        if hi - lo <= 2 * PROBE_SPAN:
            break
        mid = line_start_at(mm, (lo + hi) // 2)
        if mid >= hi:  # no line starts in the right half (one huge line): keep the left one
            hi = (lo + hi) // 2
            continue
        if mid <= lo:
            break  # one line spans the rest of the range: nothing left to split
        found = probe(mm, mid, time_of)
        if found is None or found[1] >= hi:
            hi = mid  # nothing parseable between mid and hi: keep the left half
            continue
        t, start = found
        if t < target:
            if start <= lo:
                break
            lo = start
        else:
            hi = mid
    return lo


def looks_sorted(mm, time_of: TimeOf, slack: timedelta, probes: int = 32) -> bool:
    """Cheap check that a file is time-sorted: evenly spaced probes never go back by > slack."""
    last: datetime | None = None
    size = len(mm)
    for i in range(probes + 1):
        found = probe(mm, line_start_at(mm, size * i // (probes + 1)), time_of)
        if found is None:
            continue
        if last is not None and found[0] < last - slack:
            return False
        last = max(last, found[0]) if last else found[0]
    return True


def map_file(path: Path):
    """mmap a plain file read-only (None for an empty file)."""
    if os.path.getsize(path) == 0:
        return None
    with open(path, "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def lines_in_ranges(path: Path, ranges: list[tuple[int, int]]) -> int:
    """The lines of a plain file in the byte ranges [a, b) (each `a` a line start): its
    newlines, plus the last line when the file does not end with one and a range reaches it."""
    n = 0
    size = os.path.getsize(path)
    buf = bytearray(4 << 20)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        for a, b in ranges:
            b = min(b, size)
            if b <= a:
                continue
            fh.seek(a)
            left = b - a
            while left > 0:
                got = fh.readinto(view[: min(left, len(buf))])
                if not got:
                    break
                n += (buf if got == len(buf) else view[:got].tobytes()).count(b"\n")
                left -= got
            if b == size:
                fh.seek(size - 1)
                n += fh.read(1) != b"\n"
    return n


def file_lines(
    path: Path, start: int, stop: int, scanned: int, exact: int = COUNT_EXACT
) -> tuple[int, bool]:
    """The lines of a plain file whose byte range [start, stop) holds `scanned` lines (the
    ones a reader went through after bisecting): the lines before `start` and from `stop` on
    are counted (True: exact) when they are at most `exact` bytes, else estimated from
    the scanned range's bytes per line (False)."""
    size = os.path.getsize(path)
    skipped = start + max(0, size - stop)
    if skipped == 0:
        return scanned, True
    if skipped <= exact or scanned == 0 or stop <= start:
        return scanned + lines_in_ranges(path, [(0, start), (stop, size)]), True
    return scanned + round(skipped * scanned / (stop - start)), False
