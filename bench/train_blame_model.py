"""Train the weighed blame reading (pm_tui/language/learned.py) and check how it generalises.

    python bench/train_blame_model.py            # cross-writer figures, then write the weights
    python bench/train_blame_model.py --check    # figures only

Logistic regression (L2, full-batch gradient with AdaGrad steps) over the sentence features
of learned.features, in plain Python. Training rows: the retired blind rounds
(tests/data/retired_heldout/round{1,2,3,4}/blame.tsv) and our own blame sets (tests/data/
blame_sentences*.tsv without "holdout" in the name). Cross-writer check: train on three
rounds plus our own sets and score the fourth, for each of the four rotations; our own
held-out files are scored, never trained on. Prints figures only, never sentences.

The model learns from every row, also those a hand rule flags, without the rules' own
ids as features (BLAME_ROWS=norule, the default): it then weighs the readable features
(who stands where, next to which words) on all the blame it is shown, which is what carries
to a writer no rule was written for; it is applied only where no rule spoke.
BLAME_ROWS=all keeps the rule ids as features, BLAME_ROWS=residual trains only on the rows
no rule flags (both generalised worse across writers).
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"
ROUNDS = [DATA / "retired_heldout" / f"round{k}" / "blame.tsv" for k in (1, 2, 3, 4)]
L2 = float(os.environ.get("BLAME_L2", "0.001"))
EPOCHS = int(os.environ.get("BLAME_EPOCHS", "600"))
NGRAM_L2 = float(os.environ.get("BLAME_NGRAM_L2", "4"))  # how much more word n-grams are held
# each real post-mortem sentence counts this many times: the blind sets are dense with
# blame, real prose is not, and a false alarm there costs most
CORPUS_WEIGHT = int(os.environ.get("BLAME_CORPUS_WEIGHT", "1"))
MIN_COUNT = 2  # a feature seen in fewer training rows gets no weight


def rows(path: Path) -> list[tuple[bool, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line and line.strip():
            label, text = line.split("\t", 1)
            out.append((label.strip() == "1", text))
    return out


def own_sets() -> tuple[list[Path], list[Path]]:
    files = sorted(DATA.glob("blame_sentences*.tsv"))
    return [p for p in files if "holdout" not in p.name], [p for p in files if "holdout" in p.name]


def featurise(path: Path) -> list[tuple[bool, frozenset[str], bool]]:
    """(label, features, rules fired) per row."""
    from pm_tui.language import check_prose
    from pm_tui.language.learned import row_features

    out = []
    for label, text in rows(path):
        rules = frozenset(f.rule for f in check_prose(text, weighed=False))
        out.append((label, frozenset(row_features(text, rules)), bool(rules)))
    return out


CORPUS = ROOT / "tests" / "corpus" / "real_postmortems"


def corpus_docs() -> list[Path]:
    return [p for p in sorted(CORPUS.glob("*.md")) if p.name != "README.md"]


def corpus_rows(docs: list[Path]) -> list[tuple[bool, frozenset[str], bool]]:
    """The sentences of real blameless post-mortems that name someone and that no rule
    flags, as negative rows (read as lint_document reads them)."""
    from pm_tui.language.agents import reset_vocabulary, set_vocabulary
    from pm_tui.language.document import mask_markdown
    from pm_tui.language.learned import weigh
    from pm_tui.language.prose import check_sentences
    from pm_tui.language.text import split_sentences

    out = []
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        token = set_vocabulary(text)
        try:
            masked = mask_markdown(text)
            for start, end in split_sentences(masked):
                sentence = masked[start:end]
                weighed = weigh(sentence)
                if weighed is not None and not check_sentences(sentence):
                    out.extend([(False, frozenset(weighed[1]), False)] * CORPUS_WEIGHT)
        finally:
            reset_vocabulary(token)
    return out


def train(data: list[tuple[bool, frozenset[str], bool]]) -> tuple[dict[str, float], float]:
    counts: dict[str, int] = {}
    for _, feats, _ in data:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, c in counts.items() if c >= MIN_COUNT}
    mode = os.environ.get("BLAME_ROWS", "norule")
    xs = [
        (
            [f for f in feats if f in keep and not (mode == "norule" and f.startswith("rule:"))],
            1.0 if label else 0.0,
        )
        for label, feats, fired in data
        if "no-agent" not in feats and "no-cue" not in feats and not (mode == "residual" and fired)
    ]
    w = dict.fromkeys(keep, 0.0)
    b = 0.0
    g2 = dict.fromkeys(keep, 1e-8)
    gb2 = 1e-8
    n = len(xs)
    rate = 0.5
    for _ in range(EPOCHS):
        grad = {f: L2 * (NGRAM_L2 if f[:2] in ("w:", "b:") else 1.0) * w[f] for f in keep}
        gb = 0.0
        for feats, y in xs:
            z = b + sum(w[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            d = (p - y) / n
            gb += d
            for f in feats:
                grad[f] += d
        for f, g in grad.items():
            g2[f] += g * g
            w[f] -= rate * g / math.sqrt(g2[f])
        gb2 += gb * gb
        b -= rate * gb / math.sqrt(gb2)
    return {f: round(v, 4) for f, v in w.items() if abs(v) >= 1e-3}, round(b, 4)


def predict(w: dict[str, float], b: float, feats: frozenset[str]) -> float:
    if "no-agent" in feats or "no-cue" in feats:
        return 0.0  # learned.weigh never scores these
    z = b + sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def pr(pairs: list[tuple[bool, bool]]) -> tuple[float, float, int, int, int]:
    tp = sum(1 for y, g in pairs if y and g)
    fp = sum(1 for y, g in pairs if not y and g)
    fn = sum(1 for y, g in pairs if y and not g)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn


def line(name: str, data, w, b, t) -> str:
    rules = pr([(y, r) for y, _, r in data])
    both = pr([(y, r or predict(w, b, f) >= t) for y, f, r in data])
    return (
        f"{name:44} rows={len(data):4}  rules P {rules[0]:.3f} R {rules[1]:.3f}  "
        f"rules+weighed P {both[0]:.3f} R {both[1]:.3f}"
    )


def main(argv: list[str]) -> int:
    threshold = float(os.environ.get("BLAME_THRESHOLD", "0.85"))
    sweep = [float(x) for x in os.environ.get("BLAME_SWEEP", str(threshold)).split(",")]
    train_files, held = own_sets()
    feats = {p: featurise(p) for p in [*ROUNDS, *train_files, *held]}
    own = [row for p in train_files for row in feats[p]]
    docs = corpus_docs()
    halves = [corpus_rows(docs[0::2]), corpus_rows(docs[1::2])]
    print(f"L2 {L2}, epochs {EPOCHS}; cross-writer: trained on the other three rounds, our own")
    print("sets and one half of the real corpus; scored on the round and the other half")
    corpus = dict.fromkeys(sweep, 0)
    for k, test in enumerate(ROUNDS):
        rules = pr([(y, r) for y, _, r in feats[test]])
        out = [f"round{k + 1}: rules P {rules[0]:.3f} R {rules[1]:.3f}"]
        for h in (0, 1):
            others = [row for j, p in enumerate(ROUNDS) if j != k for row in feats[p]]
            w, b = train(others + own + halves[h])
            for t in sweep:
                both = pr([(y, r or predict(w, b, f) >= t) for y, f, r in feats[test]])
                flagged = sum(1 for _, f, _ in halves[1 - h] if predict(w, b, f) >= t)
                corpus[t] += flagged
                out.append(
                    f"  corpus half {h + 1}, t={t}: rules+weighed P {both[0]:.3f} R {both[1]:.3f}"
                    f", weighed findings in the other half ({len(docs[1 - h :: 2])} docs): {flagged}"
                )
        print("\n".join(out))
    for t in sweep:
        print(f"t={t}: unseen-corpus weighed findings, 3 rotations x 58 docs: {corpus[t]}")
    w, b = train([row for p in ROUNDS for row in feats[p]] + own + halves[0] + halves[1])
    for p in held:
        print(line(f"own held-out {p.name}", feats[p], w, b, threshold))
    for p in [*ROUNDS, *train_files]:
        print(line(f"trained on: {p.parent.name}/{p.name}", feats[p], w, b, threshold))
    if "--check" not in argv:
        from pm_tui.language.learned import WEIGHTS

        body = {"bias": b, "threshold": threshold, "weights": dict(sorted(w.items()))}
        WEIGHTS.write_text(json.dumps(body, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)} ({len(w)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
