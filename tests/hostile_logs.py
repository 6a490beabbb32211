"""Hostile log files, made on the fly and bounded in size: a sorted file whose last line is
longer than the rest of the search range, one huge line, long lines in the window, a gzip
bomb, a truncated gzip. Each writer returns the path it wrote."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

HEAD = "2025-02-09T{h:02d}:{m:02d}:{s:02d}Z {level} request {n} took 12ms\n"


def sorted_then_one_long_line(path: Path, head_mb: int = 5, tail_mb: int = 3) -> Path:
    """A time-sorted file (big enough to bisect) ending in one line longer than the rest of
    the search range: bisection used to loop forever on it."""
    with path.open("w") as fh:
        n, size = 0, 0
        while size < head_mb << 20:
            line = HEAD.format(
                h=8 + n // 36000 % 4, m=n // 600 % 60, s=n // 10 % 60, level="INFO", n=n
            )
            fh.write(line)
            size += len(line)
            n += 1
        fh.write("2025-02-09T11:59:59Z ERROR " + "x" * (tail_mb << 20) + "\n")
    return path


def one_huge_line(path: Path, mb: int = 24) -> Path:
    """A single line of `mb` MB (no newline at all)."""
    with path.open("wb") as fh:
        fh.write(b"2025-02-09T10:10:00Z ERROR ")
        block = b"y" * (1 << 20)
        for _ in range(mb):
            fh.write(block)
    return path


def long_lines_in_window(path: Path, lines: int = 3000, width: int = 60_000) -> Path:
    """A gzip of long lines, all in the window (compresses ~1000x)."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as fh:
        for n in range(lines):
            line = HEAD.format(h=10, m=n // 60 % 60, s=n % 60, level="INFO", n=n)
            fh.write(z.compress(line[:-1].encode() + b" " + b"z" * width + b"\n"))
        fh.write(z.flush())
    return path


def gzip_bomb(path: Path, mb: int = 400) -> Path:
    """A small gzip that inflates to `mb` MB of newline-free zeros."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"0" * (1 << 20)
    with path.open("wb") as fh:
        fh.write(z.compress(b"2025-02-09T10:10:00Z ERROR "))
        for _ in range(mb):
            fh.write(z.compress(block))
        fh.write(z.flush())
    return path


def truncated_gzip(path: Path) -> Path:
    """A gzip log cut in the middle of its stream."""
    data = gzip.compress(
        "".join(
            HEAD.format(h=10, m=n % 60, s=0, level="ERROR", n=n) for n in range(20_000)
        ).encode()
    )
    path.write_bytes(data[: len(data) // 2])
    return path
