"""Honest counts (#18): a big sorted log bisected to the incident window still reports the
lines in the file, with the lines read for the window beside them, in the table and the JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tests.conftest import SAMPLE_ID, run_cli


def _big_log(folder) -> tuple[int, int]:
    """A ~6 MB time-sorted app log over two days (the sample incident is on the 9th)."""
    t0 = datetime(2025, 2, 8, 0, 0, tzinfo=UTC)
    lines = [
        f"{t0 + timedelta(seconds=2 * i):%Y-%m-%dT%H:%M:%SZ} INFO api: request {i} served"
        for i in range(100_000)
    ]
    path = folder / "app.log"
    path.write_text("\n".join(lines) + "\n")
    return len(lines), path.stat().st_size


def test_a_bisected_log_reports_the_files_lines_and_the_scanned_ones(sample_repo, tmp_path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    lines, size = _big_log(folder)
    assert size > 4 << 20  # big enough to be bisected
    base = ("--repo", str(sample_repo.root), "collect", SAMPLE_ID, "--no-commit")
    done = run_cli(*base, "--evidence", str(folder), "--format", "json")
    assert done.returncode == 0, done.stderr
    (source,) = json.loads(done.stdout)["sources"]
    counts = source["counts"]
    assert counts["lines_read"] == lines  # the file's lines, not the window's
    assert counts["bisected"] == 1 and "lines_estimated" not in counts
    # the window (09:05-12:10 on the 9th, about 3 h at one line per 2 s) was all that was read
    assert 5_000 < counts["lines_scanned"] < 10_000
    assert counts["in_window"] <= counts["lines_scanned"]

    text = run_cli(*base, "--evidence", str(folder))
    assert text.returncode == 0, text.stderr
    row = next(line for line in text.stdout.splitlines() if "app.log" in line)
    assert f"{lines} lines ({counts['lines_scanned']} scanned)" in row
