"""Sanity checks for the held-out sets (format only; never used for tuning)."""

import collections
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
# Sets already scored, retired into tuning on 2026-12-06 (third stop); see their README.
RETIRED = HERE.parent / "data" / "retired_heldout"


def decode(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "n\\":
            out.append("\n" if s[i + 1] == "n" else "\\")
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def main():
    ok = True
    for name in ("blame.tsv", "vague_actions.tsv"):
        p = RETIRED / "round1" / name
        if not p.exists():
            continue
        rows = [line.split("\t") for line in p.read_text(encoding="utf-8").splitlines()]
        bad = [r for r in rows if len(r) != 2 or r[0] not in ("0", "1")]
        ok &= not bad
        print(name, dict(collections.Counter(r[0] for r in rows)), "bad:", bad[:3])
    p = HERE / "redaction.tsv"
    if p.exists():
        lines = p.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "# label\tsecret\ttext", lines[0]
        counts = collections.Counter()
        for n, line in enumerate(lines[1:], 2):
            parts = line.split("\t")
            if len(parts) != 3 or parts[0] not in ("0", "1"):
                print("bad row", n, line[:80])
                ok = False
                continue
            label, secret, text = parts[0], decode(parts[1]), decode(parts[2])
            if not secret or secret not in text:
                print("column 2 not in text, row", n)
                ok = False
            counts[label] += 1
        print("redaction.tsv", dict(counts))
    ok &= check_round2()
    ok &= check_round3()
    ok &= check_round4()
    return 0 if ok else 1


def _norm(text):
    return " ".join(text.split()).casefold()


def _texts(path):
    """Every text column of a round-1 file, normalised (labels dropped)."""
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        out.update(_norm(part) for part in line.split("\t")[1:])
    return out


ROUND2 = {"blame.tsv": 2, "vague_actions.tsv": 2, "similar_causes.tsv": 3}


def check_round2():
    """Format of round2/: columns, labels, no duplicates, nothing shared with round 1.

    Prints only counts and row numbers, never the rows themselves.
    """
    folder = RETIRED / "round2"
    if not folder.exists():
        return True
    ok = True
    round1 = set()
    for name in ("blame.tsv", "vague_actions.tsv", "redaction.tsv"):
        round1 |= _texts((HERE if name == "redaction.tsv" else RETIRED / "round1") / name)
    for name, ncols in ROUND2.items():
        p = folder / name
        if not p.exists():
            print("round2/" + name, "missing")
            ok = False
            continue
        counts, problems, seen = collections.Counter(), [], {}
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            parts = line.split("\t")
            if (
                len(parts) != ncols
                or parts[0] not in ("0", "1")
                or not all(x.strip() for x in parts[1:])
            ):
                problems.append((n, "columns or label"))
                continue
            counts[parts[0]] += 1
            texts = [_norm(x) for x in parts[1:]]
            key = tuple(sorted(texts)) if ncols == 3 else tuple(texts)
            if key in seen:
                problems.append((n, f"duplicate of row {seen[key]}"))
            seen.setdefault(key, n)
            if ncols == 3 and texts[0] == texts[1]:
                problems.append((n, "both causes identical"))
            if any(t in round1 for t in texts):
                problems.append((n, "equal to a round-1 row"))
        total = sum(counts.values())
        share = counts["1"] / total if total else 0.0
        print("round2/" + name, dict(counts), f"share of 1: {share:.2f}", "problems:", problems[:5])
        ok &= not problems and total > 0
    return ok


def _pairs(path):
    """Unordered, normalised cause pairs of a 3-column file (labels dropped)."""
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            out.add(tuple(sorted(_norm(x) for x in parts[1:])))
    return out


def check_round3():
    """Format of round3/similar_causes.tsv: columns, labels, no duplicate pair in
    either order, no pair equal to a round-2 pair.

    Prints only counts and row numbers, never the rows themselves.
    """
    p = RETIRED / "round3" / "similar_causes.tsv"
    if not (RETIRED / "round3").exists():
        return True
    if not p.exists():
        print("round3/similar_causes.tsv missing")
        return False
    round2 = _pairs(RETIRED / "round2" / "similar_causes.tsv")
    counts, problems, seen = collections.Counter(), [], {}
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in ("0", "1") or not all(x.strip() for x in parts[1:]):
            problems.append((n, "columns or label"))
            continue
        counts[parts[0]] += 1
        a, b = _norm(parts[1]), _norm(parts[2])
        key = tuple(sorted((a, b)))
        if key in seen:
            problems.append((n, f"duplicate of row {seen[key]}"))
        seen.setdefault(key, n)
        if a == b:
            problems.append((n, "both causes identical"))
        if key in round2:
            problems.append((n, "equal to a round-2 pair"))
    total = sum(counts.values())
    share = counts["1"] / total if total else 0.0
    print(
        "round3/similar_causes.tsv",
        dict(counts),
        f"share of 1: {share:.2f}",
        "problems:",
        problems[:5],
    )
    ok = not problems and total > 0
    return check_round3_sentences() and ok


ROUND3_SENTENCES = ("blame.tsv", "vague_actions.tsv")


def check_round3_sentences():
    """Format of round3/blame.tsv and round3/vague_actions.tsv: two columns,
    labels 0/1, no duplicate text, no text equal to a round-1 or round-2 row
    (compared programmatically, after normalising case and whitespace).

    Prints only counts and row numbers, never the rows themselves.
    """
    earlier = set()
    for path in (
        RETIRED / "round1" / "blame.tsv",
        RETIRED / "round1" / "vague_actions.tsv",
        HERE / "redaction.tsv",
        RETIRED / "round2" / "blame.tsv",
        RETIRED / "round2" / "vague_actions.tsv",
    ):
        earlier |= _texts(path)
    ok = True
    for name in ROUND3_SENTENCES:
        p = RETIRED / "round3" / name
        if not p.exists():
            print("round3/" + name, "missing")
            ok = False
            continue
        counts, problems, seen = collections.Counter(), [], {}
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            parts = line.split("\t")
            if len(parts) != 2 or parts[0] not in ("0", "1") or not parts[1].strip():
                problems.append((n, "columns or label"))
                continue
            counts[parts[0]] += 1
            text = _norm(parts[1])
            if text in seen:
                problems.append((n, f"duplicate of row {seen[text]}"))
            seen.setdefault(text, n)
            if text in earlier:
                problems.append((n, "equal to a round-1 or round-2 row"))
        total = sum(counts.values())
        share = counts["1"] / total if total else 0.0
        print("round3/" + name, dict(counts), f"share of 1: {share:.2f}", "problems:", problems[:5])
        ok &= not problems and total > 0
    return ok


ROUND4 = HERE / "round4"
ROUND4_FILES = {"blame.tsv": 2, "vague_actions.tsv": 2, "similar_causes.tsv": 3}


def check_round4():
    """Format of round4/ (the current held-out set): columns, labels 0/1, no
    empty text, no carriage return, no duplicate text (or pair, in either
    order), and no text or pair equal to a row of an earlier round (rounds 1-3
    under tests/data/retired_heldout/ and redaction.tsv), compared
    programmatically after normalising case and whitespace.

    Prints only counts and row numbers, never the rows themselves.
    """
    if not ROUND4.exists():
        return True
    earlier_texts = set()
    for path in (
        RETIRED / "round1" / "blame.tsv",
        RETIRED / "round1" / "vague_actions.tsv",
        HERE / "redaction.tsv",
        RETIRED / "round2" / "blame.tsv",
        RETIRED / "round2" / "vague_actions.tsv",
        RETIRED / "round3" / "blame.tsv",
        RETIRED / "round3" / "vague_actions.tsv",
    ):
        earlier_texts |= _texts(path)
    earlier_pairs = _pairs(RETIRED / "round2" / "similar_causes.tsv") | _pairs(
        RETIRED / "round3" / "similar_causes.tsv"
    )
    ok = True
    for name, ncols in ROUND4_FILES.items():
        p = ROUND4 / name
        if not p.exists():
            print("round4/" + name, "missing")
            ok = False
            continue
        counts, problems, seen = collections.Counter(), [], {}
        raw = p.read_bytes()
        if b"\r" in raw:
            problems.append((0, "carriage return in file"))
        for n, line in enumerate(raw.decode("utf-8").split("\n"), 1):
            if not line and n > 1:
                continue  # the final newline
            parts = line.split("\t")
            if (
                len(parts) != ncols
                or parts[0] not in ("0", "1")
                or not all(x.strip() for x in parts[1:])
            ):
                problems.append((n, "columns or label"))
                continue
            counts[parts[0]] += 1
            texts = [_norm(x) for x in parts[1:]]
            key = tuple(sorted(texts)) if ncols == 3 else tuple(texts)
            if key in seen:
                problems.append((n, f"duplicate of row {seen[key]}"))
            seen.setdefault(key, n)
            if ncols == 3:
                if texts[0] == texts[1]:
                    problems.append((n, "both causes identical"))
                if key in earlier_pairs:
                    problems.append((n, "equal to an earlier round's pair"))
            elif texts[0] in earlier_texts:
                problems.append((n, "equal to an earlier round's row"))
        total = sum(counts.values())
        share = counts["1"] / total if total else 0.0
        print("round4/" + name, dict(counts), f"share of 1: {share:.2f}", "problems:", problems[:5])
        ok &= not problems and total > 0
    return ok


if __name__ == "__main__":
    sys.exit(main())
