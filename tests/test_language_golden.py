"""The optimised language checks and validation find exactly what they found before.

tests/data/language_golden.json was recorded with the straightforward implementation (see
tests/language_golden.py): labelled sentences, the real post-mortems (lint_document as prose
and as actions, ends_at_person and check_prose per paragraph) and the sample post-mortems
with blameful text injected into every kind of field (validate, line:column included).
"""

from __future__ import annotations

import json

import pytest

from tests.language_golden import CORPUS, GOLDEN, collect


@pytest.fixture(scope="module")
def now() -> dict:
    assert CORPUS.is_dir(), f"{CORPUS} is missing"
    return collect()


GOLD = json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_covers_the_corpus_and_samples():
    assert sum(k.startswith("corpus/") for k in GOLD) >= 58
    assert sum(k.startswith("sample/") for k in GOLD) >= 2
    assert sum(len(v) for k, v in GOLD.items() if k.startswith("tsv/")) >= 800


@pytest.mark.parametrize("key", sorted(GOLD))
def test_findings_unchanged(now, key):
    assert now.get(key) == GOLD[key]
