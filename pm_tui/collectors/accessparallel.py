"""Aggregating a big plain access log on several cores: one byte range per process.

The caller's thread reads the first range itself while spawned processes read the others;
each returns a `RangeResult` whose edge buckets are raw (status counts and exact request-time
histograms), so merging them gives the buckets a single straight read gives. Progress is
the sum of the ranges' bytes; cancelling sets an event every worker checks between chunks.
Workers are spawned, not forked: the caller may be a thread of a running application.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from dataclasses import replace

from pm_tui.collectors.accesslog import AccessAggregator
from pm_tui.collectors.accessrange import RangeJob, RangeResult, aggregate_range
from pm_tui.collectors.evidence import Cancelled, CollectorError
from pm_tui.collectors.logfile import line_start_at, map_file

PARALLEL_MIN = 64 << 20  # smaller ranges are read by one process: start-up would cost more
RANGE_MIN = 32 << 20
MAX_WORKERS = 8
_POLL = 0.05


def worker_count(nbytes: int, cpus: int | None = None) -> int:
    """How many processes should read `nbytes`: 1 below PARALLEL_MIN or on one core."""
    cpus = cpus or os.cpu_count() or 1
    if nbytes < PARALLEL_MIN or cpus < 2:
        return 1
    return max(1, min(cpus, nbytes // RANGE_MIN, MAX_WORKERS))


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


def _worker(job: RangeJob, conn, done, stop) -> None:
    def tick(n: int) -> None:
        done.value = n
        if stop.is_set():
            raise Cancelled("cancelled")

    try:
        with open(job.path, "rb") as fh:
            conn.send(("ok", aggregate_range(job, fh, tick)))
    except Cancelled:
        conn.send(("cancelled", None))
    except Exception as exc:  # sent back whole: the caller turns it into one line
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def aggregate_parallel(
    jobs: list[RangeJob],
    progress,
    cancel: threading.Event | None,
) -> list[RangeResult]:
    """Read jobs[0] here and the others in spawned processes; results in file order.

    `progress(bytes_read)` is called between chunks; it may raise Cancelled. Raises
    Cancelled when `cancel` is set, CollectorError when a worker fails.
    """
    ctx = multiprocessing.get_context("spawn")
    stop = ctx.Event()
    workers = []
    try:
        for job in jobs[1:]:
            recv, send = ctx.Pipe(duplex=False)
            done = ctx.Value("q", 0, lock=False)
            proc = ctx.Process(target=_worker, args=(job, send, done, stop), daemon=True)
            proc.start()
            send.close()
            workers.append((proc, recv, done))

        def others() -> int:
            return sum(d.value for _, _, d in workers)

        def tick(n: int) -> None:
            if cancel is not None and cancel.is_set():
                raise Cancelled("cancelled")
            progress(n + others())

        with open(jobs[0].path, "rb") as fh:
            first = aggregate_range(
                jobs[0], fh, tick, AccessAggregator(jobs[0].source, jobs[0].max_samples)
            )
        results = [first]
        for proc, recv, _ in workers:
            while not recv.poll(_POLL):
                tick(first.read)
                if not proc.is_alive() and not recv.poll(0):
                    raise CollectorError(
                        f"{jobs[0].source}: a reader process died (exit {proc.exitcode}); retry"
                    )
            status, payload = recv.recv()
            if status == "cancelled":
                raise Cancelled("cancelled")
            if status == "error":
                raise CollectorError(f"{jobs[0].source}: reading failed: {payload}")
            results.append(payload)
        return results
    finally:
        stop.set()
        for proc, recv, _ in workers:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
            recv.close()
