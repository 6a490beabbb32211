"""The hostile-input figures of issue #13, on a scratch repository:

    .venv/bin/python bench/bench_hostile.py [--big]

Runs every command a person or CI runs over the hostile-file corpus (tests/hostile_files.py),
collects hostile logs (tests/hostile_logs.py; --big adds a 100 MB single line and a 150 MB
log), plants secrets in logs and checks `git log -p`, and watches the folder around the
repository. Prints: runs, tracebacks, slowest run (s), largest peak memory (MB), files
touched outside the repository, planted secrets found in git, and edits lost in silence.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import hostile_logs  # noqa: E402
from tests.hostile import git_history, run_cli_measured, tree_digest  # noqa: E402
from tests.hostile_files import hostile_postmortems, plant  # noqa: E402

SAMPLE_ID = "2025-02-09-api-service-degradation"
SECRETS = ["hunter2json", "Pa55wordUrl9", "PgEnvSecret1", "AKIAZ7QH2W5XKJ4LMN3P", "CookieSess1on99"]


def _run(root: Path, *args: str) -> tuple[subprocess.CompletedProcess, float, float]:
    """(process, seconds, peak MB of the CLI process itself) of one CLI run."""
    return run_cli_measured("--repo", str(root), *args, cwd=ROOT, timeout=300)


def main() -> None:
    from pm_tui.cli.cmd_demo import make_demo_repo

    big = "--big" in sys.argv
    figures = {"runs": 0, "tracebacks": 0, "slowest_s": 0.0, "peak_mb": 0.0,
               "outside_touched": 0, "secrets_in_git": 0, "lost_edits": 0}  # fmt: skip
    worst = ("", 0.0)
    with tempfile.TemporaryDirectory(prefix="pm-tui-hostile-") as tmp:
        tmp = Path(tmp)
        root = make_demo_repo(tmp / "repo")
        outside = tmp / "outside"
        outside.mkdir()
        (outside / "keep.txt").write_text("not pm-tui's\n")
        around = tree_digest(tmp / "outside")

        def run(*args: str) -> subprocess.CompletedProcess:
            nonlocal worst
            out, took, peak = _run(root, *args)
            figures["runs"] += 1
            if "Traceback" in out.stderr:
                figures["tracebacks"] += 1
                print("TRACEBACK:", args, out.stderr[-600:], file=sys.stderr)
            if took > figures["slowest_s"]:
                figures["slowest_s"], worst = took, (" ".join(args)[:60], took)
            figures["peak_mb"] = max(figures["peak_mb"], peak)
            return out

        from pm_tui.postmortem_store import Repository

        repo = Repository(root)
        corpus = hostile_postmortems()
        plant(repo, corpus)
        (repo.postmortems_dir / "2025-03-13-evil-link.evidence").symlink_to(outside)
        for command in (["list"], ["review"], ["search", "pool"], ["validate", "--all"]):
            run(*command)
        for pm_id in corpus:
            for command in (["validate", pm_id], ["show", pm_id], ["report", pm_id]):
                run(*command)
            run(
                "collect",
                pm_id,
                "--logs",
                str(ROOT / "sample_incidents" / SAMPLE_ID / "evidence" / "app" / "worker.log"),
            )
        logs = tmp / "logs"
        logs.mkdir()
        makers = [
            hostile_logs.sorted_then_one_long_line(logs / "sorted.log"),
            hostile_logs.one_huge_line(logs / "huge.log", mb=100 if big else 24),
            hostile_logs.long_lines_in_window(logs / "long.log.gz", lines=6000 if big else 3000),
            hostile_logs.gzip_bomb(logs / "bomb.log.gz"),
            hostile_logs.truncated_gzip(logs / "cut.log.gz"),
        ]
        if big:
            makers.append(
                hostile_logs.sorted_then_one_long_line(logs / "big.log", head_mb=150, tail_mb=1)
            )
        fifo = logs / "pipe.log"
        os.mkfifo(fifo)
        makers.append(fifo)
        secret_log = logs / "secrets.jsonl"
        secret_log.write_text("".join(json.dumps(x) + "\n" for x in [
            {"ts": "2025-02-09T10:06:00Z", "level": "error", "msg": "login", "password": SECRETS[0]},
            {"ts": "2025-02-09T10:06:01Z", "level": "error", "msg": "up", "url": f"https://u:{SECRETS[1]}@x/v1"},
            {"ts": "2025-02-09T10:06:02Z", "level": "error", "msg": f"PGPASSWORD={SECRETS[2]} psql"},
            {"ts": "2025-02-09T10:06:03Z", "level": "error", "msg": f"key {SECRETS[3]} used"},
            {"ts": "2025-02-09T10:06:04Z", "level": "error", "msg": f"Cookie: session={SECRETS[4]}"},
        ]))  # fmt: skip
        makers.append(secret_log)
        for log in makers:
            run("collect", SAMPLE_ID, "--logs", str(log))
        run("timeline", SAMPLE_ID, "--rebuild")
        history = git_history(root)
        figures["secrets_in_git"] = sum(s in history for s in SECRETS)
        figures["outside_touched"] = int(tree_digest(tmp / "outside") != around)
        # two edits at once, several rounds: an edit reported as done must be in the file
        draft = "2025-06-14-payment-webhook-backlog"
        for n in range(5):
            base = [sys.executable, "-m", "pm_tui.cli.main", "--repo", str(root), "edit", draft,
                    "--plain", "--yes", "--step", "5"]  # fmt: skip
            procs = [
                (subprocess.Popen([*base, "--summary", f"s{n}"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True), "summary", f"s{n}"),
                (subprocess.Popen([*base, "--root-cause", f"r{n}"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True), "root_cause", f"r{n}"),
            ]  # fmt: skip
            for proc, _field, _value in procs:
                proc.communicate(timeout=300)
            pm = Repository(root).load(draft)
            for proc, field, value in procs:
                figures["runs"] += 1
                if proc.returncode == 0 and getattr(pm, field).strip() != value:
                    figures["lost_edits"] += 1
    print("hostile input" + (" (--big)" if big else "") + f": {figures['runs']} runs")
    for key, value in figures.items():
        print(f"  {key:16} {value:.1f}" if isinstance(value, float) else f"  {key:16} {value}")
    print(f"  slowest run: {worst[0]} ({worst[1]:.1f} s)")


if __name__ == "__main__":
    main()
