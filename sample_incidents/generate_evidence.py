#!/usr/bin/env python3
"""Write the raw evidence of the 2025-02-09 api incident, as the real tools write it.

    python sample_incidents/generate_evidence.py                # the shipped set
    python sample_incidents/generate_evidence.py --scale 20 -o /tmp/big-evidence

Deterministic: a seeded random generator and fixed timestamps, no wall clock, so the
same arguments always give the same bytes. `--scale N` multiplies the request rate
(the shipped set is scale 1, a few requests per second). See the README.md written
next to the evidence for what each file is.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evidence_gen import comms, logs, metrics, records, slack, traffic  # noqa: E402
from evidence_gen import scenario as sc  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "2025-02-09-api-service-degradation" / "evidence"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if path.suffix == ".gz":
        buf = io.BytesIO()
        # mtime=0 and no file name in the header: the same text gives the same bytes
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
            gz.write(data)
        data = buf.getvalue()
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def build(scale: float = 1.0, seed: int = 20250209) -> dict[str, str]:
    """Every evidence file: relative path -> text (gzip is applied when written)."""
    reqs = traffic.generate(scale=scale, seed=seed)
    app = logs.app_log(reqs, random.Random(seed + 1))
    files = {
        "nginx/access.log.gz": logs.access_log(reqs),
        "app/api.jsonl.gz": logs.app_jsonl(app),
        "app/worker.log": logs.worker_log(random.Random(seed + 2)),
        "kubectl/api-logs.txt.gz": logs.kubectl_logs(app, sc.KUBECTL_POD, random.Random(seed + 3)),
        "kubectl/events.json": records.kube_events(random.Random(seed + 4)),
        "prometheus/metrics.om.gz": metrics.openmetrics(reqs, random.Random(seed + 5)),
        "prometheus/rules.yml": metrics.RULES_YML,
        "prometheus/error_ratio.query_range.json": metrics.query_range_error_ratio(reqs),
        "alertmanager/notifications.json": comms.notifications(
            metrics.error_ratio_5m(reqs, sc.ALERT_FIRING),
            metrics.error_ratio_5m(reqs, sc.at("11:03")),
        ),
        "pagerduty/log_entries.json": comms.pagerduty_log_entries(),
        "changes/deployments.json": records.deployments(),
        "changes/git-log.txt": records.git_log(),
    }
    for name, text in slack.slack_export().items():
        files[f"slack/{name}"] = text
    return files


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUT,
        help="folder to write (default: the shipped evidence)",
    )
    p.add_argument("--scale", type=float, default=1.0, help="request-rate multiplier (default 1)")
    p.add_argument("--seed", type=int, default=20250209)
    a = p.parse_args(argv)
    if a.scale <= 0:
        p.error("--scale must be positive")
    t0 = time.perf_counter()
    files = build(a.scale, a.seed)
    for rel, text in sorted(files.items()):
        _write(a.output / rel, text)
    size = sum((a.output / rel).stat().st_size for rel in files)
    print(
        f"wrote {len(files)} files, {size / 1e6:.2f} MB, to {a.output} in {time.perf_counter() - t0:.1f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
