"""The public language checks: free text, one action item, and the shallow-analysis test."""

from __future__ import annotations

import re

from pm_tui.language import blame, learned
from pm_tui.language.actions import check_vague
from pm_tui.language.agents import name_like, reset_vocabulary, set_vocabulary
from pm_tui.language.finding import LanguageFinding
from pm_tui.language.lexicon import GROUP_WORDS, NAMES, PRONOUNS, ROLE_NOUNS, TEAM_NOUNS
from pm_tui.language.prefilter import may_blame, sentence_rules
from pm_tui.language.subjects import first_tokens, np_is_person, subject_of
from pm_tui.language.text import mask_prose, split_sentences


def check_masked(masked: str, *, weighed: bool = True) -> list[LanguageFinding]:
    """Blame findings over text whose code, URLs and logs are already masked; with
    `weighed`, the weighed reading (learned.py) adds sentences no rule flagged."""
    possible, whole, spans, mays = _text_rules(masked)
    # no rule's pattern can match anywhere in it: most fields end here
    found = check_sentences(masked, whole=whole, spans=spans, mays=mays) if possible else []
    return learned.add_findings(masked, found, spans) if weighed else found


Rules = frozenset[str] | None  # the rules that can match in a text; None: any of them


def _text_rules(
    masked: str,
) -> tuple[bool, Rules, list[tuple[int, int]] | None, list[Rules] | None]:
    """Whether any rule's pattern can match in `masked`; for a short text (mostly one
    sentence) which rules can, and its sentences when one can; for a long one, its sentences
    and which rules can in each."""
    if len(masked) <= 300:
        whole = sentence_rules(masked)
        possible = whole is None or bool(whole)
        return possible, whole, split_sentences(masked) if possible else None, None
    # The sentences are read for their rules anyway when one can match, so they go first:
    # a sentence in which a rule can match makes the text one (its words and strings are the
    # text's), and may_blame, a second pass over the text, is left for texts none of whose
    # sentences can (a rule's strings may span two sentences there, as before).
    spans = split_sentences(masked)
    mays = [sentence_rules(masked[start:end]) for start, end in spans]
    if any(may is None or may for may in mays):
        return True, None, spans, mays
    return may_blame(masked), None, spans, mays


def check_sentences(
    masked: str,
    *,
    shortcut: bool = True,
    whole: frozenset[str] | None = None,
    spans: list[tuple[int, int]] | None = None,
    mays: list[Rules] | None = None,
) -> list[LanguageFinding]:
    """The blame findings of each sentence of `masked`; with `shortcut`, a sentence runs only
    the rules whose patterns can match in it (see prefilter.sentence_rules), without it
    every sentence goes through every rule. `whole`: the rules possible in all of `masked`
    (a text of one sentence needs no second look); `spans`: its sentences, when known, and
    `mays` the rules possible in each of them."""
    found: list[LanguageFinding] = []
    spans = split_sentences(masked) if spans is None else spans
    for k, (start, end) in enumerate(spans):
        segment = masked[start:end]
        if not shortcut:
            may = None
        elif whole is not None and len(spans) == 1:
            may = whole  # the sentence is the text, but for blanks
        elif mays is not None:
            may = mays[k]
        else:
            may = sentence_rules(segment)
        if may is not None and not may:
            continue  # no rule's pattern can match in this sentence
        sentence = blame.check_sentence(segment, start, may)
        # "caused by human error" is one problem, not two: keep the more specific finding.
        # An act done as agreed ("as planned", "after approval by the CAB", "per the runbook")
        # is no person's fault either: the plan or the runbook is what to look at.
        if any(f.rule == "blame/human-error" for f in sentence) or (
            any(f.rule == "blame/person-fault" for f in sentence) and learned.agreed(segment)
        ):
            sentence = [f for f in sentence if f.rule != "blame/person-fault"]
        found.extend(sentence)
    return found


