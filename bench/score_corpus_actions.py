"""How many real action items the vague-action check flags: the real post-mortem corpus's
action lists (list items under a heading that names actions, follow-ups, remediation or next
steps), each flag printed with its rule so a person can judge whether it is fair.

    .venv/bin/python bench/score_corpus_actions.py [--quiet]

Issue 21 asks that real action lists not be flagged wholesale ("about a third of the flags
debatable" before); this prints the count to watch, never a score: the corpus has no labels.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus" / "real_postmortems"
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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="totals only")
    args = parser.parse_args(argv)
    from pm_tui.language.actions import check_vague

    docs = [p for p in sorted(CORPUS.glob("*.md")) if p.name != "README.md"]
    total = flagged = with_items = 0
    for doc in docs:
        items = action_items(doc.read_text(encoding="utf-8"))
        with_items += bool(items)
        for item in items:
            total += 1
            found = check_vague(item)
            if found:
                flagged += 1
                if not args.quiet:
                    print(f"{doc.name}: [{found[0].rule}] {item[:110]}")
    share = flagged / total if total else 0.0
    print(
        f"{flagged} of {total} action items flagged ({share:.0%}) in {with_items} of {len(docs)} documents"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
