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
# ("crash", "crashed"), or starts with one of its stems marked "*" ("escalat*"; only the
# classes that weigh against blame have those, so the gate is a set test).
# Multi-word cues (_PHRASES) are matched on the lower-cased sentence.
_CLASSES: dict[str, tuple[str, ...]] = {
    # a harmful act or its outcome
    "harm": tuple(
        """broke break broken nuke nuked wipe brick bricked knacker crash took brought delete
        drop dropped destroy corrupt kill remove overwrite overwrote overwritten flush truncate truncating sank sunk tank tanked
        fell blew hammer stall ruin mess screw botch expire lost loss damage fail wrong bad
        untested unreviewed skip skipped ignore ignoring forgot forget forgotten neglect missed mute
        muted bypass hard-coded hardcoded force-push force-pushed force-pushing push merge ship shipped deploy
        misconfig misconfigured misconfiguration outage starve starving starvation capped froze let left silenced leak leaked introduced
        overloaded flooded misread panicked typo fat-finger fat-fingered rebooted restarted cost paid
        pointed turned overrode overridden""".split()
    ),
    # blame, fault and responsibility, and what a person owns
    "fault": tuple(
        """fault blame responsible responsibility accountable accountability culprit reason owner mistake error decision call
        insistence idea doing squarely personally entirely problem cause""".split()
    ),
    # habit and repetition
    "habit": tuple(
        """again always yet another third fourth typical notorious whenever usual repeatedly
        habit keeps constantly""".split()
    ),
    # praise that means its opposite
    "sarcasm": tuple(
        """thanks courtesy great kudos wonderful brilliant visionary truly sure enjoy congrats congratulations
        bravo nice genius hero amazing stellar lovely""".split()
    ),
    # character and care
    "character": tuple(
        """careful care attention sloppy lazy careless incompetent coaching rubbish clueless
        reckless simply obviously willing competent negligent negligence irresponsible incompetent incompetence
        careless carelessly carelessness hasty rushed idiotic stupid lazy bother learn record pure""".split()
    ),
    # what should have been
    "counterfactual": tuple("""should would must needs never if only""".split()),
    # doing it anyway
    "defiance": tuple(
        """anyway regardless despite though although ahead quietly herself himself
        themselves""".split()
    ),
    # a disclaimer that blame then follows
    "disclaimer": tuple("""blameless blamelessness fingers spirit""".split()),
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
    # machines and their states: the subject is likely a system named like a person
    "machine": tuple(
        """heartbeat unhealthy healthy replica node pod container process daemon cluster
        host server connection request timeout lock queue batch certificate probe shard
        partition leader follower instance job worker thread socket packet endpoint
        disk memory cpu latency throughput""".split()
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
    "disclaimer": (
        "not pointing",
        "don't assign",
        "do not assign",
        "not to blame",
        "i know we",
        "meant to be",
        "supposed to be",
    ),
    "general": ("no one", "human error as", "operator error as", "not a root cause"),
}
_CLASS_NAMES = tuple(_CLASSES)
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


_SUFFIXES = ("", "s", "es", "d", "ed", "ing", "ly", "n", "en")
_WORD = re.compile(r"(?<![@\w'’-])[^\W\d_][\w'’-]*")  # a word, on lower-cased text


@cache
def _forms() -> tuple[dict[str, str], tuple[str, ...], dict[str, str]]:
    """Each class word's forms (plural and inflected) by class; the prefixes (stems marked
    "*") and their classes."""
    forms: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for name, stems in _CLASSES.items():
        for st in stems:
            if st.endswith("*"):
                prefixes.setdefault(st[:-1], name)
            else:
                for suffix in _SUFFIXES:
                    forms.setdefault(st + suffix, name)
    return forms, tuple(prefixes), prefixes


@cache
def _positive_forms() -> frozenset[str]:
    """The forms of the classes that weigh towards blame (none of those is a prefix), but
    for words that real post-mortems use all the time (_EVERYDAY): a sentence is read only
    when it has a rarer one."""
    return frozenset(w for w, c in _forms()[0].items() if c in _POSITIVE and w not in _EVERYDAY)


# Words of the positive classes common in blameless prose: they weigh, but do not open a
# sentence to the model on their own (measured on the real post-mortems under tests/).
_EVERYDAY = frozenset(
    """if would only should outage outages cause causes caused problem problems left let
    lets needs need must never fail fails failed failing wrong took take takes loss lost
    deploy deployed deploys deploying push pushed pushes merge merged merges ship shipped
    call calls called error errors decision decisions doing reason reasons
    sure great nice another though although ahead despite brought remove removed
    removes removing kill kills killed delete deletes deleted drop dropped bad cost costs
    paid turned restarted rebooted introduced learned learning records recorded recording
    starve starved starving starvation typically themselves errored crash crashing breaking
    """.split()
)


_POSITIVE = frozenset(
    "harm fault habit sarcasm character defiance disclaimer counterfactual".split()
)


def may_weigh(low: str) -> bool:
    """Lower-cased text holds a word of a class that weighs towards blame: the gate before
    any sentence is read (one scan and a set test)."""
    return not _positive_forms().isdisjoint(_WORD.findall(low))


def sentence_classes(sentence: str) -> dict[str, str]:
    """The word classes of `sentence`, each with the first word that showed it; empty when
    no word weighs towards blame (the gate reads single words only)."""
    low = sentence.lower().replace("’", "'")
    words = _WORD.findall(low)
    if _positive_forms().isdisjoint(words):
        return {}
    classes: dict[str, str] = {}
    for w in words:
        c = _word_class(w)
        if c is not None:
            classes.setdefault(c, w)
    padded = " " + low + " "
    for c, phrases in _PHRASES.items():
        if c not in classes:
            for p in phrases:
                if p in padded:
                    classes[c] = p.strip()
                    break
    return classes


def _word_class(low: str) -> str | None:
    forms, prefixes, of_prefix = _forms()
    c = forms.get(low)
    if c is None and low.startswith(prefixes):
        c = next(of_prefix[p] for p in prefixes if low.startswith(p))
    return c


def _agent_kind(words: list[str], i: int, titled: bool = False) -> str | None:
    """What token `i` of `words` names, as a person: name, handle, role, team, pronoun.
    `titled`: the sentence is in Title Case (a heading), where capitals name nothing."""
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
    if bare[:1].isupper() and not titled:
        if bare in NAMES or name_like(bare):
            return "name"
        if i and _acts_next(words, i) and capitalised_agent(bare, sentence_start=False):
            return "name"  # "Hamza has deployed", "Ama's change": a name that is a word too
    return None


_AUX_NEXT = frozenset(
    """has had was is did didn't never just should would could then also had not
    decided chose insisted""".split()
)


def _acts_next(words: list[str], i: int) -> bool:
    """Token `i` is possessive, or the next word reads as its verb (an auxiliary or a past
    tense): what makes a capitalised English word mid-sentence a name."""
    if words[i].lower().endswith(("'s", "’s")):
        return True
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return nxt.islower() and (nxt in _AUX_NEXT or (nxt.endswith("ed") and len(nxt) > 4))


def _title_case(words: list[str]) -> bool:
    """Most words (of four or more) capitalised: a heading or a title, not a sentence."""
    alpha = [w for w in words if w[0].isalpha()]
    return len(alpha) >= 4 and sum(w[0].isupper() for w in alpha) * 2 > len(alpha)


def features(sentence: str, rules: frozenset[str] = frozenset()) -> dict[str, str]:
    """The features of one sentence, each with the words that showed it (for the finding's
    explanation). `rules`: the hand rules' findings on it (their ids)."""
    feats: dict[str, str] = {}
    words = _TOKEN.findall(sentence)
    titled = _title_case(words)
    agents: list[tuple[int, str]] = []
    for i, w in enumerate(words):
        if w[0].isupper() or w[0] == "@" or w.lower() in _PEOPLE_WORDS or "'" in w or "’" in w:
            kind = _agent_kind(words, i, titled)
            if kind is not None:
                agents.append((i, kind))
    if not agents:
        feats["no-agent"] = ""  # no one named: the model stays quiet
        return feats
    classes = sentence_classes(sentence)
    if not classes:
        feats["no-cue"] = ""  # nothing harmful, faulty or judged: the model stays quiet
        return feats
    for r in rules:
        feats["rule:" + r] = r
    for c, w in classes.items():
        feats["class:" + c] = w
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
        # the classes of the agent's own clause (up to the next mark or opening word)
        for j in range(i + 1, min(len(words), i + 16)):
            if words[j] in _STOPS or words[j].lower() in _SUBJECT_OPENERS:
                break
            nc = _word_class(words[j].lower())
            if nc is not None:
                feats.setdefault("clause:" + nc, f"{w} … {words[j]}")
    kinds = dict(agents)
    norm = ["<" + kinds[i] + ">" if i in kinds else w.lower() for i, w in enumerate(words)]
    for i, t in enumerate(norm):
        if t in _FUNCTION_WORDS or not t[0].isalnum() and t[0] not in "<@":
            continue
        feats.setdefault("w:" + t, words[i])  # words, then pairs of words
        if i + 1 < len(norm) and norm[i + 1] not in _FUNCTION_WORDS:
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


# The longest sentence the model reads (characters). The labelled sentences it learned from
# are all shorter than 260; longer spans in real post-mortems are lists and tables run
# together, and reading them was most of the model's cost.
_LONGEST = 320


def add_findings(masked: str, found: list, spans: list[tuple[int, int]] | None = None) -> list:
    """`found` (the rules' findings in `masked`) and a WEIGHED finding for each sentence
    no rule flagged that the model reads as blame. `spans`: the sentences of `masked`
    (split_sentences), when the caller has them."""
    from bisect import bisect_right

    from pm_tui.language.text import split_sentences

    low = masked.lower()
    hits = _positive_forms().intersection(_WORD.findall(low))
    if not hits:
        return found  # no rarer word of harm, fault or judgement: most texts end here
    spans = split_sentences(masked) if spans is None else spans
    if len(spans) == 1:  # most fields: one sentence, no need to find where the words are
        ((start, end),) = spans
        if found or end - start > _LONGEST:
            return found
        extra = finding_for(masked[start:end], start)
        return found if extra is None else [extra]
    if len(low) != len(masked):
        low = masked  # lower-casing moved offsets: find the words case-insensitively
    rx = re.compile(r"(?<![@\w'’-])(?:" + "|".join(map(re.escape, hits)) + r")(?![\w'’-])", re.I)
    starts = [start for start, _ in spans]
    flagged = {bisect_right(starts, f.start) - 1 for f in found}
    out = list(found)
    done = -1
    for m in rx.finditer(low):
        k = bisect_right(starts, m.start()) - 1
        if k <= done or k < 0 or m.start() >= spans[k][1]:
            continue
        done = k
        start, end = spans[k]
        if end - start > _LONGEST:
            continue  # a list or table run together, not a sentence someone wrote
        if k in flagged:
            continue  # a rule has spoken on this sentence
        extra = finding_for(masked[start:end], start)
        if extra is not None:
            out.append(extra)
    return out