def check_prose(
    text: str, vocabulary: frozenset[str] = frozenset(), *, weighed: bool = True
) -> list[LanguageFinding]:
    """Blameful-language findings in free text; spans are offsets into `text`. Capitalised
    words in `vocabulary` (lower case), or used as things in `text`, are never people."""
    masked = mask_prose(text)
    possible, whole, spans, mays = _text_rules(masked)
    named = not possible and weighed and learned.may_weigh(masked)
    if not possible and not named:
        return []  # neither a rule nor the weighed reading can flag it: most fields end here
    token = set_vocabulary(text, vocabulary)
    try:
        found = check_sentences(masked, whole=whole, spans=spans, mays=mays) if possible else []
        return learned.add_findings(masked, found, spans, named) if weighed else found
    finally:
        reset_vocabulary(token)


def check_action(text: str, vocabulary: frozenset[str] = frozenset()) -> list[LanguageFinding]:
    """Findings for one action item: blameful language, and vague wording (no system,
    signal, threshold or done-when)."""
    return check_prose(text, vocabulary) + check_vague(text)


_LEAD = re.compile(
    r"^\W*(?:why\W*\d*\W*|because(?: of)?|since|as|due to|the reason (?:is|was)"
    r"(?: that)?|root cause\W*|cause\W*)\s*",
    re.I,
)
_SYSTEMIC = re.compile(
    r"\b(?:because|since|as|due to|so|which|when)\b[^.]*\b(?:the|a|an|no|our|its)\b\s*"
    r"(?:\w+\s+){0,3}(?:tool|system|process|check|alert|runbook|config|pipeline|test|"
    r"guard|safeguard|script|ui|console|default|lock|validation|review|documentation|"
    r"monitoring|automation|policy|design|dashboard)s?\b",
    re.I,
)


def ends_at_person(text: str) -> bool:
    """True when an explanation stops at a person or at "human error" instead of at what
    allowed the mistake (used for the last why of a Five Whys chain and for factors)."""
    masked = mask_prose(text)
    # An explicit rejection of blame wins over everything below; it is checked last only
    # because it is the slowest test and matters only when the answer would be True.
    if not _stops_at_person(masked):
        return False
    return not any(blame.rejects_blame(masked[s:e]) for s, e in split_sentences(masked))


def _stops_at_person(masked: str) -> bool:
    if check_masked(masked, weighed=False):
        return True
    if _names_a_mistake(masked):
        return True
    body = _LEAD.sub("", masked.strip())
    # "Stops at a person" needs both: a person leads, and no systemic cause follows. The
    # person test is the cheaper one, so it goes first.
    words = first_tokens(body, 6)
    if not _leads_with_person(words):
        return False
    return not _SYSTEMIC.search(body)


_MISTAKE = re.compile(
    r"\b(?:human|operator|user) (?:error|mistake)|\bmistake\b|\boversight\b", re.I
)


def _names_a_mistake(masked: str) -> bool:
    if masked.isascii():  # lower-casing is exact there: skip the regex on most texts
        low = masked.lower()
        if "error" not in low and "mistake" not in low and "oversight" not in low:
            return False
    return _MISTAKE.search(masked) is not None


def _leads_with_person(words: list[str]) -> bool:
    """The explanation's first words (up to six) name a person or start with one."""
    if len(words) >= 2 and _ACTED.fullmatch(words[1]) and name_like(words[0]):
        return True  # "Okonkwo ran the script": a name that is no list's, then its verb
    if not any(_may_name_person(w) for w in words):
        return False  # every test below needs one such word among these six
    for k in range(1, min(5, len(words)) + 1):
        if np_is_person(words[:k], allow_we=True, guess_names=False):
            return True
    np, empty = subject_of(words[:6])
    return not empty and np_is_person(np, allow_we=True, guess_names=False)


_ACTED = re.compile(
    r"[a-z]+ed|ran|did|didn't|forgot|made|was|had|broke|took|left|should|wrote|put|set|hit|"
    r"chose|ignored|missed|skipped|deleted|dropped|pushed|merged|deployed"
)


# The words np_is_person can accept as a head, or (names) anywhere in the phrase.
_PERSON_WORDS = PRONOUNS | ROLE_NOUNS | TEAM_NOUNS | GROUP_WORDS | {"we", "operator", "operators"}


def _may_name_person(word: str) -> bool:
    if word.startswith("@") or word in NAMES:
        return True
    return word.lower().replace("’", "'") in _PERSON_WORDS
