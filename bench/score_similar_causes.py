"""Score the similar-cause judgement of the insights' recurrence: precision and recall only.

    python bench/score_similar_causes.py [--set tests/data/similar_causes_own.tsv] [--without round4]
    python bench/score_similar_causes.py --cross


The set holds `label<TAB>cause_a<TAB>cause_b` lines (1 = the same recurring cause, 0 = not;
lines starting with # are comments). Each pair goes through
`pm_tui.insights.compute.similar_causes`, the judgement recurrence groups by (the pair
model of pm_tui/insights/cause_model.py). Prints one line of counts, precision and recall,
never a cause, so it can score a held-out set unread. `--without NAME` reads the causes with
the slot vocabulary written for every set but NAME (`pm_tui.insights.causes.VOCABULARY_PARTS`);
`--cross` scores each retired round that way, and with all of it. The model was trained on
every set here: how it carries to a writer it was not trained on is what
bench/train_similar_causes.py prints (leave one writer out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_SET = ROOT / "tests" / "data" / "similar_causes_own.tsv"
RETIRED = ROOT / "tests" / "data" / "retired_heldout"


def score(path: Path, without: str | None = None) -> tuple[int, int, int, int]:
    """(true positives, false positives, false negatives, true negatives) on the set, read
    with the vocabulary written for every set but `without`."""
    from pm_tui.insights.causes import Vocabulary
    from pm_tui.insights.compute import similar_causes

    vocabulary = Vocabulary(without) if without else None
    tp = fp = fn = tn = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.count("\t") < 2:
            continue
        label, a, b = line.split("\t")[:3]
        positive, got = label.strip() == "1", similar_causes(a, b, vocabulary)
        tp += positive and got
        fp += (not positive) and got
        fn += positive and not got
        tn += (not positive) and not got
    return tp, fp, fn, tn


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(DEFAULT_SET), metavar="FILE")
    parser.add_argument("--without", metavar="NAME", help="a part of the vocabulary left out")
    parser.add_argument("--cross", action="store_true", help="each retired round left out")
    args = parser.parse_args(argv)
    if args.cross:
        for folder in sorted(RETIRED.glob("round*/similar_causes.tsv")):
            name = folder.parent.name
            _print(f"{name} held out", score(folder, name))
            _print(f"{name} tuned on", score(folder))
        return 0
    path = Path(args.set)
    if not path.is_file():
        print(f"{args.set}: no such file", file=sys.stderr)
        return 2
    _print(path.name, score(path, args.without))
    return 0


def _print(name: str, counts: tuple[int, int, int, int]) -> None:
    tp, fp, fn, tn = counts
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(
        f"{name}: pairs={tp + fp + fn + tn} tp={tp} fp={fp} fn={fn} tn={tn} "
        f"precision={precision:.3f} recall={recall:.3f}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
