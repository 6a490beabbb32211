"""The whole-text shortcut of the blame checks never skips a text that has a finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pm_tui.language.prefilter import (
    may_blame,
    required_strings,
    rules_possible,
    sentence_rules,
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


def test_the_stored_indexes_are_those_the_patterns_give():
    """pm_tui/language/data/prefilter.json spares the first check parsing every pattern; it
    must be what the patterns and the prefilter give now (else the first check would parse
    them anyway, and a stale file would be ignored)."""
    import json

    from pm_tui.language import prefilter

    stored = json.loads(prefilter.DATA.read_text(encoding="utf-8"))
    assert stored == prefilter.computed_data(), (
        "the blame patterns or the prefilter changed: run python -m pm_tui.language.prefilter"
    )
    assert prefilter._stored()  # and the check itself takes it


def test_the_shipped_word_list_is_webster_as_english_words_has_it():
    from english_words import get_english_words_set

    from pm_tui.language.agents import WORDS, WordList, word_list_data

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    assert WORDS.read_bytes() == word_list_data(words), "run python -m pm_tui.language.agents"
    shipped = WordList(WORDS.read_bytes())
    sample = sorted(words)[::97]
    assert all(w in shipped for w in sample)
    assert all(w not in shipped for w in ("Okonkwo", "Adaeze", "zzqx", "", "kubectl", "Hope\n"))
    assert "hope" in shipped and "Bill" in shipped and "Okonkwo" not in shipped


def test_the_first_check_loads_no_pickle_and_compiles_only_the_patterns_it_needs():
    """The first validation of a session stays cheap: a small text compiles a few blame
    patterns (not all), and names are looked up without the english_words package."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pm_tui.language import check_prose\n"
        "from pm_tui.language import blame\n"
        "assert check_prose('Okonkwo deleted the production bucket.')\n"
        "assert not check_prose('Traffic dropped sharply after the deploy.')\n"
        "print(len(blame._rx()._compiled), len(blame.sources()))\n"
        "print('english_words' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout.split()  # fmt: skip
    compiled, total = int(out[0]), int(out[1])
    assert compiled < total / 2, (compiled, total)
    assert out[2] == "False"


def test_action_hints_are_in_every_match_of_their_pattern():
    """An ASCII action skips a pattern's search when none of its hints is in it
    (actions._RULE_HINTS, _OPEN_SCOPE_HINTS): every alternative the pattern can match must
    hold a hint, so a new phrasing added to the pattern needs its hint too."""
    from pm_tui.language import actions
    from pm_tui.language.prefilter import _B

    patterns = {name: (p, re.I) for name, p, _m, _s in actions._RULES}
    checked = [(*patterns[name], hints) for name, hints in actions._RULE_HINTS.items()] + [
        (actions._OPEN_SCOPE.pattern, actions._OPEN_SCOPE.flags, actions._OPEN_SCOPE_HINTS)
    ]
    for pattern, flags, hints in checked:
        need = required_strings(pattern, flags)
        assert need, pattern
        for alternative in need:
            assert any(
                all(any(h in s.replace(_B, "") for h in hints) for s in strings)
                for strings, _bounded in alternative
            ), (pattern, alternative)


def test_a_sentence_that_may_hold_a_rule_makes_its_text_one():
    """A long text's check reads its sentences' rules first and asks may_blame only when no
    sentence can hold one: sound only if a sentence's rules imply the text's (its words and
    strings are the text's). Over the labelled sentences run together and the real corpus."""
    sentences = _sentences()
    texts = [sep.join(sentences[i : i + 5]) for sep in (" ", "\n", "  ") for i in range(0, 600, 5)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    seen = 0
    for text in texts:
        masked = mask_prose(text)
        rules = [sentence_rules(masked[a:b]) for a, b in split_sentences(masked)]
        if any(r is None or r for r in rules):
            seen += 1
            assert may_blame(masked), text
    assert seen > 300
