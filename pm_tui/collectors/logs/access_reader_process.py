"""A reader process: aggregate one byte range of an access log, reply on stdout.

Run as `python -m pm_tui.collectors.logs.access_reader_process`; reads a pickled `RangeJob` on stdin and
writes frames on stdout: kind (1 byte) and an 8-byte big-endian number, then a payload for
results and errors. `p` n: n bytes read so far; `r` size + pickled RangeResult; `e` size +
a one-line UTF-8 error. The parent ends the process to cancel it.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from pm_tui.collectors.logs.access_range import aggregate_range
from pm_tui.collectors.logs.file_reader import open_source


def frame(kind: bytes, number: int, payload: bytes = b"") -> bytes:
    """One frame of the reply stream."""
    return kind + number.to_bytes(8, "big") + payload


def main() -> int:
    """Serve one job from stdin; 0 when the result was sent."""
    out = sys.stdout.buffer
    job = pickle.load(sys.stdin.buffer)

    def tick(n: int) -> None:
        out.write(frame(b"p", n))
        out.flush()

    try:
        with open_source(Path(job.path)) as fh:  # plain or gzip
            data = pickle.dumps(aggregate_range(job, fh, tick), pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # the parent shows it and reads the range itself
        msg = f"{type(exc).__name__}: {exc}".encode()
        out.write(frame(b"e", len(msg), msg))
        out.flush()
        return 1
    out.write(frame(b"r", len(data), data))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
