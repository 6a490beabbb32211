"""A weighed reading of blame: a linear model over a few dozen readable features.

The hand rules in blame.py and clauses.py match phrasings; people who never saw them phrase
blame in ways no list holds ("Colm knackered the auth service", "Typical Ji-hoon", "Failure
owner: Hu Jun"). This layer reads a sentence as evidence: who is in it (a name, an
@handle, a role, a team, a pronoun) and where (a clause's subject, an owner, the value of a
label), next to which kinds of words (a harmful act, a fault noun, habit, sarcasm,
character, defiance), and against which (a hypothesis, a response step, a general
statement about people and errors). Each feature has a weight learned by
bench/train_blame_model.py from labelled sentences; the weights ship as JSON
(data/blame_weights.json), no library is needed to apply them. A finding names the features
that weighed most, so a reader sees why.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

from pm_tui.language.agents import capitalised_agent, name_like
from pm_tui.language.lexicon import NAMES, ROLE_NOUNS, TEAM_NOUNS

WEIGHTS = Path(__file__).with_name("data") / "blame_weights.json"

_TOKEN = re.compile(r"@[\w.-]*\w|[^\W\d_][\w'’-]*|\d+|[,;:()?!—–\"“”]")

# Word classes. A token belongs to a class when it is one of its words, plural or inflected
# ("crash", "crashed"), or starts with one of its stems marked "*" ("responsib*").
# Multi-word cues (_PHRASES) are matched on the lower-cased sentence.
_CLASSES: dict[str, tuple[str, ...]] = {
    # a harmful act or its outcome
    "harm": tuple(
        """broke break broken nuke nuked wipe brick bricked knacker crash took brought delete
        drop dropped destroy corrupt kill remove overwr* flush truncat* sank sunk tank tanked
        fell blew hammer stall ruin mess screw botch expire lost loss damage fail wrong bad
        untested unreviewed skip skipped ignor* forgot forget forgotten neglect missed mute
        muted bypass hard-coded hardcoded force-push* push merge ship shipped deploy
        misconfig* outage starv* capped froze let left silenced leak leaked introduced
        overloaded flooded misread panicked typo fat-finger* rebooted restarted cost paid
        pointed turned overrode overridden""".split()
    ),
    # blame, fault and responsibility, and what a person owns
    "fault": tuple(
        """fault blame responsib* accountab* culprit reason owner mistake error decision call
        insistence idea doing squarely personally entirely problem cause""".split()
    ),
    # habit and repetition
    "habit": tuple(
        """again always yet another third fourth typical notorious whenever usual repeatedly
        habit keeps constantly""".split()
    ),
    # praise that means its opposite
    "sarcasm": tuple(
        """thanks courtesy great kudos wonderful brilliant visionary truly sure enjoy congrat*
        bravo nice genius hero amazing stellar lovely""".split()
    ),
    # character and care
    "character": tuple(
        """careful care attention sloppy lazy careless incompetent coaching rubbish clueless
        reckless simply obviously willing competent negligent* irresponsible incompeten*
        careless* hasty rushed idiotic stupid lazy bother learn record pure""".split()
    ),
    # what should have been
    "counterfactual": tuple("""should would must needs never if only""".split()),
    # doing it anyway
    "defiance": tuple(
        """anyway regardless despite though although ahead quietly herself himself
        themselves""".split()
    ),
    # a disclaimer that blame then follows
    "disclaimer": tuple("""blameless pointing fingers spirit meant supposed""".split()),
    # an early theory, later dropped
    "hypothesis": tuple(
        """thought believ* suspect suspicion hypothes* initially briefly ruled disprov* assum*
        until turned appeared seemed rumo* specul* theory guess""".split()
    ),
    # people and errors in general, not this person
    "general": tuple(
        """treat stopped instead rather nobody condition symptom guardrail expected likely
        culture system tooling anyone everyone listing""".split()
    ),
    # a response step
    "response": tuple(
        """paged escalat* rolled restor* revert mitigat* declared noticed spotted found fixed
        caught helped joined coordinat* posted communicat* handed acknowledg* resolved
        recovered investigat* diagnos*""".split()
    ),
}
_PHRASES: dict[str, tuple[str, ...]] = {
    "fault": (" is on ", " on the ", " to blame", " held ", " hold ", " did us in", "sank us"),
    "harm": (" instead of ", " without ", " in the wrong ", "at 5pm", " on a friday", "by hand"),
    "disclaimer": ("not pointing", "don't assign", "do not assign", "not to blame", "i know we"),
    "general": ("no one", "human error as", "operator error as", "not a root cause"),
}
_CLASS_NAMES = tuple(_CLASSES)
NGRAMS = 2
_SUBJECT_OPENERS = frozenset(
    """and but so because since when after before while which who once although though
    then until as that yet""".split()
)
_STOPS = frozenset(',;:()?!—–"“”')
# Words too common to weigh alone (the n-gram features skip them).
_FUNCTION_WORDS = frozenset(
    """the a an of in on at to for from by with and or but so as is was were are be been it
    its this that these those we our us i you they their them there here into onto over than
    then about after before during while which who what when where has have had do does did
    not no""".split()
)
_PRONOUNS = frozenset("he she him his her hers himself herself".split())
_SOMEONE = frozenset("someone somebody whoever".split())
_DETERMINERS = frozenset("the a an our their his her my your this that one some".split())


def _alternation(stems: tuple[str, ...]) -> str:
    """A class's words as one pattern: a stem ending in "*" is a prefix ("responsib*"); any
    other is a whole word, plural or inflected ("crash", "crashed"). Built as a trie of
    characters, so a scan over a long text tries few branches at each position (a flat
    alternation of ~200 words made that scan the slowest step)."""
    trie: dict = {}
    for st in stems:
        node = trie
        for ch in st.rstrip("*"):
            node = node.setdefault(ch, {})
        node[""] = r"\w*" if st.endswith("*") else _INFLECTED
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = node.get("")
    branches = [re.escape(ch) + _trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ends or ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends is None:
        return body
    return f"(?:{body}|{ends})"


@cache
def _class_rx() -> re.Pattern[str]:
    """One pattern over every class's words, group name = class, matched on one token."""
    parts = [f"(?P<{name}>{_alternation(stems)})" for name, stems in _CLASSES.items()]
    return re.compile(r"(?:" + "|".join(parts) + r")\Z")


