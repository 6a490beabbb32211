"""Sanity checks for the held-out sets (format only; never used for tuning)."""

import collections
import pathlib
import sys

HERE = pathlib.Path(__file__).parent


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
        p = HERE / name
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
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
