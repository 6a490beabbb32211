"""The whole-text shortcut of the blame checks never skips a text that has a finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pm_tui.language.prefilter import (
    may_blame,
    required_strings,
    rules_possible,
)
from pm_tui.language.prose import check_sentences
from pm_tui.language.text import mask_prose, split_sentences

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).parent / "corpus" / "real_postmortems"


def _sentences() -> list[str]:
    out = []
    for name in (
        "blame_sentences.tsv",
        "blame_sentences_holdout.tsv",
        "blame_sentences_holdout2.tsv",
    ):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(line.split("\t", 1)[1])
    return out


def _variants(s: str) -> list[str]:
    """The sentence as it may sit in a field: after masked code, wrapped, in capitals,
    with tabs, after another sentence."""
    words = s.split(" ")
    half = len(words) // 2
    return [
        s,
        "`x` " + s,
        "Context here. " + s + " More after.",
        " ".join(words[:half]) + "\n" + " ".join(words[half:]),
        "\t".join(words),
        "  ".join(words),
        s.upper(),
        s.lower(),
        "`cmd`" + s,  # masked code glued to the sentence
    ]


def test_every_text_with_a_blame_finding_passes_the_shortcut():
    texts = [v for s in _sentences() for v in _variants(s)]
    for p in sorted(CORPUS.glob("*.md")):
        texts += [para for para in p.read_text(encoding="utf-8").split("\n\n") if para.strip()]
    flagged = 0
    for text in texts:
        masked = mask_prose(text)
        if check_sentences(masked, shortcut=False):
            flagged += 1
            assert may_blame(masked), text
    assert flagged > 300  # the test saw many texts with findings, not a vacuous pass


def test_shortcut_skips_most_neutral_text():
    neutral = [
        "The first alert came seven minutes after customers saw errors.",
        "Pool saturation is not alerted on, so detection waits for user-facing errors.",
        "Requests waited more than 30 seconds for a database connection.",
    ]
    assert not any(may_blame(mask_prose(t)) for t in neutral)


@pytest.mark.parametrize(
    ("pattern", "present", "absent"),
    [
        (r"\bfail(?:ed|s)? to\b", "the job failed to start", "the job failed with 503"),
        (r"\b(?:the|a|an) wrong\b", "ran the wrong script", "what went wrong"),
        (r"\bsaw\s+(?:it|them)\b", "we saw\n  it late", "we saw that"),
    ],
)
def test_required_strings_are_necessary_and_selective(pattern, present, absent):
    from pm_tui.language.prefilter import _Index, _tokens

    index = _Index(required_strings(pattern, re.I))
    for text, expected in ((present, True), (absent, False)):
        assert bool(re.search(pattern, text, re.I)) is expected
        assert index.holds(text, _tokens(text)) is expected


def test_fast_twins_of_the_blame_patterns_match_exactly_where_the_originals_do():
    from pm_tui.language.blame import _rx, _twin

    texts = [v for s in _sentences() for v in _variants(s)]
    for p in sorted(CORPUS.glob("*.md")):
        texts += p.read_text(encoding="utf-8").splitlines()
    texts = [t for t in texts if t.isascii()]
    twins = {name: _twin(name) for name in _rx() if _twin(name) is not None}
    assert len(texts) > 3000 and {"verb", "reject", "cf_if", "vigilance"} <= set(twins)
    for name, twin in twins.items():
        original = _rx()[name]
        for t in texts:
            fast = [m.regs for m in twin.finditer(t.lower())]
            assert fast == [m.regs for m in original.finditer(t)], (name, t)


def test_the_long_sentence_gate_changes_no_finding(monkeypatch):
    """rules_possible spares a long sentence the rules that cannot match in it: the findings
    are the same as with every rule run, on long sentences that have findings."""
    import pm_tui.language.prefilter as prefilter
    from pm_tui.language import blame

    table = "| Date and Time in CET | Event | " * 10
    texts = [table + s.rstrip(".") for s in _sentences()]
    texts = [t for t in texts if len(split_sentences(mask_prose(t))) == 1]
    gated = [blame.check_sentence(mask_prose(t), 0) for t in texts]
    assert sum(map(bool, gated)) > 100  # many long sentences with findings
    assert all(rules_possible(mask_prose(t)) is not None for t in texts)
    monkeypatch.setattr(prefilter, "rules_possible", lambda masked: None)
    assert gated == [blame.check_sentence(mask_prose(t), 0) for t in texts]


def test_every_rule_requirement_is_filed_under_a_word():
    """A requirement with no whole word (a pattern like "mis[a-z]+ed") would send every text
    through the string tests: most fields must end at one set test."""
    from pm_tui.language.prefilter import _index

    index = _index()
    assert not index.always and not index.unkeyed