_INFLECTED = r"(?:s|es|d|ed|ing|ly|n|en)?"


_POSITIVE = frozenset(
    "harm fault habit sarcasm character defiance disclaimer counterfactual".split()
)


@cache
def _cue_rx() -> re.Pattern[str]:
    """_class_rx over a whole sentence: each class's words where they stand alone."""
    parts = [f"(?P<{name}>{_alternation(stems)})" for name, stems in _CLASSES.items()]
    return re.compile(r"(?<![\w'’@-])(?:" + "|".join(parts) + r")(?![\w'’-])")


def sentence_classes(sentence: str) -> dict[str, str]:
    """The word classes of `sentence`, each with the first word that showed it."""
    low = sentence.lower().replace("’", "'")
    classes: dict[str, str] = {}
    for m in _cue_rx().finditer(low):
        classes.setdefault(m.lastgroup, m.group(0))
    if _POSITIVE.isdisjoint(classes):
        return {}  # the gate (_gate_rx) reads single words only
    padded = " " + low + " "
    for c, phrases in _PHRASES.items():
        if c not in classes:
            for p in phrases:
                if p in padded:
                    classes[c] = p.strip()
                    break
    return classes


def _word_class(low: str) -> str | None:
    m = _class_rx().match(low.replace("’", "'"))
    return m.lastgroup if m else None


def _agent_kind(words: list[str], i: int) -> str | None:
    """What token `i` of `words` names, as a person: name, handle, role, team, pronoun."""
    w = words[i]
    if w.startswith("@"):
        return "handle"
    bare = w[:-2] if w.lower().endswith(("'s", "’s")) else w
    low = bare.lower()
    if low in ROLE_NOUNS or low in ("on-call", "oncall", "intern", "contractor"):
        return "role"
    if low in TEAM_NOUNS or low in ("shift", "folks"):
        return "team"
    if low in _PRONOUNS:
        return "pronoun"
    if low in _SOMEONE:
        return "someone"
    if bare[:1].isupper():
        if bare in NAMES or name_like(bare):
            return "name"
        if i and words[i - 1] not in ('"', "“") and capitalised_agent(bare, sentence_start=False):
            return "name"  # mid-sentence, a capitalised word that is no thing
    return None


