"""How the vague-action check judges real action items: the real post-mortem corpus's action
lists (list items under a heading that names actions, follow-ups, remediation or next
steps), each flag printed with its rule so a person can judge whether it is fair, and, when
the items are labelled, precision and recall of the flags against the labels.

    .venv/bin/python bench/score_corpus_actions.py [--quiet] [--misses] [--labels FILE]

The labels (tests/data/corpus_actions/labels.tsv, `label<TAB>file<TAB>action`, 1 = vague)
were written blind to the rules by someone who only saw the 146 items. Issue 21 asks that
real action lists not be flagged wholesale: precision on real prose matters as much as recall
on the writers' sets. Each flag is printed as `[rule] (label)`: "vague" or "concrete" as
labelled; `--misses` also prints the vague items left unflagged.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus" / "real_postmortems"
LABELS = ROOT / "tests" / "data" / "corpus_actions" / "labels.tsv"
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ACTIONS = re.compile(r"action|follow[- ]?up|remediation|next steps|corrective|preventi", re.I)
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.+)$")


def action_items(text: str) -> list[str]:
    """The list items under action-like headings, until the next heading of the same or a
    higher level."""
    items: list[str] = []
    level = 0
    for line in text.splitlines():
        head = _HEADING.match(line)
        if head:
            depth = len(head.group(1))
            if level and depth <= level:
                level = 0
            if not level and _ACTIONS.search(head.group(2)):
                level = depth
            continue
        item = _ITEM.match(line) if level else None
        if item:
            items.append(item.group(1).strip())
    return items


def corpus_items() -> list[tuple[str, str]]:
    """(document name, action item) for every action item of the corpus, in order."""
    docs = [p for p in sorted(CORPUS.glob("*.md")) if p.name != "README.md"]
    return [(doc.name, item) for doc in docs for item in action_items(doc.read_text("utf-8"))]


def load_labels(path: Path = LABELS) -> dict[tuple[str, str], bool]:
    """(document, action) -> vague, from `label<TAB>file<TAB>action` lines."""
    out: dict[tuple[str, str], bool] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3 and parts[0].strip() in ("0", "1"):
            out[(parts[1], parts[2])] = parts[0].strip() == "1"
    return out


def pr(pairs: list[tuple[bool, bool]]) -> tuple[int, int, int, float, float]:
    """(label, flagged) pairs -> tp, fp, fn, precision, recall."""
    tp = sum(1 for y, g in pairs if y and g)
    fp = sum(1 for y, g in pairs if not y and g)
    fn = sum(1 for y, g in pairs if y and not g)
    return tp, fp, fn, tp / max(1, tp + fp), tp / max(1, tp + fn)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="totals only")
    parser.add_argument("--misses", action="store_true", help="also print vague items let pass")
    parser.add_argument("--labels", type=Path, default=LABELS, help="labels file (TSV)")
    args = parser.parse_args(argv)
    from pm_tui.language.actions import check_vague

    items = corpus_items()
    labels = load_labels(args.labels) if args.labels.is_file() else {}
    flagged = 0
    pairs: list[tuple[bool, bool]] = []
    unlabelled = 0
    for doc, item in items:
        found = check_vague(item)
        flagged += bool(found)
        label = labels.get((doc, item))
        if label is None:
            unlabelled += 1
        else:
            pairs.append((label, bool(found)))
        said = "" if label is None else (" (vague)" if label else " (concrete)")
        if found and not args.quiet:
            print(f"{doc}: [{found[0].rule}]{said} {item[:110]}")
        elif label and args.misses and not args.quiet:
            print(f"{doc}: [missed] (vague) {item[:110]}")
    docs = {doc for doc, _ in items}
    n_docs = len([p for p in CORPUS.glob("*.md") if p.name != "README.md"])
    share = flagged / len(items) if items else 0.0
    print(
        f"{flagged} of {len(items)} action items flagged ({share:.0%}) in {len(docs)} of "
        f"{n_docs} documents"
    )
    if pairs:
        tp, fp, fn, p, r = pr(pairs)
        print(
            f"against the labels ({len(pairs)} items, {sum(y for y, _ in pairs)} vague): "
            f"tp={tp} fp={fp} fn={fn} precision={p:.3f} recall={r:.3f}"
            + (f"; {unlabelled} items unlabelled" if unlabelled else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
