"""Score the change-record reader on tools' exports it has no reader for (#20).

tests/data/change_exports/ (its generator says where each shape comes from) holds change
exports of deploy, IaC, cloud and config tools (dev/: developed on; heldout/: set aside before
the reader changed, never tuned on) and JSON that records no change (lookalike/). For each file:
the kind `classify` gives it, and for a change export whether every expected record is read
right: its time (to the second), what changed (words found in the change's service,
description or version), who did it and its status.

    .venv/bin/python bench/score_change_exports.py dev lookalike     # developed on
    .venv/bin/python bench/score_change_exports.py heldout           # never tuned on
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

EXPORTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "change_exports"


def check_file(path: Path, want: dict) -> list[str]:
    """What is wrong with the reading of `path` (empty when it is read right)."""
    from pm_tui.collectors.changes import collect_changes
    from pm_tui.collectors.classify import classify
    from pm_tui.collectors.evidence import CollectorError, CollectWindow

    got = classify(path)
    if got.kind != want["kind"]:
        return [f"kind {got.kind} ({got.reason}), want {want['kind']}"]
    if not want["records"]:
        return []
    window = CollectWindow(
        datetime.fromisoformat("2026-06-02T00:00:00+00:00"),
        datetime.fromisoformat("2026-06-03T00:00:00+00:00"),
    )
    try:
        items = collect_changes(path, window).evidence
    except CollectorError as exc:
        return [f"collect: {exc}"]
    wrong = []
    for rec in want["records"]:
        when = datetime.fromisoformat(rec["time"].replace("Z", "+00:00"))
        at = [e for e in items if abs((e.time - when).total_seconds()) < 1]
        if not at:
            wrong.append(f"no change at {rec['time']}")
            continue
        said = [
            (" ".join([e.text, e.attrs.get("service", ""), e.attrs.get("version", "")]).lower(), e)
            for e in at
        ]
        fits = [e for s, e in said if all(w.lower() in s for w in rec["what"])]
        if not fits:
            wrong.append(f"{rec['time']}: {rec['what']} not in {[s for s, _ in said]}")
            continue
        e = fits[0]
        if rec["who"] and e.attrs.get("actor", "") != rec["who"]:
            wrong.append(f"{rec['time']}: who {e.attrs.get('actor')!r}, want {rec['who']!r}")
        if (
            rec["status"]
            and rec["status"].lower() not in (e.attrs.get("status", "") + " " + e.text).lower()
        ):
            wrong.append(f"{rec['time']}: status {e.attrs.get('status')!r}, want {rec['status']!r}")
    return wrong


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folders", nargs="*", default=["dev", "lookalike"])
    args = p.parse_args(argv)
    expected = json.loads((EXPORTS / "expected.json").read_text(encoding="utf-8"))
    for folder in args.folders:
        names = sorted(k for k in expected if k.split("/", 1)[0] == folder)
        right = 0
        for name in names:
            wrong = check_file(EXPORTS / name, expected[name])
            right += not wrong
            print(
                f"{'ok  ' if not wrong else 'MISS'} {name}"
                + "".join(f"\n       {w}" for w in wrong)
            )
        print(f"{folder}: read right {right}/{len(names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
