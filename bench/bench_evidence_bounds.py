"""The bounds of #18's "Speed and bounds", one hostile input at a time, through the CLI.

Each input is collected as a person would (`pm-tui collect ID --logs FILE`, and the same in
an evidence folder, `--evidence DIR`): a file that is one 100 MB line, a FIFO nobody writes
to, /dev/zero, a gzip bomb (a small .gz inflating to 1 GB of newline-free zeros) and a tar
bomb (a .tar.gz whose one member claims 8 GB). Prints, per input: the exit code, seconds,
the CLI process's peak memory (VmHWM) and the gap or reason the summary gives.
Bars: each ends within seconds (10 s here, on a busy 2-core machine), under 200 MB, with a
reason shown, never a traceback.

    .venv/bin/python bench/bench_evidence_bounds.py
"""

from __future__ import annotations

import gzip
import os
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import hostile_logs  # noqa: E402
from tests.hostile import run_cli_measured  # noqa: E402

PM_ID = "2025-02-09-api-errors"
BAR_S, BAR_MB = 10.0, 200.0


def _tar_bomb(path: Path) -> Path:
    """A .tar.gz whose one member's header claims 8 GB (its data is never written)."""
    info = tarfile.TarInfo("huge.log")
    info.size = 8 << 30
    with gzip.open(path, "wb") as gz:  # the header alone: a reader must stop at it
        gz.write(info.tobuf(tarfile.GNU_FORMAT) + bytes(512 * 20))
    return path


def _said(stdout: str, stderr: str, name: str) -> str:
    """The summary's line about `name` (its reason or gap), or the error line."""
    for line in (stdout + "\n" + stderr).splitlines():
        if name in line and ":" in line and not line.lstrip().startswith(("[", "logs ", "other ")):
            return line.strip()[:150]
    lines = [ln for ln in stderr.splitlines() if ln.startswith("pm-tui:")]
    return (lines[-1] if lines else "-")[:150]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pm-tui-bounds-") as tmp:
        tmp = Path(tmp)
        os.environ["PM_TUI_CONFIG"] = str(tmp / "no-config.toml")
        repo = tmp / "repo"
        out, _, _ = run_cli_measured("--repo", str(repo), "new", "--title", "api errors",
                                     "--started", "2025-02-09T10:00:00Z", "--resolved",
                                     "2025-02-09T10:30:00Z", "--yes", cwd=ROOT)  # fmt: skip
        assert out.returncode == 0, out.stderr
        inputs = tmp / "inputs"
        inputs.mkdir()
        cases = {
            "one 100 MB line": hostile_logs.one_huge_line(inputs / "huge.log", mb=100),
            "gzip bomb (1 GB of zeros)": hostile_logs.gzip_bomb(inputs / "bomb.log.gz", mb=1024),
            "tar bomb (8 GB claimed)": _tar_bomb(inputs / "bomb.tar.gz"),
            "FIFO": inputs / "pipe.log",
            "/dev/zero": Path("/dev/zero"),
        }
        os.mkfifo(cases["FIFO"])
        folder = tmp / "evidence"
        folder.mkdir()
        for name, path in cases.items():
            if path.parent == inputs and name != "tar bomb (8 GB claimed)":
                (folder / path.name).symlink_to(path)
        (folder / "zero.log").symlink_to("/dev/zero")
        print(f"{'input':28} {'how':10} {'exit':>4} {'s':>6} {'MB':>6}  what the summary says")
        worst_s = worst_mb = 0.0
        runs = [(n, "--logs", str(p)) for n, p in cases.items() if n != "tar bomb (8 GB claimed)"]
        runs.append(
            ("tar bomb (8 GB claimed)", "--evidence", str(cases["tar bomb (8 GB claimed)"]))
        )
        runs.append(("all of them in a folder", "--evidence", str(folder)))
        tracebacks = 0
        for name, how, target in runs:
            out, took, peak = run_cli_measured(
                "--repo", str(repo), "collect", PM_ID, how, target, "--no-commit",
                cwd=ROOT, timeout=120,
            )  # fmt: skip
            tracebacks += "Traceback" in out.stderr
            worst_s, worst_mb = max(worst_s, took), max(worst_mb, peak)
            said = _said(out.stdout, out.stderr, Path(target).name)
            if how == "--evidence" and name.startswith("all"):
                said = f"{out.stdout.count('UNREAD')} unread, {out.stdout.count('gaps')} with gaps"
            print(f"{name:28} {how:10} {out.returncode:>4} {took:6.2f} {peak:6.0f}  {said}")
    ok = worst_s < BAR_S and worst_mb < BAR_MB and not tracebacks
    print(f"slowest {worst_s:.2f} s, largest peak {worst_mb:.0f} MB, {tracebacks} tracebacks ->"
          f" bars (under {BAR_S:.0f} s, under {BAR_MB:.0f} MB, none) {'met' if ok else 'NOT met'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
