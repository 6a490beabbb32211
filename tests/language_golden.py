"""Every finding of the language checks and of `validate` over a fixed set of inputs.

The findings were recorded (into tests/data/language_golden.json) before validation was made
faster; test_language_golden.py asserts that the fast path still finds exactly the same.
Regenerate only when a rule is changed on purpose:

    python tests/language_golden.py
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "language_golden.json"
CORPUS = ROOT / "tests" / "corpus" / "real_postmortems"
SAMPLES = sorted((ROOT / "sample_incidents").glob("*.toml"))
TSVS = [
    "blame_sentences.tsv",
    "blame_sentences_holdout.tsv",
    "blame_sentences_holdout2.tsv",
    "vague_actions.tsv",
    "vague_actions_holdout.tsv",
    "vague_actions_holdout2.tsv",
]

# Blameful and vague text put into a sample post-mortem, at several kinds of field
# (multi-line string, one-line string, action, factor, last why), to check findings and
# their line:column too.
INJECTED = [
    "Bob forgot to renew the certificate.",
    "The on-call engineer should have checked the dashboard.",
    "This was caused by human error.",
    "A careless change by the DBA dropped the index.",
    "If Alice had read the runbook, this would not have happened.",
]
TODAY = date(2025, 7, 1)


def _lang(findings) -> list[str]:
    return [f"{f.rule} {f.start} {f.end}" for f in findings]


def _doc(findings) -> list[str]:
    return [f"{f.rule} {f.start} {f.end} {f.line}:{f.column}" for f in findings]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _variants(text: str) -> list[str]:
    out = [text]
    for s in INJECTED:
        out.append(text.replace('summary = """\n', f'summary = """\n{s} ', 1))
        for key in ("description", "action", "text"):
            out.append(re.sub(rf'^{key} = "(?!")', f'{key} = "{s} ', text, count=1, flags=re.M))
        for array in ("immediate_causes", "systemic_issues", "whys", "lessons"):
            # a new last item: for whys, the last answer of a Five Whys chain
            head = f"\n{array} = [\n"
            out.append(
                text.replace(head, f'{head}    "{s}",\n', 1)
                if array != "whys"
                else re.sub(
                    r'(\nwhys = \[\n(?:    "[^\n]*",\n)*)', rf'\1    "{s}",\n', text, count=1
                )
            )
    return out


def collect() -> dict[str, list]:
    """Findings for the labelled sentences, the real post-mortems and the samples."""
    from pm_tui.language import check_action, check_prose, ends_at_person
    from pm_tui.language.document import lint_document
    from pm_tui.toml_read import parse_postmortem
    from pm_tui.validation import validate

    result: dict[str, list] = {}
    for name in TSVS:
        rows = []
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = line.split("\t", 1)[1]
                rows.append(
                    [_lang(check_prose(text)), _lang(check_action(text)), ends_at_person(text)]
                )
        result[f"tsv/{name}"] = rows
    for p in sorted(CORPUS.glob("*.md")):
        if p.name == "README.md":
            continue
        text = p.read_text(encoding="utf-8")
        result[f"corpus/{p.name}"] = [
            _doc(lint_document(text)),
            _doc(lint_document(text, as_="actions")),
            "".join("1" if ends_at_person(para) else "0" for para in _paragraphs(text)),
            [_lang(check_prose(para)) for para in _paragraphs(text)],
        ]
    for p in SAMPLES:
        runs = []
        for text in _variants(p.read_text(encoding="utf-8")):
            findings = validate(parse_postmortem(text, p), text=text, today=TODAY)
            runs.append(
                [
                    f"{f.rule}|{f.severity}|{f.location}|{f.span}|{f.line}:{f.column}|{f.message}"
                    for f in findings
                ]
            )
        result[f"sample/{p.name}"] = runs
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    GOLDEN.write_text(json.dumps(collect(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
