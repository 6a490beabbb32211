"""Score the similar-cause judgement of the insights' recurrence: precision and recall only.

    python bench/score_similar_causes.py [--set tests/data/similar_causes_own.tsv]

The set holds `label<TAB>cause_a<TAB>cause_b` lines (1 = the same recurring cause, 0 = not;
lines starting with # are comments). Each pair goes through
`pm_tui.insights.compute.similar_causes`, the rule recurrence groups by. Prints one line of
counts, precision and recall, never a cause, so it can score a held-out set unread.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_SET = ROOT / "tests" / "data" / "similar_causes_own.tsv"


def score(path: Path) -> tuple[int, int, int, int]:
    """(true positives, false positives, false negatives, true negatives) on the set."""
    from pm_tui.insights.compute import similar_causes

    tp = fp = fn = tn = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.count("\t") < 2:
            continue
        label, a, b = line.split("\t")[:3]
        positive, got = label.strip() == "1", similar_causes(a, b)
        tp += positive and got
        fp += (not positive) and got
        fn += positive and not got
        tn += (not positive) and not got
    return tp, fp, fn, tn


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(DEFAULT_SET), metavar="FILE")
    args = parser.parse_args(argv)
    path = Path(args.set)
    if not path.is_file():
        print(f"{args.set}: no such file", file=sys.stderr)
        return 2
    tp, fp, fn, tn = score(path)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(
        f"{path.name}: pairs={tp + fp + fn + tn} tp={tp} fp={fp} fn={fn} tn={tn} "
        f"precision={precision:.3f} recall={recall:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
