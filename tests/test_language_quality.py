"""Quality bars of the language checks on labelled sentences and on real post-mortems."""

from __future__ import annotations

from pathlib import Path

import pytest

from pm_tui.language import check_action, check_prose
from pm_tui.language.document import lint_document

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).parent / "corpus" / "real_postmortems"


def _labelled(name: str) -> list[tuple[bool, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            label, text = line.split("\t", 1)
            rows.append((label == "1", text))
    return rows


def _precision_recall(rows: list[tuple[bool, str]], predict) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    wrong = []
    for label, text in rows:
        got = predict(text)
        if label and got:
            tp += 1
        elif label:
            fn += 1
            wrong.append(f"missed: {text}")
        elif got:
            fp += 1
            wrong.append(f"false alarm: {text}")
    return tp / max(1, tp + fp), tp / max(1, tp + fn), wrong


def _is_blame(text: str) -> bool:
    return any(f.rule.startswith("blame/") for f in check_prose(text))


def _is_vague(text: str) -> bool:
    return any(f.rule.startswith("vague-action/") for f in check_action(text))


def test_labelled_sets_are_large_and_balanced():
    blame = _labelled("blame_sentences.tsv")
    vague = _labelled("vague_actions.tsv")
    assert len(blame) >= 400 and len(vague) >= 200
    assert 0.3 < sum(label for label, _ in blame) / len(blame) < 0.6


@pytest.mark.parametrize(
    "name",
    [
        "blame_sentences.tsv",
        "blame_sentences_holdout.tsv",
        "blame_sentences_holdout2.tsv",
        "blame_sentences_generalise.tsv",
        "blame_sentences_generalise2.tsv",
        "blame_sentences_fresh3.tsv",
        "blame_sentences_fresh4.tsv",
        "blame_sentences_fresh5.tsv",
    ],
)
def test_blame_precision_and_recall(name):
    precision, recall, wrong = _precision_recall(_labelled(name), _is_blame)
    assert precision >= 0.90 and recall >= 0.85, "\n".join(wrong)


@pytest.mark.parametrize(
    "name",
    [
        "vague_actions.tsv",
        "vague_actions_holdout.tsv",
        "vague_actions_holdout2.tsv",
        "vague_actions_generalise.tsv",
        "vague_actions_generalise2.tsv",
        "vague_actions_fresh4.tsv",
    ],
)
def test_vague_action_precision_and_recall(name):
    precision, recall, wrong = _precision_recall(_labelled(name), _is_vague)
    assert precision >= 0.85 and recall >= 0.85, "\n".join(wrong)


def test_real_blameless_postmortems_raise_at_most_one_blame_finding_per_ten_documents():
    assert CORPUS.is_dir(), f"{CORPUS} is missing"
    docs = [p for p in sorted(CORPUS.glob("*.md")) if p.name != "README.md"]
    assert len(docs) >= 50
    findings = [
        (p.name, f.line, f.excerpt)
        for p in docs
        for f in lint_document(p.read_text(encoding="utf-8"))
        if f.rule.startswith("blame/")
    ]
    assert len(findings) <= len(docs) // 10, findings