def features(sentence: str, rules: frozenset[str] = frozenset()) -> dict[str, str]:
    """The features of one sentence, each with the words that showed it (for the finding's
    explanation). `rules`: the hand rules' findings on it (their ids)."""
    feats: dict[str, str] = {}
    classes = sentence_classes(sentence)
    if not classes:
        feats["no-cue"] = ""  # nothing harmful, faulty or judged: the model stays quiet
        return feats
    words = _TOKEN.findall(sentence)
    agents: list[tuple[int, str]] = []
    for i, w in enumerate(words):
        if w[0].isupper() or w[0] == "@" or w.lower() in _PEOPLE_WORDS or "'" in w or "’" in w:
            kind = _agent_kind(words, i)
            if kind is not None:
                agents.append((i, kind))
    for r in rules:
        feats["rule:" + r] = r
    for c, w in classes.items():
        feats["class:" + c] = w
    if not agents:
        feats["no-agent"] = ""
        return feats
    for i, kind in agents:
        w = words[i]
        feats["agent:" + kind] = w
        prev = words[i - 1].lower() if i else ""
        subject = i == 0 or prev in _SUBJECT_OPENERS or prev in ",;:—–("
        if prev in _DETERMINERS and i >= 2:
            p2 = words[i - 2].lower()
            subject = p2 in _SUBJECT_OPENERS or p2 in ",;:—–(" or i == 1
        if subject:
            feats["subject:" + kind] = w
        if w.lower().endswith(("'s", "’s")):
            feats["owner"] = w
        if prev == "by":
            feats["by-agent"] = w
        if prev in (":", "—", "–") or (i + 1 < len(words) and words[i + 1] in ".:"):
            feats["label-value"] = w
        if prev in ("on", "to", "from", "with", "blame", "hold", "held"):
            feats["object-of:" + prev] = w
        for j in range(i + 1, min(len(words), i + 5)):
            nc = _word_class(words[j].lower())
            if nc is not None:
                feats.setdefault("agent-then:" + nc, f"{w} … {words[j]}")
                break
            if words[j] in _STOPS or words[j].lower() in _SUBJECT_OPENERS:
                break
        for j in range(max(0, i - 4), i):
            nc = _word_class(words[j].lower())
            if nc is not None:
                feats.setdefault("then-agent:" + nc, f"{words[j]} … {w}")
    kinds = dict(agents)
    norm = ["<" + kinds[i] + ">" if i in kinds else w.lower() for i, w in enumerate(words)]
    for i, t in enumerate(norm):
        if t in _FUNCTION_WORDS or not t[0].isalnum() and t[0] not in "<@":
            continue
        if NGRAMS >= 1:
            feats.setdefault("w:" + t, words[i])
        if NGRAMS >= 2 and i + 1 < len(norm) and norm[i + 1] not in _FUNCTION_WORDS:
            if norm[i + 1][0].isalnum() or norm[i + 1][0] == "<":
                feats.setdefault("b:" + t + " " + norm[i + 1], words[i] + " " + words[i + 1])
    who = words[agents[0][0]]
    subject = next((v for k, v in feats.items() if k.startswith("subject:")), None)
    for c, w in classes.items():
        feats["agent&" + c] = f"{who} … {w}"
        if subject is not None:
            feats["subject&" + c] = f"{subject} … {w}"
    if len(words) <= 4:
        feats["short"] = ""
    return feats


@cache
def _model() -> tuple[dict[str, float], float, float]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data["weights"], data["bias"], data["threshold"]


def score(feats: dict[str, str]) -> float:
    """The probability the model gives to blame, from the features' weights."""
    weights, bias, _ = _model()
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def threshold() -> float:
    return _model()[2]


def reasons(feats: dict[str, str], n: int = 3) -> list[tuple[str, str]]:
    """The `n` features that weighed most towards blame, with the words that showed them."""
    weights = _model()[0]
    ranked = sorted(feats, key=lambda f: weights.get(f, 0.0), reverse=True)
    return [(f, feats[f]) for f in ranked[:n] if weights.get(f, 0.0) > 0]


