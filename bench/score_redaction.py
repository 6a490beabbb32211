"""Score secret redaction: precision and recall on the own sets and on the held-out set.

    .venv/bin/python bench/score_redaction.py

Own sets (written with the rules): tests/data/redaction_cases.tsv and
tests/data/redaction_trust_cases.tsv. Held-out (written blind, never tuned on):
tests/heldout/redaction.tsv, where a label-0 row's column 2 must survive unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pm_tui.redact import redact  # noqa: E402


def _decode(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "n\\":
            out.append("\n" if s[i + 1] == "n" else "\\")
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def rows(path: Path, heldout: bool):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, secret, text = line.split("\t", 2)
        if heldout:
            yield label == "1", _decode(secret), _decode(text)
        else:
            yield label == "1", secret, text.replace("\\n", "\n")


def score(data, heldout: bool):
    tp = fp = fn = tn = 0
    misses = []
    for positive, secret, text in data:
        out, n = redact(text)
        if positive:
            if secret not in out:
                tp += 1
            else:
                fn += 1
                misses.append(("missed", text))
        else:
            # held-out: the look-alike must survive; own sets: nothing may be redacted
            wrong = (secret not in out) if heldout and secret else bool(n)
            if wrong:
                fp += 1
                misses.append(("false alarm", text))
            else:
                tn += 1
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    return tp, fp, fn, tn, precision, recall, misses


def main() -> None:
    sets = [
        ("own: redaction_cases.tsv", ROOT / "tests/data/redaction_cases.tsv", False),
        ("own: redaction_trust_cases.tsv", ROOT / "tests/data/redaction_trust_cases.tsv", False),
        ("HELD-OUT: tests/heldout/redaction.tsv", ROOT / "tests/heldout/redaction.tsv", True),
    ]
    show = "--misses" in sys.argv
    for name, path, heldout in sets:
        if not path.exists():
            print(f"{name}: missing")
            continue
        tp, fp, fn, tn, p, r, misses = score(list(rows(path, heldout)), heldout)
        print(f"{name}: precision {p:.3f} recall {r:.3f} (tp {tp} fp {fp} fn {fn} tn {tn})")
        if show and not heldout:
            for kind, text in misses:
                print(f"    {kind}: {text[:100]!r}")


if __name__ == "__main__":
    main()
