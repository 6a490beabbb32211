"""Benchmark `collect --evidence` on a raw folder: about 30 files and 50 MB (#18).

The folder (generated once into the cache) is the test folder of tests/evidence_folders.py
plus big logs in a dozen real-world layouts (syslog, Apache error, logcat, epoch columns,
Java, JSON lines, an nginx access log, CBS...), some gzipped. Prints the time to classify
every file, the time to collect them all for a 2-hour window (the same call the CLI and the
wizard make), and peak memory. Bar: the whole under 5 s on a 2-core machine.

    .venv/bin/python bench/bench_evidence_folder.py [--size-mb 50]
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import resource
import shutil
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CACHE = Path(os.environ.get("PM_TUI_BENCH_CACHE", "/tmp/pm-tui-bench"))
START = datetime(2026, 3, 14, 6, 0, tzinfo=UTC)  # the logs span 06:00-12:00
BERLIN = ZoneInfo("Europe/Berlin")
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _layouts():
    """(file name, gzip?, line writer) for each big log."""

    def syslog(t, i, r):
        t = t.astimezone(BERLIN)
        return f"{MON[t.month - 1]} {t.day:2d} {t:%H:%M:%S} web-{i % 7} nginx[{900 + i % 50}]: upstream {r.random():.4f} ok"

    def apache(t, i, r):
        lvl = "error" if i % 50 == 0 else "notice"
        return f"[{t:%a %b %d %H:%M:%S %Y}] [{lvl}] [client 10.0.{i % 255}.{i % 7}] request {i}"

    def logcat(t, i, r):
        return f"{t:%m-%d %H:%M:%S}.{i % 1000:03d}  {1200 + i % 9}  {1300 + i % 11} {'IWED'[i % 4]} Tag{i % 5}: event {i}"

    def epoch_ms(t, i, r):
        return f"worker-{i % 4} {int(t.timestamp() * 1000)} {'INFO' if i % 9 else 'WARN'} queue {i % 100}"

    def java(t, i, r):
        return f"{t:%Y-%m-%d %H:%M:%S},{i % 1000:03d} [exec-{i % 12}] {'INFO ' if i % 30 else 'ERROR'} c.a.Svc - handled {i}"

    def jsonl(t, i, r):
        return f'{{"ts":"{t:%Y-%m-%dT%H:%M:%S}.{i % 1000:03d}Z","level":"{"info" if i % 40 else "error"}","msg":"req {i}","dur_ms":{i % 300}}}'

    def access(t, i, r):
        return f'10.1.{i % 255}.{i % 9} - - [{t:%d/%b/%Y:%H:%M:%S} +0000] "GET /api/{i % 50} HTTP/1.1" {200 if i % 60 else 503} {i % 5000} "-" "curl/8" 0.{i % 999:03d}'

    def cbs(t, i, r):
        return (
            f"{t:%Y-%m-%d %H:%M:%S}, {'Info' if i % 20 else 'Error':<21} CBS    Session {i} loaded"
        )

    def yymmdd(t, i, r):
        return f"{t:%y%m%d %H%M%S} {i % 300} INFO dfs.DataNode: block {i}"

    def logfmt(t, i, r):
        return f'ts={t:%Y-%m-%dT%H:%M:%S}.{i % 1000:03d}Z level={"info" if i % 25 else "warn"} msg="tick {i}" n={i}'

    def klog(t, i, r):
        return f"{'IWE'[i % 3]}{t:%m%d %H:%M:%S}.{i % 1000000:06d}    {i % 99} pod.go:{i % 400}] sync {i}"

    def redis(t, i, r):
        return f"1:M {t.day:02d} {MON[t.month - 1]} {t.year} {t:%H:%M:%S}.{i % 1000:03d} {'*#'[i % 2]} tick {i}"

    return [
        ("hosts/web/syslog", False, syslog), ("hosts/web/apache-error", False, apache),
        ("phone/logcat.txt", False, logcat), ("workers/queue.out", True, epoch_ms),
        ("app/service.log", False, java), ("app/events.jsonl", False, jsonl),
        ("edge/access.log", False, access), ("win/CBS.log", False, cbs),
        ("hdfs/datanode.log", True, yymmdd), ("app/gateway.logfmt", False, logfmt),
        ("k8s/kubelet.log", False, klog), ("cache/redis.log", False, redis),
    ]  # fmt: skip


def generate(folder: Path, size_mb: int) -> None:
    from tests.evidence_folders import build_folder

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    base = build_folder(folder)  # the test folder: 18 entries of every kind
    layouts = _layouts()
    per_file = size_mb * (1 << 20) // len(layouts)
    rnd = random.Random(18)
    span = timedelta(hours=6).total_seconds()
    for name, gz, write in layouts:
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        lines, size, i = [], 0, 0
        sample = len(write(START, 0, rnd)) + 1
        count = per_file // sample
        for i in range(count):
            line = write(START + timedelta(seconds=span * i / count), i, rnd)
            lines.append(line)
            size += len(line) + 1
        data = ("\n".join(lines) + "\n").encode()
        if gz:
            path.write_bytes(gzip.compress(data, compresslevel=1, mtime=0))
        else:
            path.write_bytes(data)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--size-mb", type=int, default=50)
    args = p.parse_args()
    folder = CACHE / f"evidence-folder-{args.size_mb}mb"
    if not (folder / "evidence").is_dir():
        started = time.perf_counter()
        generate(folder, args.size_mb)
        print(f"generated {folder} in {time.perf_counter() - started:.1f} s")
    evidence = folder / "evidence"
    files = [p for p in evidence.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)

    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.evidence_folder import scan_evidence, specs_for_files
    from pm_tui.collectors.runner import collect_all

    cpu0 = time.process_time()
    started = time.perf_counter()
    plan = scan_evidence([evidence])
    classified = time.perf_counter() - started
    window = CollectWindow(START + timedelta(hours=3), START + timedelta(hours=4))
    specs = specs_for_files(plan.files)
    from pm_tui.timeline.templates import compact_logs

    def ended(spec, result):  # what the workflow does with each source as soon as it ends
        result.evidence = compact_logs(result.evidence)

    results = collect_all(specs, window, on_result=ended)
    whole = time.perf_counter() - started
    cpu = time.process_time() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # this process's peak RSS
    unread = sum(f.kind is None for f in plan.files)
    records = sum(len(r.evidence) for r in results)
    print(
        f"folder: {len(plan.files)} entries ({len(files)} files, {total / (1 << 20):.1f} MB on disk), {unread} unread"
    )
    print(f"classify: {classified:.2f} s")
    print(
        f"classify + collect (2 h window incl. baseline): {whole:.2f} s, {records} records kept"
        f" (compacted per source, as evidence.jsonl keeps them), peak RSS {peak:.0f} MB"
    )
    load = os.getloadavg()[0]
    print(f"CPU time of this process: {cpu:.2f} s (load average {load:.1f} on {os.cpu_count()} cores:"
          " on a busy machine the wall time says more about the others)")  # fmt: skip
    print(f"bar: under 5 s -> {'ok' if whole < 5 else 'TOO SLOW'} (wall), "
          f"{'ok' if cpu < 5 else 'TOO SLOW'} (CPU); memory under 200 MB ->"
          f" {'ok' if peak < 200 else 'TOO MUCH'} (peak RSS {peak:.0f} MB)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
