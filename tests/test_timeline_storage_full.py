"""#20: the storage under a filesystem running out is the first observable failure.

A thin pool (LVM) filling with snapshots switches to out-of-data-space mode: the kernel says so
in one line at no level, queues every write, and a minute later the filesystem above shuts
down and the workers writing to it fail with I/O errors. The window starts at the kernel's line,
not at the workers' first error; the pool's usual 95% warnings of the days before start nothing.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pm_tui.timeline import load_candidates
from tests.timeline_clock import at, every, z
from tests.timeline_proposal import rebuilt


def _folder(root: Path, pool_line: str) -> Path:
    ev = root / "evidence"
    ev.mkdir(parents=True)
    syslog = [
        f"{t:%b %d %H:%M:%S} nfs-01 systemd[1]: Started Session {k} of user backup."
        for k, t in enumerate(every(at(8, 0, 30), at(12, 0), timedelta(minutes=9)))
    ]
    syslog.append(f"{at(8, 40, 2):%b %d %H:%M:%S} nfs-01 dmeventd[912]: WARNING: Thin pool "
                  "vg_nfs-tp_spool-tpool data is now 95.02% full.")  # fmt: skip
    syslog.append(f"{at(10, 31, 13):%b %d %H:%M:%S} nfs-01 kernel: [1910713.000000] {pool_line}")
    (ev / "syslog").write_text("\n".join(sorted(syslog)) + "\n", encoding="utf-8")
    app = [f"{z(t)} INFO worker render_pdf ok in 1.2s"
           for t in every(at(8, 0), at(12, 0), timedelta(seconds=20))]  # fmt: skip
    app += [f"{z(t)} ERROR worker writing /mnt/spool/pdf/x.pdf failed: [Errno 5] Input/output error"
            for t in every(at(10, 32, 20), at(11, 10), timedelta(seconds=15))]  # fmt: skip
    (ev / "pdf-worker.log").write_text("\n".join(sorted(app)) + "\n", encoding="utf-8")
    return ev


def _starts(tmp_path: Path, pool_line: str):
    ev = _folder(tmp_path / "incident", pool_line)
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Invoice PDFs stuck", at(10, 0), at(12, 0))
    first = [c for c in load_candidates(repo, pm_id) if c.kind == "first_symptom"]
    return min(first, key=lambda c: c.time) if first else None


def test_a_thin_pool_out_of_data_space_starts_the_incident(tmp_path):
    first = _starts(
        tmp_path,
        "device-mapper: thin: 253:2: switching pool to out-of-data-space (queue IO) mode",
    )
    assert first is not None and first.time == at(10, 31, 13)
    assert any("syslog" in s for s in first.sources)


def test_an_ordinary_kernel_line_before_the_errors_starts_nothing(tmp_path):
    first = _starts(tmp_path, "device-mapper: thin: 253:2: reached low water mark for data device")
    assert first is not None and first.time == at(10, 32, 20)
