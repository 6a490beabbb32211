"""Score the evidence classifier: each file's detected kind against an incident set's truth.

Each incident folder holds `evidence/` and `truth.toml` with `[files."evidence/PATH"] kind`.
Prints one line per wrong or unread file, then per-set figures. A truth entry for a folder (rotated or
per-run logs, like a Slack export) is right when every file listed under it has its kind.

    .venv/bin/python bench/score_evidence_kinds.py tests/incidents/dev       # tuning set
    .venv/bin/python bench/score_evidence_kinds.py tests/incidents/retired5   # a retired blind set
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    from pm_tui.collectors.evidence_folder import scan_evidence

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folder", help="a folder of incident folders (evidence/ and truth.toml each)")
    args = p.parse_args(argv)
    right = total = 0
    started = time.perf_counter()
    for incident in sorted(Path(args.folder).iterdir()):
        truth_path = incident / "truth.toml"
        if not truth_path.is_file():
            continue
        truth = tomllib.loads(truth_path.read_text(encoding="utf-8")).get("files", {})
        plan = scan_evidence([incident / "evidence"])
        got = {f.name: f for f in plan.files}
        inside: set[str] = set()  # listed files a truth entry for their folder stands for
        for name, want in sorted(truth.items()):
            total += 1
            found = got.get(name)
            kind = found.kind if found else None
            if found is None:
                # a folder of one kind (rotated or per-run logs) is one truth entry, as a Slack
                # export is: right when every file listed under it has that kind
                under = [n for n in got if n.startswith(name.rstrip("/") + "/")]
                inside.update(under)
                kinds = {got[n].kind for n in under}
                if len(kinds) == 1:
                    kind = kinds.pop()
            if kind == want.get("kind"):
                right += 1
            else:
                why = found.reason if found else "not listed"
                print(f"{incident.name}/{name}: want {want.get('kind')}, got {kind} ({why})")
        for name in sorted(set(got) - set(truth) - inside):
            print(f"{incident.name}/{name}: listed but not in the truth ({got[name].kind})")
    seconds = time.perf_counter() - started
    share = f"{100 * right / total:.1f}%" if total else "-"
    print(f"kinds right: {right}/{total} ({share}) in {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