def row_features(text: str, rules: frozenset[str] = frozenset()) -> dict[str, str]:
    """features() of a whole text read as one sentence (code and URLs masked)."""
    from pm_tui.language.text import mask_prose

    return features(mask_prose(text), rules)


WEIGHED = "blame/weighed"

_PEOPLE_WORDS = ROLE_NOUNS | TEAM_NOUNS | _PRONOUNS | _SOMEONE | {"on-call", "oncall", "shift"}


def weigh(sentence: str) -> tuple[float, dict[str, str]] | None:
    """The model's probability of blame for one (masked) sentence and its features; None
    when the sentence names no one or holds no word of harm, fault or judgement (the model
    never flags those)."""
    feats = features(sentence)
    if "no-agent" in feats or "no-cue" in feats:
        return None
    return score(feats), feats


_READABLE = {
    "agent": "a person named",
    "subject": "a person as the subject",
    "owner": "a person as the owner",
    "by-agent": "a person as the agent ('by')",
    "label-value": "a person as the answer to a label",
    "object-of": "a person as the target",
    "agent-then": "a person, then",
    "class": "words of",
    "harm": "a harmful act",
    "fault": "fault or responsibility",
    "habit": "habit",
    "sarcasm": "sarcasm",
    "character": "character or care",
    "defiance": "doing it anyway",
    "disclaimer": "a disclaimer",
    "counterfactual": "what should have been",
    "w": "the word",
    "b": "the words",
}


def describe(feature: str, words: str) -> str:
    """A feature in words: 'a person as the subject ("Okonkwo")'."""
    head, _, tail = feature.partition(":")
    if "&" in head:
        left, _, right = head.partition("&")
        text = f"{_READABLE.get(left, left)}, with {_READABLE.get(right, right)}"
    else:
        text = _READABLE.get(head, head)
        if head in ("class", "agent-then") and tail:
            text += " " + _READABLE.get(tail, tail)
        elif head in ("agent", "subject") and tail:
            text = text.replace("a person", f"a {tail}")
    return f'{text} ("{words}")' if words else text


def finding_for(sentence: str, offset: int):
    """A WEIGHED finding for one (masked) sentence at `offset`, or None."""
    from pm_tui.language.finding import ERROR, LanguageFinding

    weighed = weigh(sentence)
    if weighed is None or weighed[0] < threshold():
        return None
    prob, feats = weighed
    why = "; ".join(describe(f, w) for f, w in reasons(feats))
    return LanguageFinding(
        rule=WEIGHED,
        severity=ERROR,
        message=f"The sentence reads as blaming a person (weighed {prob:.2f}: {why}).",
        suggestion="Make the system condition the subject: what made the act possible or "
        "likely (a missing check, guardrail, default, signal or time pressure), and what "
        "would make it harmless next time.",
        start=offset,
        end=offset + len(sentence),
    )


@cache
def _gate_rx() -> re.Pattern[str]:
    """The words of the classes that weigh towards blame, over a whole text (one scan
    finds the few sentences worth reading)."""
    body = "|".join(_alternation(_CLASSES[c]) for c in _CLASSES if c in _POSITIVE)
    return re.compile(r"(?<![\w'’@-])(?:" + body + r")(?![\w'’-])")  # on lower case


def add_findings(masked: str, found: list) -> list:
    """`found` (the rules' findings in `masked`) and a WEIGHED finding for each sentence
    no rule flagged that the model reads as blame."""
    from bisect import bisect_left

    from pm_tui.language.text import split_sentences

    # lower-casing first: a case-insensitive scan was three times slower (ASCII texts
    # keep their offsets; others are read sentence by sentence).
    low = masked.lower()
    if len(low) != len(masked):
        low = masked
    cues = [m.start() for m in _gate_rx().finditer(low)]
    if not cues:
        return found  # no word of harm, fault or judgement anywhere: most texts end here
    out = list(found)
    for start, end in split_sentences(masked):
        k = bisect_left(cues, start)
        if k == len(cues) or cues[k] >= end:
            continue
        if any(f.start < end and start < f.end for f in found):
            continue
        extra = finding_for(masked[start:end], start)
        if extra is not None:
            out.append(extra)
    return out
