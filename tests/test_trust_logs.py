"""Every log reader is bounded: bisection always ends, FIFOs and devices are refused, huge
lines are cut, in-window records are capped while reading, a gzip bomb or a truncated gzip
is a gap. Each case runs in a subprocess: under 30 s and 300 MB, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests import hostile_logs
from tests.conftest import ROOT
from tests.hostile import peak_from, peak_mb_of

PROBE = """
import json, sys
from datetime import datetime, UTC, timedelta
from pm_tui.collectors.evidence import CollectWindow, CollectorError
from pm_tui.collectors.logs.collect import collect_logs
w = CollectWindow(datetime(2025, 2, 9, 10, 0, tzinfo=UTC), datetime(2025, 2, 9, 11, 0, tzinfo=UTC), timedelta(hours=1))
try:
    r = collect_logs(sys.argv[1], w)
    out = {"evidence": len(r.evidence), "gaps": [str(g) for g in r.gaps], "counts": r.counts}
except CollectorError as exc:
    out = {"error": str(exc)}
print(json.dumps(out))
"""


def _collect(path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", peak_mb_of(PROBE), str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    result = json.loads(done.stdout)
    result["peak_mb"] = peak_from(done.stderr)
    assert 0 < result["peak_mb"] < 300, result
    return result


def test_bisection_ends_when_the_last_line_is_longer_than_the_rest(tmp_path):
    result = _collect(hostile_logs.sorted_then_one_long_line(tmp_path / "sorted.log"))
    assert "error" not in result and result["counts"].get("bisected") == 1


def test_one_huge_line_is_cut_not_held(tmp_path):
    result = _collect(hostile_logs.one_huge_line(tmp_path / "huge.log", mb=48))
    assert result["peak_mb"] < 120, result  # probed by its head, never copied whole
    assert result.get("counts", {}).get("cut_lines", 0) >= 1 or "error" in result


def test_long_lines_in_the_window_are_capped_while_reading(tmp_path):
    result = _collect(hostile_logs.long_lines_in_window(tmp_path / "long.log.gz"))
    assert result["evidence"] >= 200
    assert any("not kept" in g for g in result["gaps"]), result["gaps"]


def test_a_gzip_bomb_is_capped_with_a_gap(tmp_path):
    result = _collect(hostile_logs.gzip_bomb(tmp_path / "bomb.log.gz"))
    assert any("decompressed size capped" in g for g in result["gaps"]), result


def test_a_truncated_gzip_keeps_what_was_read_with_a_gap(tmp_path):
    result = _collect(hostile_logs.truncated_gzip(tmp_path / "cut.log.gz"))
    assert result["evidence"] > 100
    assert any("ends early" in g for g in result["gaps"]), result


def test_a_fifo_and_a_device_are_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.log"
    os.mkfifo(fifo)
    (tmp_path / "zero.log").symlink_to("/dev/zero")
    for path in (fifo, tmp_path / "zero.log"):
        result = _collect(path)
        assert "not a regular file" in result.get("error", ""), result


def test_collect_of_a_fifo_from_the_cli_does_not_hang(sample_repo, tmp_path):
    from tests.conftest import SAMPLE_ID, run_cli

    fifo = tmp_path / "pipe.log"
    os.mkfifo(fifo)
    out = run_cli("--repo", str(sample_repo.root), "collect", SAMPLE_ID, "--logs", str(fifo))
    assert "Traceback" not in out.stderr and "not a regular file" in out.stdout + out.stderr
