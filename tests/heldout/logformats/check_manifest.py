"""Check that every list in manifest.toml has one entry per line of its log file.

Usage: python3 tests/heldout/logformats/check_manifest.py
Held-out ground truth: never used for tuning.
"""

import pathlib
import re
import sys
import tomllib

HERE = pathlib.Path(__file__).parent
LEVELS = {"debug", "info", "warning", "error", "critical", ""}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$")


def main():
    manifest = tomllib.loads((HERE / "manifest.toml").read_text(encoding="utf-8"))["files"]
    problems = []
    on_disk = {p.name for p in HERE.iterdir() if p.suffix in (".log", ".jsonl")}
    for name in sorted(on_disk - set(manifest)):
        problems.append(f"{name}: no manifest entry")
    for name, entry in manifest.items():
        path = HERE / name
        if not path.exists():
            problems.append(f"{name}: file missing")
            continue
        n = len(path.read_text(encoding="utf-8").splitlines())
        for key in ("lines", "levels"):
            if len(entry.get(key, [])) != n:
                problems.append(
                    f"{name}: {key} has {len(entry.get(key, []))} entries, file has {n} lines"
                )
        for key in ("format", "tz", "year"):
            if key not in entry:
                problems.append(f"{name}: missing {key}")
        for i, t in enumerate(entry.get("lines", []), 1):
            if t != "continuation" and not ISO.match(t):
                problems.append(f"{name}:{i}: bad time {t!r}")
        for i, lv in enumerate(entry.get("levels", []), 1):
            if lv not in LEVELS:
                problems.append(f"{name}:{i}: bad level {lv!r}")
    for p in problems:
        print(p)
    print(f"{len(manifest)} files checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
