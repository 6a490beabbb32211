"""Benchmark: what the language checks cost the first time (a fresh process) and per 5,000 words.

    python bench/bench_language_cold.py [--ref REV] [--runs 5]

Prints, for this tree: the import of pm_tui.language, the cold first check of a real
post-mortem (the wizard's first validation: the rules' patterns, the prefilter and the word
list are all set up inside it), and the median CPU of later checks of a 5,000-word Markdown
document (bench_language.build_document), as prose and as actions. Cold figures are the
median of --runs fresh processes. With --ref, the same figures for the language checks of
git revision REV (its pm_tui/ taken with `git archive` into a temporary directory), on the
same documents, and this tree's cost relative to it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "corpus" / "real_postmortems" / "2i2c__2020-10-28-memory-overload.md"

_CHILD = r"""
import json, statistics, sys, time
c0, t0 = time.process_time(), time.perf_counter()
from pm_tui.language.document import lint_document
c1, t1 = time.process_time(), time.perf_counter()
lint_document(open(sys.argv[1], encoding="utf-8").read())
c2, t2 = time.process_time(), time.perf_counter()
out = {"import_cpu": c1 - c0, "first_cpu": c2 - c1, "first_wall": t2 - t1}
if sys.argv[3] == "warm":
    doc = open(sys.argv[2], encoding="utf-8").read()
    lint_document(doc)
    try:
        from pm_tui.language.actions import _check_vague
    except ImportError:
        _check_vague = None
    for mode in ("prose", "actions"):
        cpu = []
        for _ in range(15):
            if _check_vague is not None and hasattr(_check_vague, "cache_clear"):
                _check_vague.cache_clear()  # verdicts memoised by text: measure the work
            c = time.process_time()
            lint_document(doc, as_=mode)
            cpu.append(time.process_time() - c)
        out[mode] = statistics.median(cpu)
    from pm_tui.language import check_prose
    real = open(sys.argv[4], encoding="utf-8").read()
    cpu = []
    for _ in range(15):
        c = time.process_time()
        check_prose(real)
        cpu.append(time.process_time() - c)
    out["real"] = statistics.median(cpu)
print(json.dumps(out))
"""


def _measure(tree: Path, doc: Path, real: Path, runs: int) -> dict[str, float]:
    def child(mode: str) -> dict[str, float]:
        res = subprocess.run(
            [sys.executable, "-c", _CHILD, str(SAMPLE), str(doc), mode, str(real)],
            cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return json.loads(res.stdout)

    colds = [child("cold") for _ in range(runs)]
    warm = child("warm")
    out = {k: statistics.median(c[k] for c in colds) for k in colds[0]}
    out.update({k: warm[k] for k in ("prose", "actions", "real")})
    return out


def _print(label: str, m: dict[str, float]) -> None:
    print(
        f"{label:10} import {m['import_cpu'] * 1000:6.1f} ms CPU | first check (cold) "
        f"{m['first_cpu'] * 1000:6.1f} ms CPU, {m['first_wall'] * 1000:6.1f} ms wall | "
        f"5,000 words: prose {m['prose'] * 1000:5.1f} ms CPU, actions "
        f"{m['actions'] * 1000:5.1f} ms CPU, real prose {m['real'] * 1000:5.1f} ms CPU"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ref", help="a git revision to compare with (its pm_tui/ language checks)")
    ap.add_argument("--runs", type=int, default=5, help="fresh processes for the cold figures")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_language import build_document

    with tempfile.TemporaryDirectory(prefix="pm-tui-bench-lang-") as tmp:
        doc = Path(tmp) / "doc.md"
        doc.write_text(build_document(), encoding="utf-8")
        real = Path(tmp) / "real.txt"
        words: list[str] = []
        for p in sorted(SAMPLE.parent.glob("*.md")):  # as bench_validate: real post-mortem prose
            words += p.read_text(encoding="utf-8").split()
            if len(words) >= 5000:
                break
        real.write_text(" ".join(words[:5000]), encoding="utf-8")
        print(f"cold sample: {SAMPLE.name}; warm document: {len(doc.read_text().split())} words")
        here = _measure(ROOT, doc, real, args.runs)
        _print("this tree", here)
        if args.ref:
            ref_tree = Path(tmp) / "ref"
            ref_tree.mkdir()
            blob = subprocess.run(
                ["git", "archive", args.ref, "pm_tui"], cwd=ROOT, capture_output=True, check=True
            ).stdout
            with tarfile.open(fileobj=BytesIO(blob)) as tar:
                tar.extractall(ref_tree, filter="data")
            ref = _measure(ref_tree, doc, real, args.runs)
            _print(args.ref[:10], ref)
            ratios = ", ".join(
                f"{k} {here[k] / ref[k] - 1:+.0%}"
                for k in ("first_cpu", "prose", "actions", "real")
            )
            print(f"this tree against {args.ref[:10]}: {ratios}")


if __name__ == "__main__":
    main()
