"""Benchmark: the language checks on a 5,000-word Markdown post-mortem (bar: <= 50 ms).

Run: python bench/bench_language.py   (prints the import time, the first run that compiles
the rules, and the median of later runs; then the sentence encoder's cost on 5,000 real words).

The sentence encoder (pm_tui/language/embed.py) reads only the sentences the hand features
leave borderline. Its part: 5,000 words of the real post-mortems (tests/corpus), and the
generated document, each checked with an empty embedding cache (the first run: the model
loads, the borderline sentences are encoded), again (the memory cache), and after the memory
is dropped (the disk cache, as a new process finds it); and the same with the encoder off.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def build_document(words: int = 5000, seed: int = 7) -> str:
    """A Markdown post-mortem of about `words` words: headings, lists, a table, code, prose
    mixing blameful and neutral sentences from the labelled set."""
    rng = random.Random(seed)
    sentences = [
        line.split("\t", 1)[1]
        for line in (DATA / "blame_sentences.tsv").read_text().splitlines()
        if "\t" in line
    ]
    actions = [
        line.split("\t", 1)[1]
        for line in (DATA / "vague_actions.tsv").read_text().splitlines()
        if "\t" in line
    ]
    parts: list[str] = ["---\ntitle: Generated incident\n---\n"]
    count = 0
    section = 0
    while count < words:
        section += 1
        parts.append(f"\n## Section {section}\n")
        para = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 8)))
        parts.append(para + "\n")
        parts.append("\n" + "\n".join(f"- [ ] {rng.choice(actions)}" for _ in range(4)) + "\n")
        parts.append("\n```\n$ kubectl get pods\nERROR: operator failed to reconcile\n```\n")
        parts.append("\n| Time | Event |\n|---|---|\n| 10:12 | " + rng.choice(sentences) + " |\n")
        count = sum(len(p.split()) for p in parts)
    return "".join(parts)


def real_document(words: int = 5000) -> str:
    """The first `words` words of the real post-mortems (sorted by name), as one document."""
    parts, count = [], 0
    for path in sorted((ROOT / "tests" / "corpus" / "real_postmortems").glob("*.md")):
        if path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(parts)


def encoder_costs() -> None:
    """The encoder's cost: first run (empty caches), memory cache, disk cache, encoder off."""
    import os
    import tempfile

    from pm_tui.language import embed
    from pm_tui.language.document import lint_document

    if not embed.installed():
        print("sentence encoder: not installed (the hand-only reading); nothing to measure")
        return
    for name, doc in (("real post-mortems", real_document()), ("generated", build_document())):
        lint_document(doc)  # the rules compiled, so only the encoder's part differs below
        with tempfile.TemporaryDirectory() as cache:
            os.environ[embed.CACHE_ENV] = cache
            os.environ[embed.SWITCH_ENV] = "on"
            embed.reset()
            figures = []
            for step in ("first run (model loads, encodes)", "memory cache", "disk cache"):
                if step == "disk cache":
                    embed.reset()
                    os.environ[embed.SWITCH_ENV] = "on"
                t0, c0 = time.perf_counter(), time.process_time()
                found = lint_document(doc)
                figures.append(
                    f"{step}: {(time.perf_counter() - t0) * 1000:.0f} ms wall "
                    f"{(time.process_time() - c0) * 1000:.0f} ms CPU, {len(found)} findings, "
                    f"encoded {embed.stats['encoded']} from disk {embed.stats['disk']}"
                )
            os.environ[embed.SWITCH_ENV] = "off"
            embed.reset()
            t0, c0 = time.perf_counter(), time.process_time()
            found = lint_document(doc)
            figures.append(
                f"encoder off: {(time.perf_counter() - t0) * 1000:.0f} ms wall "
                f"{(time.process_time() - c0) * 1000:.0f} ms CPU, {len(found)} findings"
            )
            del os.environ[embed.SWITCH_ENV], os.environ[embed.CACHE_ENV]
            embed.reset()
        print(f"encoder, {name} ({len(doc.split())} words):\n    " + "\n    ".join(figures))


def main() -> None:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import pm_tui.language"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    total_us = sum(
        int(line.split("|")[1])
        for line in out.stderr.splitlines()
        if "pm_tui.language" in line and line.split("|")[2].strip() == "pm_tui.language"
    )
    print(f"import pm_tui.language (cumulative, from -X importtime): {total_us / 1000:.1f} ms")
    sys.path.insert(0, str(ROOT))
    from pm_tui.language.document import lint_document

    doc = build_document()
    print(f"document: {len(doc.split())} words, {len(doc)} characters")
    t0 = time.perf_counter()
    first = lint_document(doc)
    print(
        f"first run (compiles the rules): {(time.perf_counter() - t0) * 1000:.1f} ms, "
        f"{len(first)} findings"
    )
    for mode in ("prose", "actions"):
        runs, cpu = [], []
        for _ in range(15):
            t0, c0 = time.perf_counter(), time.process_time()
            lint_document(doc, as_=mode)
            runs.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        # CPU time is printed too: on a shared, loaded machine wall time includes waiting.
        print(
            f"lint_document(as_={mode!r}) on 5,000 words: median {statistics.median(runs):.1f} ms "
            f"wall, {statistics.median(cpu):.1f} ms CPU, max {max(runs):.1f} ms wall (bar 50 ms)"
        )
    encoder_costs()
    print(f"total bench time: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
