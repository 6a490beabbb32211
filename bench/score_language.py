"""Score the language checks on labelled sets: precision and recall, figures only.

    python bench/score_language.py tests/data/blame_sentences.tsv tests/data/vague_actions.tsv

Each file holds `label<TAB>text` lines (1 = blameful / vague, 0 = not). A file whose name
holds "blame" is scored with the blame checks (check_prose), any other with the vague-action
checks (check_action). Prints one line per file: rows, true/false positives, false
negatives, precision and recall. It never prints the sentences, so it can score a held-out
set without anyone reading it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def score(path: Path) -> tuple[int, int, int, int, int]:
    from pm_tui.language import check_action, check_prose

    blame = "blame" in path.name
    tp = fp = fn = tn = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        if blame:
            got = any(f.rule.startswith("blame/") for f in check_prose(text))
        else:
            got = any(f.rule.startswith("vague-action/") for f in check_action(text))
        positive = label.strip() == "1"
        tp += positive and got
        fp += (not positive) and got
        fn += positive and not got
        tn += (not positive) and not got
    return tp + fp + fn + tn, tp, fp, fn, tn


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: score_language.py FILE.tsv [...]", file=sys.stderr)
        return 2
    for name in argv:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: no such file", file=sys.stderr)
            return 2
        n, tp, fp, fn, _tn = score(path)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        kind = "blame" if "blame" in path.name else "vague"
        print(
            f"{path.name:32} {kind:5} rows={n:4} tp={tp:3} fp={fp:3} fn={fn:3} "
            f"precision={precision:.3f} recall={recall:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
