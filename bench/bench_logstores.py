"""What the log-store collectors cost: import time of each (botocore for CloudWatch is lazy)
and records per second through the shared sink (mapping + redaction), no network.

    .venv/bin/python bench/bench_logstores.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 cwd=ROOT, check=True).stdout) for _ in range(3)]  # fmt: skip
    return min(runs)


def main() -> None:
    for module in ("pm_tui.collectors.loki", "pm_tui.collectors.elasticsearch",
                   "pm_tui.collectors.clickhouse", "pm_tui.collectors.cloudwatch",
                   "botocore.session, botocore.auth, botocore.awsrequest"):  # fmt: skip
        print(f"import {module}: {import_ms(module):.0f} ms")
    sys.path.insert(0, str(ROOT))
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.log_stores import LogSink

    start = datetime(2025, 2, 9, 10, tzinfo=UTC)
    window = CollectWindow(start=start, end=start + timedelta(hours=1), baseline=timedelta(0))
    n = 50_000
    lines = [
        json.dumps(
            {
                "ts": "x",
                "level": "error",
                "msg": f"payment {i} failed token=abc{i}def",
                "service": "payments",
            }
        )  # fmt: skip
        for i in range(n)
    ]
    sink = LogSink("bench", window, n)
    t0 = time.perf_counter()
    for i, line in enumerate(lines):
        sink.add_line(start + timedelta(milliseconds=60 * i), line)
    result = sink.result("loki", "bench", "")
    took = time.perf_counter() - t0
    print(f"sink: {len(result.evidence):,} JSON-line records in {took:.2f} s "
          f"({len(result.evidence) / took:,.0f}/s), {result.redactions} redactions")  # fmt: skip


if __name__ == "__main__":
    main()
