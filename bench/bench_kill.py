"""kill -9 at random moments during save and commit: the figures of issue #13.

    .venv/bin/python bench/bench_kill.py [TRIES]      (default 100)

Each try starts `pm-tui edit ID --plain --yes --step 5 --summary ...` (a save, then a
commit) on a scratch copy of the sample repository, kills it with SIGKILL after a random
delay, then checks: the post-mortem file still parses (no torn file), `git fsck` is clean,
git's index holds no staged revert, and the next edit succeeds (a stale lock is recovered)
and commits. Prints the counts and the slowest recovery. Nothing is read outside the repo.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PM_ID = "2025-06-14-payment-webhook-backlog"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def _edit(root: Path, text: str) -> list[str]:
    return [
        sys.executable, "-m", "pm_tui.cli.main", "--repo", str(root), "edit", PM_ID,
        "--plain", "--yes", "--step", "5", "--summary", text,
    ]  # fmt: skip


def run(tries: int = 100, seed: int = 13, max_delay: float = 10.0) -> dict[str, float]:
    """Run `tries` kill -9 rounds; the figures as a dict."""
    from pm_tui.cli.cmd_demo import make_demo_repo
    from pm_tui.postmortem_store import Repository

    rnd = random.Random(seed)
    env = {**os.environ, "NO_COLOR": "1"}
    figures = dict.fromkeys(
        ("tries", "killed", "finished", "torn", "fsck_errors", "staged_reverts",
         "follow_up_failures", "follow_up_lock_explained", "lost_edits", "tracebacks"), 0
    )  # fmt: skip
    figures["slowest_follow_up_s"] = 0.0
    with tempfile.TemporaryDirectory(prefix="pm-tui-kill-") as tmp:
        root = make_demo_repo(Path(tmp) / "repo")
        repo = Repository(root)
        # how long one whole edit takes here: kills land between its start-up and its end
        t0 = time.monotonic()
        subprocess.run(_edit(root, "calibration"), cwd=ROOT, env=env, capture_output=True)
        whole = time.monotonic() - t0
        figures["edit_s"] = whole
        for n in range(tries):
            figures["tries"] += 1
            text = f"Summary of try {n}"
            proc = subprocess.Popen(_edit(root, text), cwd=ROOT, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
            time.sleep(rnd.uniform(0.4 * whole, min(max_delay, 1.1 * whole)))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                figures["killed"] += 1
            _, err = proc.communicate()
            if b"Traceback" in err:
                figures["tracebacks"] += 1
            finished = proc.returncode == 0
            figures["finished"] += finished
            try:
                pm = Repository(root).load(PM_ID)
            except Exception:  # noqa: BLE001 - any failure to read is a torn file
                figures["torn"] += 1
                shutil.copy2(ROOT / "sample_incidents" / f"{PM_ID}.toml", repo.path_for(PM_ID))
                continue
            if finished and pm.summary.strip() != text:
                figures["lost_edits"] += 1  # said it succeeded, edit not there
            fsck = _git(root, "fsck", "--no-progress")
            if fsck.returncode != 0 or "error" in fsck.stderr.lower():
                figures["fsck_errors"] += 1
            # staged revert: the index holds a version of a committed file that is neither
            # HEAD's nor the one on disk (a later `git commit` would undo a commit). A kill
            # between staging and moving HEAD leaves the disk's version staged: that is not one.
            staged = set(_git(root, "diff", "--cached", "--name-only").stdout.split())
            unstaged = set(_git(root, "diff", "--name-only").stdout.split())
            if staged & unstaged:
                figures["staged_reverts"] += 1
            if staged:
                _git(root, "reset", "-q")
            # the next edit must go through (stale pm-tui and git locks recovered or explained)
            t0 = time.monotonic()
            follow = subprocess.run(_edit(root, f"follow-up {n}"), cwd=ROOT, env=env,
                                    capture_output=True, text=True, timeout=120)  # fmt: skip
            figures["slowest_follow_up_s"] = max(
                figures["slowest_follow_up_s"], time.monotonic() - t0
            )
            if follow.returncode != 0:
                explained = ".lock exists" in follow.stderr and "delete" in follow.stderr
                figures["follow_up_lock_explained" if explained else "follow_up_failures"] += 1
                # a fresh git lock is explained, not removed: clear it as a person would
                for lock in ("index.lock", "HEAD.lock", "refs/heads/main.lock"):
                    (root / ".git" / lock).unlink(missing_ok=True)
    return figures


def main() -> None:
    tries = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    t0 = time.monotonic()
    figures = run(tries)
    print(f"kill -9 during save/commit: {tries} tries in {time.monotonic() - t0:.0f} s")
    for key, value in figures.items():
        print(f"  {key:22} {value:.2f}" if isinstance(value, float) else f"  {key:22} {value}")


if __name__ == "__main__":
    main()
