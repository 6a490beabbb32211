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
    for n in range(2, 18):
        if _round_folder(n).is_dir():
            ok &= check_round(n)
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


ROUND_FILES = {"blame.tsv": 2, "vague_actions.tsv": 2, "similar_causes.tsv": 3}


def check_file(label, path, ncols, earlier_texts=frozenset(), earlier_pairs=frozenset()):
    """One set file: `ncols` columns, labels 0/1, no empty text, no carriage return,
    no duplicate text (or pair, in either order), no text (or pair) equal to an
    earlier round's, compared after normalising case and whitespace.

    Prints only counts and row numbers, never the rows themselves.
    """
    if not path.exists():
        print(label, "missing")
        return False
    counts, problems, seen = collections.Counter(), [], {}
    raw = path.read_bytes()
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
        key = tuple(sorted(texts))
        if key in seen:
            problems.append((n, f"duplicate of row {seen[key]}"))
        seen.setdefault(key, n)
        if ncols == 3 and texts[0] == texts[1]:
            problems.append((n, "both causes identical"))
        if ncols == 3 and key in earlier_pairs:
            problems.append((n, "equal to an earlier round's pair"))
        if any(t in earlier_texts for t in texts):
            problems.append((n, "equal to an earlier round's row"))
    total = sum(counts.values())
    share = counts["1"] / total if total else 0.0
    print(label, dict(counts), f"share of 1: {share:.2f}", "problems:", problems[:5])
    return not problems and total > 0


def _round_folder(n):
    """Rounds 1-15 were scored and retired into tuning; later rounds are held out here."""
    return RETIRED / f"round{n}" if n <= 15 else HERE / f"round{n}"


def _earlier(n):
    """Texts and pairs of every round before round n (round 1 with redaction.tsv)."""
    texts = _texts(HERE / "redaction.tsv")
    pairs = set()
    for k in range(1, n):
        folder = _round_folder(k)
        texts |= _texts(folder / "blame.tsv") | _texts(folder / "vague_actions.tsv")
        pairs |= _pairs(folder / "similar_causes.tsv")
    return texts, pairs


def check_round(n):
    """Round n's files against the rounds before it. Round 2's causes are also compared
    with round 1's texts; round 3's causes only with round 2's pairs (as written)."""
    folder = _round_folder(n)
    if not folder.exists():
        return True
    texts, pairs = _earlier(n)
    ok = True
    for name, ncols in ROUND_FILES.items():
        earlier_texts = texts if ncols == 2 or n == 2 else frozenset()
        ok &= check_file(f"round{n}/{name}", folder / name, ncols, earlier_texts, pairs)
    return ok


if __name__ == "__main__":
    sys.exit(main())
