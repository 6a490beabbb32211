"""Train the weighed vague-action reading (pm_tui/language/checkable.py) and check how it
generalises to a writer it never saw.

    python bench/train_vague_model.py            # leave-one-writer-out figures, then write the weights
    python bench/train_vague_model.py --check    # figures only
    python bench/train_vague_model.py --corpus   # also train on the labelled corpus items

Every run also scores the real post-mortems' action items labelled blind
(tests/data/corpus_actions/labels.tsv, see bench/score_corpus_actions.py) with a model that
never saw them; with --corpus they are one more writer (each row counted VAGUE_CORPUS_WEIGHT
times) and the run prints the cross-fitted figure (the documents in two halves: trained
with one, scoring the other, both ways) next to the in-sample one. VAGUE_THRESHOLD, VAGUE_VETO and
VAGUE_SWEEP (thresholds to compare) choose the operating point.

Logistic regression (L2, full-batch gradient with AdaGrad steps) over the readable features
of checkable.features, in plain Python (as bench/train_blame_model.py). Writers: each retired
blind round (tests/data/retired_heldout/round*/vague_actions.tsv) and each training set
written by people who never saw the rules (tests/data/train*/vague_actions.tsv) is one
writer; our own sets (tests/data/vague_actions*.tsv without "holdout" in the name) are
always trained on, our own held-out files scored, never trained on.

Leave-one-writer-out: for each writer, train on every other writer plus our own sets and
score that writer with the rules alone and with the rules and the model together; the mean
and the worst writer are the forecast for a new writer. The rules were tuned on the older
rounds, so their figures there are optimistic; the writers added after the rules were last
tuned are the honest part. Prints figures only, never actions.
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pm_tui.language.logistic import sigmoid  # noqa: E402

DATA = ROOT / "tests" / "data"
L2 = float(os.environ.get("VAGUE_L2", "0.0003"))
EPOCHS = int(os.environ.get("VAGUE_EPOCHS", "800"))
CHECKABLE_GUARD = os.environ.get("VAGUE_GUARD", "1") == "1"
CORPUS_WEIGHT = int(os.environ.get("VAGUE_CORPUS_WEIGHT", "1"))
MIN_WRITERS = 2  # a feature seen in fewer writers' rows gets no weight


def rows(path: Path) -> list[tuple[bool, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line and line.strip():
            label, text = line.split("\t", 1)
            out.append((label.strip() == "1", text))
    return out


def writers() -> dict[str, Path]:
    found = {
        p.parent.name: p
        for p in sorted((DATA / "retired_heldout").glob("round*/vague_actions.tsv"))
    }
    found.update({p.parent.name: p for p in sorted(DATA.glob("train*/vague_actions.tsv"))})
    return found


def own_sets() -> tuple[list[Path], list[Path]]:
    files = sorted(DATA.glob("vague_actions*.tsv"))
    return [p for p in files if "holdout" not in p.name], [p for p in files if "holdout" in p.name]


Row = tuple[bool, frozenset[str], bool, str]  # label, features, rules flag it, writer


def featurise(path: Path, writer: str) -> list[Row]:
    return featurise_rows(rows(path), writer)


def featurise_rows(labelled: list[tuple[bool, str]], writer: str) -> list[Row]:
    from pm_tui.language.actions import rule_findings, rules_find_checkable
    from pm_tui.language.checkable import (
        _REFERENCE_ONLY,
        features,
        judged_text,
        overrules_checkable,
        states_a_fact,
    )

    out = []
    for label, text in labelled:
        if states_a_fact(text) or _REFERENCE_ONLY.match(text):
            # never flagged ("#2213": the ticket holds the action), never trained on
            out.append((label, frozenset(("rules:fact",)), False, writer))
            continue
        text = judged_text(text)  # as check_vague reads it: no link after it, a bold title alone
        feats = features(text)
        if CHECKABLE_GUARD and rules_find_checkable(text) and not overrules_checkable(feats):
            feats["rules:checkable"] = "1"  # never flagged by the model (see combine)
        out.append((label, frozenset(feats), bool(rule_findings(text)), writer))
    return out


def corpus_halves() -> tuple[list[Row], list[Row]]:
    """The real post-mortems' labelled action items (tests/data/corpus_actions/labels.tsv,
    see bench/score_corpus_actions.py) as two halves by document (a fixed hash of the
    document's name: CRC-32, odd or even), for cross-fitting: train on one half, score the
    other."""
    import zlib

    from bench.score_corpus_actions import corpus_items, load_labels

    labels = load_labels()
    docs = sorted({doc for doc, _ in corpus_items()})
    half = {doc: zlib.crc32(doc.encode("utf-8")) % 2 for doc in docs}
    out: tuple[list[Row], list[Row]] = ([], [])
    for doc, item in corpus_items():
        if (doc, item) in labels:
            out[half[doc]].extend(featurise_rows([(labels[(doc, item)], item)], CORPUS))
    return out


CORPUS = "corpus"
CORPUS_LABELS = DATA / "corpus_actions" / "labels.tsv"


def train(data: list[Row]) -> tuple[dict[str, float], float]:
    seen: dict[str, set[str]] = {}
    for _, feats, _, writer in data:
        for f in feats:
            seen.setdefault(f, set()).add(writer)
    keep = {f for f, ws in seen.items() if len(ws) >= MIN_WRITERS and f != "rules:checkable"}
    xs = [
        ([f for f in feats if f in keep], 1.0 if label else 0.0)
        for label, feats, _, _ in data
        if "rules:fact" not in feats
    ]
    w = dict.fromkeys(keep, 0.0)
    b = 0.0
    g2 = dict.fromkeys(keep, 1e-8)
    gb2 = 1e-8
    n = len(xs)
    rate = 0.5
    for _ in range(EPOCHS):
        grad = {f: L2 * w[f] for f in keep}
        gb = 0.0
        for feats, y in xs:
            z = b + sum(w[f] for f in feats)
            p = sigmoid(z)
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
    return sigmoid(b + sum(w.get(f, 0.0) for f in feats))


def pr(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    tp = sum(1 for y, g in pairs if y and g)
    fp = sum(1 for y, g in pairs if not y and g)
    fn = sum(1 for y, g in pairs if y and not g)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def combine(rules: bool, p: float, t: float, veto: float, feats: frozenset[str]) -> bool:
    """The shipped combination: the rules' flag stands unless the model is sure the action is
    checkable (p below `veto`, nothing open in it); the model flags what the rules leave at
    p >= t."""
    from pm_tui.language.checkable import _OPEN_SIGNS

    if "rules:fact" in feats:
        return False  # a statement of fact or a bare reference, not an action to judge
    vetoed = p < veto and not any(k in feats for k in _OPEN_SIGNS)
    return (rules and not vetoed) or (p >= t and "rules:checkable" not in feats)


def main(argv: list[str]) -> int:
    t = float(os.environ.get("VAGUE_THRESHOLD", "0.6"))
    veto = float(os.environ.get("VAGUE_VETO", "0.1"))
    sweep = [float(x) for x in os.environ.get("VAGUE_SWEEP", str(t)).split(",")]
    use_corpus = "--corpus" in argv and CORPUS_LABELS.is_file()
    train_files, held = own_sets()
    ws = writers()
    feats = {name: featurise(p, name) for name, p in ws.items()}
    own = [row for p in train_files for row in featurise(p, "own")]
    halves = corpus_halves() if CORPUS_LABELS.is_file() else ([], [])
    corpus = halves[0] + halves[1]
    # the corpus labels as one more writer, each row counted CORPUS_WEIGHT times: real
    # action lists are what the check meets, the writers' sets what it generalises from
    extra = corpus * CORPUS_WEIGHT if use_corpus else []
    held_rows = {p.name: featurise(p, "own-held") for p in held}
    print(
        f"L2 {L2}, epochs {EPOCHS}, veto {veto}; leave-one-writer-out over {len(ws)} writers"
        + (f" (the {len(corpus)} labelled corpus items trained on in every fold)" if extra else "")
    )
    table: dict[float, list[tuple[str, float, float, float, float]]] = {x: [] for x in sweep}
    alone: list[str] = []
    for name in ws:
        w, b = train([r for o, rs in feats.items() if o != name for r in rs] + own + extra)
        test = feats[name]
        rp, rr = pr([(y, r) for y, _, r, _ in test])
        for x in sweep:
            cp, cr = pr([(y, combine(r, predict(w, b, f), x, veto, f)) for y, f, r, _ in test])
            table[x].append((name, rp, rr, cp, cr))
        mp, mr = pr([(y, predict(w, b, f) >= 0.5) for y, f, _, _ in test])
        alone.append(f"  {name:10} weighed alone (0.5) P {mp:.3f} R {mr:.3f}")
    print("the model alone, trained without the writer (the rules' own tuning left out):")
    print("\n".join(alone))
    writers_only = [r for rs in feats.values() for r in rs] + own
    if corpus:
        # the corpus scored by a model that never saw it, then cross-fitted by documents
        never = train(writers_only)
        folds = (
            [train(writers_only + halves[1 - k] * CORPUS_WEIGHT) for k in (0, 1)]
            if use_corpus
            else []
        )
    for x in sweep:
        print(f"threshold {x}:")
        for name, rp, rr, cp, cr in table[x]:
            print(f"  {name:10} rules P {rp:.3f} R {rr:.3f}   rules+weighed P {cp:.3f} R {cr:.3f}")
        rows_ = table[x]
        mean = [sum(r[k] for r in rows_) / len(rows_) for k in (1, 2, 3, 4)]
        worst_r = min(rows_, key=lambda r: min(r[1], r[2]))
        worst_c = min(rows_, key=lambda r: min(r[3], r[4]))
        print(
            f"  mean       rules P {mean[0]:.3f} R {mean[1]:.3f}   rules+weighed P {mean[2]:.3f} "
            f"R {mean[3]:.3f}\n  worst      rules {worst_r[0]} P {worst_r[1]:.3f} R {worst_r[2]:.3f}"
            f"   rules+weighed {worst_c[0]} P {worst_c[3]:.3f} R {worst_c[4]:.3f}"
        )
        if corpus:
            rp, rr = pr([(y, r) for y, _, r, _ in corpus])
            w, b = never
            cp, cr = pr([(y, combine(r, predict(w, b, f), x, veto, f)) for y, f, r, _ in corpus])
            line = (
                f"  corpus     rules P {rp:.3f} R {rr:.3f}   never trained on P {cp:.3f} R {cr:.3f}"
            )
            if folds:
                pairs = [
                    (y, combine(r, predict(w, b, f), x, veto, f))
                    for k, (w, b) in enumerate(folds)
                    for y, f, r, _ in halves[k]
                ]
                line += "   cross-fitted P {:.3f} R {:.3f}".format(*pr(pairs))
            print(line)
    w, b = train(writers_only + extra)
    if extra:
        fp, fr = pr([(y, combine(r, predict(w, b, f), t, veto, f)) for y, f, r, _ in corpus])
        print(f"corpus in-sample (trained on it, threshold {t}) P {fp:.3f} R {fr:.3f}")
    for name, rs in held_rows.items():
        rp, rr = pr([(y, r) for y, _, r, _ in rs])
        cp, cr = pr([(y, combine(r, predict(w, b, f), t, veto, f)) for y, f, r, _ in rs])
        print(
            f"own held-out {name:32} rules P {rp:.3f} R {rr:.3f}   rules+weighed P {cp:.3f} R {cr:.3f}"
        )
    if "--check" not in argv:
        from pm_tui.language.checkable import WEIGHTS

        body = {"bias": b, "threshold": t, "veto": veto, "weights": dict(sorted(w.items()))}
        WEIGHTS.write_text(json.dumps(body, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
