"""Aggregating a big plain access log on several cores: one byte range per process.

The caller's thread reads the first range itself while spawned processes read the others;
each returns a `RangeResult` whose edge buckets are raw (status counts and exact request-time
histograms), so merging them gives the buckets a single straight read gives. Progress is
the sum of the ranges' bytes; cancelling ends the reader processes.

Readers are fresh interpreters (`python -m pm_tui.collectors.logs.access_reader_process`), not forks (the
caller may be one thread of a running application) nor multiprocessing spawns (which re-run
the caller's main script).

A big gzip access log cannot be cut, but is read whole by one reader process (`read_aside`)
while this process collects the other sources.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pm_tui.collectors.evidence import Cancelled
from pm_tui.collectors.logs.access_buckets import AccessAggregator
from pm_tui.collectors.logs.access_range import RangeJob, RangeResult, aggregate_range
from pm_tui.collectors.logs.file_reader import line_start_at, map_file, open_source

# smaller ranges are read by one process: a reader process costs about 0.06-0.1 s (CPU and
# wall) to start, and a 90-minute window of a busy access log (about 40 MB) reads in ~0.2 s
PARALLEL_MIN = 64 << 20
RANGE_MIN = 16 << 20
MAX_WORKERS = 8
GZIP_ASIDE_MIN = 512 << 10  # compressed; a reader process starts in about 0.1-0.2 s
_POLL = 0.05
_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def worker_count(nbytes: int, cpus: int | None = None) -> int:
    """How many processes should read `nbytes`: 1 below PARALLEL_MIN or on one core."""
    cpus = cpus or os.cpu_count() or 1
    if nbytes < PARALLEL_MIN or cpus < 2:
        return 1
    return max(1, min(cpus, nbytes // RANGE_MIN, MAX_WORKERS))


def read_aside(compressed: int, cpus: int | None = None) -> bool:
    """Whether a gzip access log of `compressed` bytes is read by one reader process.

    A gzip stream cannot be cut into ranges, but reading it in a process of its own leaves
    this one free for the other sources collected at the same time (their Python work would
    otherwise share one core with it); worth it from about 10 MB of log lines.
    """
    cpus = cpus or os.cpu_count() or 1
    return cpus >= 2 and compressed >= GZIP_ASIDE_MIN


def split_job(job: RangeJob, stop_hint: int, parts: int) -> list[RangeJob]:
    """Cut [job.start, stop_hint) into `parts` line-aligned ranges; the last runs to the end."""
    mm = map_file(job.path)
    if mm is None or parts < 2:
        return [job]
    try:
        span = stop_hint - job.start
        cuts = [line_start_at(mm, job.start + span * i // parts) for i in range(1, parts)]
    finally:
        mm.close()
    edges = [job.start, *sorted(set(cuts)), None]
    jobs = []
    for i, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
        if b is not None and b <= a:
            continue
        jobs.append(replace(job, start=a, end=b, first_range=i == 0))
    return jobs


class _Reader:
    """One reader process and the thread that follows its replies."""

    def __init__(self, job: RangeJob):
        import subprocess  # here: a collection that starts no reader never imports it

        self.job = job
        self.done = 0
        self.result: RangeResult | None = None
        self.error: str | None = None
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pm_tui.collectors.logs.access_reader_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.thread = threading.Thread(target=self._follow, daemon=True)
        self.thread.start()

    def _follow(self) -> None:
        import pickle

        try:
            self.proc.stdin.write(pickle.dumps(self.job, pickle.HIGHEST_PROTOCOL))
            self.proc.stdin.close()
            read = self.proc.stdout.read
            while True:
                head = read(9)
                if len(head) < 9:
                    err = self.proc.stderr.read().decode(errors="replace").strip()
                    self.error = err.splitlines()[-1] if err else "reader process stopped"
                    return
                kind, n = head[:1], int.from_bytes(head[1:], "big")
                if kind == b"p":
                    self.done = n
                elif kind == b"r":
                    self.result = pickle.loads(read(n))
                    return
                else:
                    self.error = read(n).decode(errors="replace")
                    return
        except (OSError, ValueError, pickle.UnpicklingError) as exc:
            self.error = str(exc)

    def finished(self) -> bool:
        return not self.thread.is_alive()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.thread.join(timeout=5)
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            f.close()


def aggregate_parallel(
    jobs: list[RangeJob],
    progress: Callable[[int], None],
    cancel: threading.Event | None,
    failures: list[str] | None = None,
    here: bool = True,
) -> list[RangeResult]:
    """Read jobs[0] here (all jobs in reader processes when not `here`) and the others in
    reader processes; results in file order.

    `progress(bytes_read)` is called between chunks. Raises Cancelled when `cancel` is set;
    a range whose process fails is read here instead (the result is the same) and the
    failure is appended to `failures`.
    """
    readers: list[_Reader] = []
    try:
        readers = [_Reader(job) for job in (jobs[1:] if here else jobs)]
        own = 0

        def tick(n: int) -> None:
            nonlocal own
            if cancel is not None and cancel.is_set():
                raise Cancelled("cancelled")
            own = n
            progress(own + sum(r.done for r in readers))

        results = []
        if here:
            with open(jobs[0].path, "rb") as fh:
                results.append(
                    aggregate_range(
                        jobs[0], fh, tick, AccessAggregator(jobs[0].source, jobs[0].max_samples)
                    )
                )
        for reader in readers:
            while not reader.finished():
                reader.thread.join(_POLL)
                tick(own)
            if reader.result is None:  # the process failed: read its range here
                if failures is not None:
                    failures.append(reader.error or "reader process failed")
                base = own
                with open_source(Path(reader.job.path)) as fh:
                    reader.result = aggregate_range(
                        reader.job, fh, lambda n, base=base: tick(base + n)
                    )
                own = base + reader.result.read
            results.append(reader.result)
        return results
    finally:
        for reader in readers:
            reader.stop()
