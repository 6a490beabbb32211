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
import re
from bisect import bisect_right
from functools import cache, lru_cache
from operator import itemgetter, mul
from pathlib import Path

from pm_tui.language import blame
from pm_tui.language.agents import (
    TECH_WORDS,
    _agent_shape,
    capitalised_agent,
    is_technical,
    name_like,
    name_shaped,
)
from pm_tui.language.finding import ERROR, LanguageFinding
from pm_tui.language.lexicon import NAMES, ROLE_NOUNS, TEAM_NOUNS
from pm_tui.language.logistic import sigmoid as _sigmoid
from pm_tui.language.text import split_sentences

WEIGHTS = Path(__file__).with_name("data") / "blame_weights.json"
# Whether a sentence must hold a word of harm, fault or judgement before the model reads it.
# Off: every sentence that names someone is weighed, the words and n-grams decide (the cue
# words of new writers are not the ones any list holds).
CUE_GATE = False

# The runs before a "." or an "@" are possessive ("*+"): none of them can end at a "." or an
# "@" by giving characters back, and backtracking over every word was most of the cost.
_TOKEN = re.compile(
    r"@[\w.-]*\w|[a-z][\w-]*+(?:\.[a-z][\w-]*+)+@?|[a-z][\w.-]*+@(?!\w)|[A-Z]\.(?:[A-Z]\.)+(?:['’]s)?|"
    r"[^\W\d_][\w'’-]*|\d+|"
    r"[,;:()?!—–\"“”]"
)
# _TOKEN for ASCII text, about three times faster (sre tests an ASCII class by a table, a
# Unicode one by category): the same tokens there, where \w, \d and letters are ASCII. With no
# "@" and no dot before a letter, only the last three alternatives can match (_PLAIN).
_TOKEN_ASCII = re.compile(
    r"@[\w.-]*\w|[a-z][\w-]*+(?:\.[a-z][\w-]*+)+@?|[a-z][\w.-]*+@(?!\w)|[A-Z]\.(?:[A-Z]\.)+(?:'s)?|"
    r"[A-Za-z][\w'-]*|\d+|[,;:()?!\"]",
    re.ASCII,
)
_TOKEN_PLAIN = re.compile(r"[A-Za-z][\w'-]*|\d+|[,;:()?!\"]", re.ASCII)
_DOT_LETTER = re.compile(r"\.[A-Za-z]")


def _tokens(sentence: str) -> list[str]:
    """_TOKEN.findall(sentence), through its ASCII twin where that finds the same."""
    if not sentence.isascii():
        return _TOKEN.findall(sentence)
    if "@" in sentence or _DOT_LETTER.search(sentence) is not None:
        return _TOKEN_ASCII.findall(sentence)
    return _TOKEN_PLAIN.findall(sentence)


# A person's id written without the @: "t.okafor@", "l.virtanen", "priya.r" (one side of the
# dot one or two letters, no file suffix), or anything ending in "@".
_ID = re.compile(r"[a-z][\w.-]*@|[a-z]{1,2}\.[a-z][a-z-]{2,}|[a-z][a-z-]{2,}\.[a-z]{1,2}")
_FILE_SUFFIXES = frozenset("py go js ts rs rb sh md io db tf pl c h cc gz js vs eg ie al".split())

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
        pointed turned overrode overridden yank yanked unplug unplugged reformat reformatted
        flipped yolo yolo'd
        quebrou quebram quebraram apagou apagaram derrubou derrubaram desligou desligaram
        deletou cassé supprimé borró rompió tumbó""".split()
    ),
    # blame, fault and responsibility, and what a person owns
    "fault": tuple(
        """fault blame responsible responsibility accountable accountability culprit reason owner mistake error decision call
        insistence idea doing squarely personally entirely problem cause culpa faute
        responsável""".split()
    ),
    # habit and repetition
    "habit": tuple(
        """again always yet another third fourth typical notorious whenever usual repeatedly
        habit keeps constantly twice thrice umpteenth routinely sempre toujours siempre""".split()
    ),
    # praise that means its opposite
    "sarcasm": tuple(
        """thanks courtesy great kudos wonderful brilliant visionary truly sure enjoy congrats congratulations
        bravo nice genius hero amazing stellar lovely outstanding superb fantastic legend legends
        legendary masterpiece masterclass top-notch shout-out shoutout flawless spectacular
        gift""".split()
    ),
    # character and care
    "character": tuple(
        """careful sloppy lazy careless incompetent coaching rubbish clueless
        reckless willing competent negligent negligence irresponsible incompetent incompetence
        careless carelessly carelessness hasty rushed idiotic stupid lazy bother pure trusted
        attitude asleep reliable unreliable""".split()
    ),
    # what puts its object in the place of a cause ("traced to", "attributable to")
    "cause": tuple(
        """traced attributable owing stems stemmed answerable culprit factor courtesy belongs
        belonged came comes follows""".split()
    ),
    # what should have been
    "counterfactual": tuple("""should would must needs never if only""".split()),
    # a sanction or correction aimed at a person ("a written warning for", "needs retraining",
    # "Action: X to stop ...", "X's access should be revoked")
    "sanction": tuple(
        """warning disciplinary discipline reprimand retrain retraining talking-to revoke
        revoked suspend suspended sanction sanctions dismiss dismissed coached
        lesson deduction apology probation""".split()
    ),
    # carrying the weight of it ("Dragoș alone carries this one", "the squad owns this mess")
    "burden": tuple("""bears carries carry shoulder shoulders owns liability liable""".split()),
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
        """replica node pod container process daemon cluster
        host server connection request timeout lock queue batch certificate probe shard
        partition leader follower instance job worker thread socket packet endpoint
        disk memory cpu latency throughput""".split()
    ),
    # what only a system does or has: the subject named like a person is a service
    "selfstate": tuple(
        """heartbeat unhealthy healthy oom oomkilled evicted throttled crashloop crashlooped
        crashlooping timed lease elected reconnect reconnected retried retries backoff deadlocked
        hung stalled unresponsive garbage gc flapped flapping segfault segfaulted timing
        swapping""".split()
    ),
    # a response step
    "response": tuple(
        """paged escalat* rolled restor* revert mitigat* declared noticed spotted found fixed
        caught helped joined coordinat* posted communicat* handed acknowledg* resolved
        recovered investigat* diagnos*""".split()
    ),
}
_PHRASES: dict[str, tuple[str, ...]] = {
    "habit": (
        " once more",
        "how many more",
        "every time",
        "each time",
        "one more time",
        "de novo",
        "otra vez",
    ),
    "burden": ("at the door", "'s account", "lay this", "lays this", "goes on"),
    "sanction": (
        "next time",
        "moved off",
        "kick ",
        "to stop ",
        "off the on-call",
        "off the rota",
        "off the roster",
        "off the rotation",
        "removed from the",
        "moved out of",
        "written up",
        "be trusted",
    ),
    "fault": (
        " is on ",
        " on the ",
        " to blame",
        " held ",
        " hold ",
        " did us in",
        "sank us",
        "put this on",
        "put it on",
        "fingerprints",
        "hands on the keyboard",
    ),
    "harm": (
        " instead of ",
        " without ",
        " sem ",
        " sans ",
        " in the wrong ",
        "at 5pm",
        " on a friday",
        "by hand",
        "made public",
        "on his own",
        "on her own",
        "on their own",
        "on a whim",
    ),
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
    "character": (
        "pay attention",
        "paying attention",
        "more attention",
        "no business",
        "cut out for",
        "more care",
        "take care",
        "learn to",
        "learned nothing",
        "on his record",
        "on her record",
        "explain themselves",
        "explain himself",
        "explain herself",
        "didn't understand",
        "doesn't understand",
        "does not understand",
        "did not understand",
        "was warned",
        "were warned",
        "keys to prod",
        "don't care",
        "do not care",
        "didn't care",
        "back to sleep",
    ),
    "sarcasm": (
        "great job",
        "nice work",
        "nice job",
        "good job",
        "well done",
        "nice one",
        "what a surprise",
        "who could have guessed",
        "who could have known",
        "what you get",
        "classic ",
        "hats off",
        "love how",
    ),
}
# The phrases as one pattern, for the gate (a text with one of them is read too).
_GATE_PHRASES = tuple(
    p.strip()
    for c in ("character", "sarcasm", "disclaimer", "fault")
    for p in _PHRASES[c]
    if len(p.strip()) > 6
)
# A cause label and its mark: "Cause:", "Contributing factor #2:", "Owner of the outage:".
_LABEL_GATE = (
    r"\b(?:root cause|cause|factor|culprit|owner of the \w+|(?:failure|outage|incident) owner|"
    r"whose fault|fault)s?(?: #?\d+)?\s*[:?]"
)
_PHRASE_GATE = re.compile("|".join([*map(re.escape, _GATE_PHRASES), _LABEL_GATE]))
# Each phrase's longest word, and the labels' words: only a text holding one of them is
# searched for the phrases.
_PHRASE_ANCHORS = frozenset(max(p.split(), key=len) for p in _GATE_PHRASES) | frozenset(
    "cause causes factor factors culprit owner fault".split()
)


def _phrased(low: str, words) -> bool:
    """Lower-cased text `low` (its words `words`) holds a gate phrase."""
    if _PHRASE_ANCHORS.isdisjoint(words):
        return False
    return _PHRASE_GATE.search(low.replace("’", "'")) is not None


_CLASS_NAMES = tuple(_CLASSES)
_SUBJECT_OPENERS = frozenset(
    """and but so because since when after before while which who once although though
    then until as that yet o e y et mas que quando porque""".split()
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
# The writer as the one who acted or owns it ("this one's on me", "I deleted the snapshot").
_SELF = frozenset("i me my myself".split())
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
    """if would only should outage outages cause causes caused problem problems needs need
    must never fail fails failed failing wrong loss lost call calls called error errors
    decision decisions doing reason reasons sure great nice another though although ahead
    despite bad cost costs paid learned learning records recorded recording typically
    themselves errored crash crashing breaking came comes follows owner owners factor factors
    ship ships""".split()
)


_POSITIVE = frozenset(
    """harm fault habit sarcasm character defiance disclaimer counterfactual cause sanction
    burden""".split()
)


def may_weigh(text: str) -> bool:
    """The gate before any sentence of `text` is read: it may name someone and (with the
    cue gate) holds a word or a longer phrase of a class that weighs towards blame."""
    if not CUE_GATE:
        return _may_name_agent(text)
    low = text.lower()
    words = _WORD.findall(low)
    return not _positive_forms().isdisjoint(words) or _phrased(low, words)


def sentence_classes(sentence: str, gated: bool = True) -> dict[str, str]:
    """The word classes of `sentence`, each with the first word that showed it; with `gated`,
    empty when no word weighs towards blame (the gate reads single words only)."""
    low = sentence.lower().replace("’", "'")
    words = _WORD.findall(low)
    if gated and _positive_forms().isdisjoint(words) and not _phrased(low, words):
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


def _token_classes(sentence: str, lows: list[str], wcs: list[str | None]) -> dict[str, str]:
    """sentence_classes (not gated) from the sentence's lower-cased tokens and their classes."""
    classes: dict[str, str] = {}
    for w, c in zip(lows, wcs, strict=True):
        if c is not None and c not in classes:
            classes[c] = w
    padded = ""
    for c, phrases in _PHRASES.items():
        if c not in classes and not _PHRASE_ANCHOR_WORDS[c].isdisjoint(lows):
            padded = padded or " " + sentence.lower().replace("’", "'") + " "
            for p in phrases:
                if p in padded:
                    classes[c] = p.strip()
                    break
    return classes


def _anchor(phrase: str) -> str:
    """The longest word of `phrase` (letters only), which a sentence holding it has as a token."""
    return max((w for w in re.split(r"[^a-z]+", phrase.replace("'s", " ")) if w), key=len)


# Each class's phrases are searched only in a sentence with one of their anchor words: most
# sentences skip most classes.
_PHRASE_ANCHOR_WORDS = {c: frozenset(map(_anchor, ps)) for c, ps in _PHRASES.items()}


@lru_cache(maxsize=16384)
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
    if "." in bare or bare.endswith("@"):
        if _INITIALS.fullmatch(bare):
            # initials as a person: "S.K. rebooted", "Q.F.'s doing", "engineer T.M."
            prev = words[i - 1].lower() if i else ""
            if bare != w or _acts_next(words, i) or prev in (":", "by", "—", "–"):
                return "name"
            return None
        return "handle" if _is_id(bare) else None
    if low in ROLE_NOUNS or low in _MORE_ROLES or bare in _ROLE_ACRONYMS:
        return "role"
    if low in _ROMANCE_PEOPLE or low[2:] in _ROMANCE_PEOPLE and low[:2] in ("l'", "d'"):
        # a person or a team named in Portuguese, French or Spanish, also in an English
        # sentence: "l'équipe infra changed the VLAN", "the estagiário deleted ..."
        return _ROMANCE_PEOPLE[low if low in _ROMANCE_PEOPLE else low[2:]]
    if low == "responsible" and i and words[i - 1].lower() == "the" and _next_is(words, i, "of"):
        return "role"  # French-speaker English: "the responsible of the playout has forgotten"
    if low in _SELF:
        return "self"  # the writer owning the act: "I dropped the live table", "on me"
    if low in TEAM_NOUNS or low in _MORE_TEAMS:
        return "team"
    if (low in _OFFICES or low in ("office", "office's")) and (
        "-" in low or (i and words[i - 1].lower() in _OFFICE_UNITS)
    ):
        return "team"  # "head office's decision", "the middle office keeps sending"
    if low in _PRONOUNS or low == "you":
        return "pronoun"
    if low in _SOMEONE:
        return "someone"
    if bare[:1].isupper() and i and words[i - 1] in _HONORIFICS and not is_technical(bare):
        return "name"  # "Mr. Adewale Ogunleye", "Dr. Viktorov's group": also in a heading
    if bare[:1].isupper() and not titled:
        if bare in NAMES or name_like(bare):
            return "name"
        acts = _acts_next(words, i)
        if (
            acts
            and (i or low not in _FUNCTION_WORDS)
            and capitalised_agent(bare, sentence_start=not i)
        ):
            # "Hamza has deployed", "Ama's change": a name that is a word too; first in the
            # sentence, a proper noun the dictionary spells capitalised ("Knut simply does
            # not follow process")
            return "name"
        if bare != w and _act_follows(words, i) and not is_technical(bare):
            return "name"  # "Bence's hotfix", "Patel's script": a person's act, whatever the word
        if i and words[i - 1] == "by" and capitalised_agent(bare, sentence_start=False):
            return "name"  # the agent of a passive: "routed to air by Marguerite"
        if acts and _unknown_word(bare):
            return "name"  # "Gergely restarted the primary": no word of any lexicon, acting
        if (
            bare == w
            and i < len(words) - 1
            and words[i + 1] in _HUMAN_ACTS
            and low not in _FUNCTION_WORDS
            and not is_technical(bare)
        ):
            return "team"  # a function acting as only people do: "Procurement forgot to renew"
        if (
            not i
            and bare == w
            and len(words) > 2
            and words[1] in _SANCTION_MODALS
            and _SANCTION_HEAD.match(" ".join(words[:6])) is not None
            and not is_technical(bare)
        ):
            # a sanction aimed at the first word, a name that is also a word: "Beat should
            # be formally reprimanded", "Con needs a serious talking-to"
            return "name"
        if acts and bare == w and _their_own(words) and not is_technical(bare):
            # a unit the sentence calls people: "Revenue Assurance switched off the fraud
            # rule on their own initiative", "Compliance changed it on their own"
            return "team"
        if acts and not i and bare == w and _first_acts(" ".join(words[:4])):
            return "name"  # "Regula disabled the monitoring": a rare word acting, first
        if (
            i < len(words) - 1
            and words[i + 1][-1] == "s"
            and _present(words[i + 1])
            and _proper(bare)
        ):
            if not is_technical(bare):
                return "name"  # a proper noun before a present-tense verb: "Kuba works ..."
    if (
        low.isalpha()
        and _who_follows(words, i)
        and low not in _FUNCTION_WORDS
        and low not in _NOT_WHO
        and _word_class(low) not in ("machine", "selfstate")
    ):
        # only people are "who": "the postgraduate who ran rm -rf", "Marguerite, who ..."
        return "name" if bare[:1].isupper() and not titled else "role"
    if bare[:1].islower() and _lower_name(words, i):
        return "name"  # chat style: "honestly aroha just pushed it", "jkim mistakenly ..."
    if bare[:1].islower() and _role_by_form(words, i, low):
        return "role"  # "the night-shift pharmacist", "the belt attendant's failure"
    return None


# Endings only people have: "-ist" (a pharmacist, a machinist), "-ician", "-man"/"-men" (a
# lineman), "-keeper". Words of those shapes that name no one end otherwise ("checklist").
_PERSON_ENDINGS = ("ist", "ists", "ician", "icians", "keeper", "keepers", "man", "men")
_NOT_PERSON_ENDINGS = ("list", "lists", "sist", "sists", "xist", "xists", "imen", "omen", "mist")
# "-er", "-or", "-ant", "-ar" also end things (a controller, a scheduler, a sensor): people only
# with a shift, rank or place before them, or an act only a person does after them.
_AGENT_ENDINGS = ("er", "ers", "or", "ors", "ant", "ants", "ar", "ars")
_ROSTER_MARKS = (
    "shift", "duty", "night", "overnight", "senior", "junior", "head", "chief", "room",
    "ground", "field", "floor", "site", "station", "desk", "relief", "trainee", "rookie",
    "weekend", "evening", "morning",
)  # fmt: skip
# People and teams as Portuguese, French and Spanish write them (role nouns, not names): the
# writers of a Brazilian or a French-speaking shop mix them into English.
_ROMANCE_PEOPLE = {
    **dict.fromkeys(
        """stagiaire stagiaires estagiário estagiária estagiários estagiárias becario becaria
        becarios técnico técnica técnicos technicien technicienne techniciens engenheiro
        engenheira engenheiros ingeniero ingeniera ingénieur ingénieure prestataire
        prestataires responsable responsables responsável responsáveis analista analistas
        desenvolvedor desenvolvedora desarrollador desarrolladora collègue colega colegas
        caras""".split(),
        "role",
    ),
    **dict.fromkeys(
        """équipe équipes equipe equipes equipo equipos consultoria consultora""".split(),
        "team",
    ),
}


_SANCTION_MODALS = frozenset("should must needs deserves deserved".split())


_SYSTEM_WORDS = frozenset(
    "system systems process tooling tools tool platform code software machine".split()
)


def _not_the_system(lows: list[str], i: int, start: int) -> str:
    """Agent `i` (its noun phrase from `start`) is what something "was", and "not the system"
    (process, tooling, platform, code) follows in its phrase (up to six words): the words, or
    ""."""
    if not start or lows[start - 1] not in ("was", "is", "were", "are"):
        return ""
    for j in range(i + 1, min(len(lows) - 2, i + 7)):
        if lows[j] in _STOPS - {","} or lows[j] in ("and", "but", "because"):
            return ""
        if lows[j] == "not" and lows[j + 1] in ("the", "our", "a") and lows[j + 2] in _SYSTEM_WORDS:
            return f"not {lows[j + 1]} {lows[j + 2]}"
    return ""


def _their_own(words: list[str]) -> bool:
    """The sentence says "their own" (an initiative, a change, a decision: people's)."""
    return any(w.lower() == "their" and _next_is(words, k, "own") for k, w in enumerate(words))


_ROMANCE_ACCENTED = re.compile(
    "|".join(sorted((w for w in _ROMANCE_PEOPLE if not w.isascii()), key=len, reverse=True))
)


def _next_is(words: list[str], i: int, word: str) -> bool:
    return i + 1 < len(words) and words[i + 1].lower() == word


_HUMAN_ACTS = frozenset(
    """forgot forgets neglected panicked insisted bothered bother care cared asleep slept
    walked lacks lacked manually deliberately intentionally personally wanted refused
    apologised apologized""".split()
)


_ROSTER_SET = frozenset(_ROSTER_MARKS)


def _formed_people(words) -> bool:
    """Some lower-case word of `words` may name a person by its form (_role_by_form): an
    ending only people have, or a shift, rank or place word (whole, or a part of a hyphenated
    word) that an agent's ending may follow."""
    if not _ROSTER_SET.isdisjoint(words) or not _HUMAN_ACTS.isdisjoint(words):
        return True  # a shift or rank word, or an act only a person does ("forgot")
    for w in words:
        if len(w) >= 5 and w.endswith(_PERSON_ENDINGS) and not w.endswith(_NOT_PERSON_ENDINGS):
            return True
        if "-" in w and not _ROSTER_SET.isdisjoint(w.split("-")):
            return True
    return False


def _role_by_form(words: list[str], i: int, low: str) -> bool:
    """Lower-case token `i` names a person by its form: an ending only people have, or an
    agent's ending with a shift, rank or place before it or a person's act after it."""
    if len(low) < 5 or not low.replace("-", "").isalpha() or low in _FUNCTION_WORDS:
        return False
    if low.endswith(_NOT_PERSON_ENDINGS) or _word_class(low) in ("machine", "selfstate"):
        return False
    # the technical lexicon only: the text's own vocabulary holds every word it writes in
    # lower case (it tells a capitalised word used as a thing), so it would name every role
    if low.endswith(_PERSON_ENDINGS):
        return low not in TECH_WORDS
    if not low.endswith(_AGENT_ENDINGS):
        return False
    start = _np_start(words, i)
    if start == i:
        return False  # a bare "-er" noun is a thing more often than not
    marked = (
        "shift" in low
        or "duty" in low
        or any(m in words[j].lower() for j in range(start, i) for m in _ROSTER_MARKS)
    )
    if not marked:
        nxt = [w.lower() for w in words[i + 1 : i + 4]]
        marked = not _HUMAN_ACTS.isdisjoint(nxt) or nxt[:2] in (["on", "duty"], ["on", "shift"])
    return marked and low not in TECH_WORDS


# People named by what they do, beyond lexicon.ROLE_NOUNS (whose words the hand rules also
# read): the model weighs these by where they stand, so "operator" may be a Kubernetes
# operator too. Teams likewise.
_MORE_ROLES = frozenset(
    """on-call oncall intern contractor captain captains coordinator coordinators operator
    operators joiner joiners starter starters trainee trainees apprentice apprentices rookie
    rookies veteran veterans freelancer freelancers boss bosses supervisor supervisors foreman
    chief cto vp ceo cio ciso volunteer volunteers student students steward stewards gal gals
    dude dudes custodian custodians dispatcher dispatchers planner planners electrician
    electricians researcher researchers postgraduate postgraduates postdoc postdocs editor
    editors adjuster adjusters clerk clerks trader traders accountant accountants nurse nurses
    doctor doctors physician physicians teller tellers cashier cashiers mechanic mechanics
    lineman linemen designer designers recruiter recruiters professor professors lecturer
    lecturers grad grads undergrad undergrads colleague assistant assistants
    storekeeper""".split()
)
_MORE_TEAMS = frozenset(
    """shift shifts folks guild guilds tribe tribes chapter chapters group groups org orgs
    desk unit units people vendor vendors supplier suppliers pod pods lab labs board boards
    committee committees department departments""".split()
)
# An office as a unit of the company ("head office", "the back-office"), not a room or a
# press office's staff ("used by office staff").
_OFFICE_UNITS = frozenset("head back middle front".split())
_OFFICES = frozenset(("back-office", "front-office", "middle-office"))
_ROLE_ACRONYMS = frozenset(
    "QA SRE SREs DBA DBAs NOC SOC IC PM PMs CTO VP CEO CIO CISO TL EM".split()
)


_HONORIFICS = frozenset("Mr Mrs Ms Mx Dr Prof Miss Sir Madam Mme Herr Frau Sr Sra Eng Ing".split())
# What a person does or makes, as the noun after a possessive ("Bence's hotfix"): a
# possessive before one of them names a person, whatever else the word is.
_ACTS = frozenset(
    """change changes edit edits decision decisions commit commits hotfix hotfixes fix fixes
    patch patches push deploy deployment migration command script scripts query update
    rollout release call choice mistake mistakes typo oversight merge pr prs cleanup import
    answer answers reviews review approval work idea shortcut experiment tweak refactor
    rollback restart override upload instruction instructions refusal order orders
    sign-off purge copy-paste""".split()
)


def _unknown_word(bare: str) -> bool:
    """A capitalised word that only a suffix made a common word ("Gergely", "Bence"): no
    English word of the dictionary, no common or technical word, not used as a thing here."""
    return _unknown_shape(bare) and not is_technical(bare)


@lru_cache(maxsize=8192)
def _unknown_shape(bare: str) -> bool:
    """_unknown_word without the text's own vocabulary (the same for every text)."""
    from pm_tui.language.agents import COMMON_WORDS, TECH_WORDS, _everyday

    low = bare.lower()
    return (
        len(low) > 2
        and low.isalpha()
        and low not in COMMON_WORDS
        and low not in TECH_WORDS
        and not _everyday(low)
    )


_NOT_WHO = frozenset("those anyone everyone nobody one ones all any none each".split())


def _who_follows(words: list[str], i: int) -> bool:
    """The next word (or the one after a comma) is the relative pronoun "who"."""
    nxt = words[i + 1 : i + 3]
    return bool(nxt) and (nxt[0] == "who" or (nxt[0] == "," and nxt[1:] == ["who"]))


def _act_follows(words: list[str], i: int) -> bool:
    """One of the next three words (over modifiers) after token `i` is a person's act."""
    for w in words[i + 1 : i + 4]:
        low = w.lower()
        if low in _ACTS:
            return True
        if not w[:1].isalpha():
            return False
    return False


def _is_id(token: str) -> bool:
    """A person's id written without the @ ("t.okafor@", "l.virtanen", "priya.r"), not a
    file name ("main.go") nor an abbreviation ("e.g")."""
    if not _ID.fullmatch(token):
        return False
    return token.endswith("@") or token.rsplit(".", 1)[-1] not in _FILE_SUFFIXES


_VERBISH = frozenset(
    """has had was is did didn't never just should would could then also not decided chose
    insisted ran set put made took left broke wrote sent cut hit shut threw gave let
    mistakenly accidentally simply clearly really basically literally totally""".split()
)
_LEAD_IN = frozenset("honestly frankly basically so and but then apparently because when".split())


def _lower_name(words: list[str], i: int) -> bool:
    """Token `i`, in lower case, is a name in chat style: it opens its clause, the next word
    reads as its verb, and it is no English word, technical noun or common word."""
    w = words[i]
    if len(w) < 3 or not w.replace("-", "").isalpha() or not _first_word_lower(words):
        return False
    prev = words[i - 1].lower() if i else ""
    if (
        i
        and prev not in _LEAD_IN
        and prev not in _SUBJECT_OPENERS
        and prev not in _CONDITIONS
        and prev not in ",;:—–("
    ):
        return False
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if not nxt.islower() or not (
        nxt in _VERBISH or nxt.endswith(("'d", "’d")) or (nxt.endswith("ed") and len(nxt) > 4)
    ):
        return False
    cap = w[:1].upper() + w[1:]
    # not the text's vocabulary: a name in lower case is "written in lower case" there
    return w not in _FUNCTION_WORDS and name_shaped(cap)


# "if jin-ho had just asked in #infra ...": a clause opened by a condition
_CONDITIONS = frozenset("if unless".split())


def _first_word_lower(words: list[str]) -> bool:
    """The first word of letters is in lower case: chat style, also after a chat line's time
    and speaker ("[02:14] mick: anaru just dropped the table")."""
    for w in words[:8]:
        if w[:1].isalpha():
            return w[:1].islower()
    return False


_AUX_NEXT = frozenset(
    """has had was is did didn't never just should would could then also had not
    decided chose insisted does doesn't don't keeps kept won't can't cannot""".split()
)


def _acts_next(words: list[str], i: int) -> bool:
    """Token `i` is possessive, or the next word reads as its verb (an auxiliary or a past
    tense): what makes a capitalised English word mid-sentence a name."""
    if words[i].lower().endswith(("'s", "’s")):
        return True
    j = i + 1
    while j < len(words) - 1 and j < i + 3 and words[j] in _FILLER:
        j += 1  # "Hamza really did pull the plug"
    nxt = words[j] if j < len(words) else ""
    return nxt.islower() and (nxt in _AUX_NEXT or (nxt.endswith("ed") and len(nxt) > 4))


# "you" as the subject of a past act: the person spoken to ("Kahu, you broke prod",
# "because you disabled log rotation"); never "you can", "you may", "if you use".
_YOU_ACT = re.compile(
    r"\byou (?:just |really |also |then |accidentally |clearly |simply |again )?"
    r"(?:[a-z]{3,}ed|broke|took|ran|left|set|put|made|wrote|sent|cut|shut|threw|gave|let|undid|"
    r"overrode|chose|drove|tore|forgot|did (?:this|it|that))\b",
    re.IGNORECASE,
)


def _first_acts(sentence: str) -> bool:
    """The first word of `sentence` is a rare English word (no common or technical one, one
    the dictionary spells in lower case) followed by its verb: "Amine hard-coded the key",
    "Regula disabled the monitoring" - a name that is also a word."""
    m = _FIRST_ACT.match(sentence)
    if m is None:
        return False
    bare, verb = m.group(1), m.group(2)
    # a past act on a determined object: "Regula disabled the monitoring" (not "Issue
    # mitigated with ...", "Reason was ...", "Remove hardcoded version ...")
    return (
        bare.lower() not in _FUNCTION_WORDS
        and (verb in _IRREGULAR or len(verb) > 4)
        and _agent_shape(bare) is False
        and not is_technical(bare)
    )


_FIRST_ACT = re.compile(
    r"[\W\d_]*([A-Z][a-z]+)\s+([a-z][a-z-]*(?:ed|'d)|ran|set|put|made|took|left|broke|wrote|sent|"
    r"cut|hit|shut|threw|gave|let|undid|overrode|chose|drove|tore|pulled|forgot)\s+"
    r"(?:the|a|an|our|their|his|her|its|every|all|both|each|this|that|those|these|live|prod|"
    r"production|primary|only|whole|entire)\b"
)


def _present(word: str) -> bool:
    """`word` (lower case) reads as a verb in the present tense: "works", "skips", "treats"."""
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in _PRESENT_NOT
        and word.isalpha()
        and _word_class(word) not in ("machine", "selfstate")
    )


_FILLER = frozenset(
    """just simply also then accidentally mistakenly apparently clearly really quietly
    still already never again once basically""".split()
)
_IRREGULAR = frozenset(
    """ran set put made took left broke wrote sent cut hit shut threw gave let undid overrode
    chose drove tore pulled forgot""".split()
)


def _filler(low: str) -> bool:
    """A word between a subject and its verb that says nothing of the act ("really", "then",
    an adverb in -ly)."""
    return low in _FILLER or (low.endswith("ly") and len(low) > 4)


def _verb_after(words: list[str], i: int) -> str | None:
    """The past-tense verb right after token `i` (over fillers), if it is no response step
    ("paged", "restored"): the act of which `i` is the subject."""
    for j in range(i + 1, min(len(words), i + 4)):
        low = words[j].lower()
        if _filler(low):
            continue
        past = (
            low in _IRREGULAR
            or low.endswith(("'d", "’d"))
            or (low.endswith("ed") and len(low) > 4)
            or _romance_past(low)
        )
        if past and _word_class(low) not in ("response", "hypothesis", "general"):
            return words[j]
        return None
    return None


def _romance_past(low: str) -> bool:
    """A Portuguese or Spanish past tense of the third person ("apagou", "rodou", "subiu",
    "mexeu", "borró"): the verb of a person in a sentence written in, or mixed with, those
    languages ("A Ju rodou o script de estorno em produção")."""
    return len(low) > 4 and low.isalpha() and low.endswith(("ou", "eu", "iu", "ó"))


_LINKS = frozenset("and so , ; — – which then until".split())


def _outcome_after(lows: list[str], wcs: list[str | None], k: int) -> str:
    """A word of harm in a clause linked after position `k` (the act's object): "..., and
    we lost two days", ", dropping all monitoring", "so the group starved"."""
    linked = False
    for j in range(k, len(lows)):
        if lows[j] in _LINKS:
            linked = True
        elif linked and (wcs[j] == "harm" or lows[j].endswith("ing") and wcs[j] == "harm"):
            return lows[j]
    return ""


# What links an act to what followed: ", so", "which is how", "hence", "causing", "and".
_CONSEQUENCE_LINKS = frozenset(
    """so which hence thus until causing leaving exposing dropping resulting meaning sending
    taking bringing and""".split()
)
# What a consequence clause says went wrong, beyond the words of harm: a state ("stuck",
# "idle", "offline"), a count gone wrong ("twice", "duplicates"), a loss of a service.
_BAD_OUTCOMES = frozenset(
    """stuck idle offline down crawl vanished died dead starved drifted backed flooded
    duplicate duplicates duplicated double twice blackholed delay delayed black blank
    unchecked exposed exposing locked stranded unreachable unavailable lapsed diverge
    diverged halted standstill stoppage overflow dry sprayed scrapped rejected refused
    blocked timeouts errors failures angry complaints quoted stale""".split()
)
_NEGATIVE_OUTCOMES = frozenset("not no nobody cannot can't couldn't never none n't".split())
# A consequence clause that says things got better is a response, not a harm.
_RECOVERY = frozenset(
    """recovered recover restored resolved cleared fixed normal stable healthy mitigated
    stopped drained caught""".split()
)


def _consequence(lows: list[str], wcs: list[str | None], first: int) -> str:
    """What the act of the person at token `first` led to, in a linked clause after it: ",
    so customers were stuck", "and the studio B return vanished", "causing duplicates",
    "which stretched the outage"; the link and the word of the outcome, or ""."""
    n = len(lows)
    for j in range(first + 2, n - 1):
        t = lows[j]
        if t not in _CONSEQUENCE_LINKS and not (
            t == "," and lows[j + 1].endswith("ing") and wcs[j + 1] != "response"
        ):
            continue
        if t == "and":
            k = j + 1
            while k < n - 1 and lows[k] in _FILLER:
                k += 1
            u = lows[k]
            if u in _IRREGULAR or u.endswith(("ed", "'d")):
                continue  # the same person's next act ("... and then restarted"), no outcome
        for k in range(j + 1, min(n, j + 14)):
            u = lows[k]
            if u in _RECOVERY or wcs[k] == "response":
                return ""
            if (
                wcs[k] == "harm"
                or u in _BAD_OUTCOMES
                or u in _NEGATIVE_OUTCOMES
                or u.startswith(("double-", "mis"))
            ):
                return f"{t} … {u}"
            if u in (";", ":", "—", "–"):
                break
    return ""


def _coordinated_verb(words: list[str], lows: list[str], i: int) -> str | None:
    """The person at token `i` did something after a first step the act reading skips (a
    response, a theory): "Dewi joined the bridge late and then restarted the wrong service";
    the later past-tense verb of the same subject, or None."""
    for j in range(i + 1, min(len(lows) - 1, i + 12)):
        t = lows[j]
        if t in _STOPS and t != ",":
            return None
        if t in _SUBJECT_OPENERS and t not in ("and", "then"):
            return None
        if t in ("and", "then"):
            k = j + 1
            while k < len(lows) - 1 and lows[k] in _FILLER:
                k += 1
            if k > j + 1 or lows[j + 1] != "the":
                verb = _verb_after(words, k - 1)
                if verb is not None:
                    return verb
    return None


# What an act reached when it reached too much: the live or only copy, all of it, both.
_SCOPES = frozenset(
    """live prod production primary only whole entire both all every master""".split()
)


def _scope_in_clause(lows: list[str], j: int) -> str:
    """A word of scope (_SCOPES) in the object of the act from position `j` to the end of its
    clause: "a live disk", "the only copy", "every shard"; the word, or ""."""
    return _in_clause(lows, j, 8, lambda k: lows[k] in _SCOPES)


_OMISSIONS = {
    "did": "not", "didn't": "", "does": "not", "doesn't": "", "never": "", "failed": "to",
    "fails": "to", "forgot": "to", "forgets": "to", "neglected": "to", "omitted": "to",
}  # fmt: skip


def _omission_after(lows: list[str], i: int) -> str:
    """What the person at token `i` did not do: "did not", "didn't", "failed to", "forgot to",
    "never" right after it (over fillers); "" otherwise."""
    for j in range(i + 1, min(len(lows) - 1, i + 4)):
        t = lows[j]
        if _filler(t):
            continue
        need = _OMISSIONS.get(t)
        if need is None:
            return ""
        return t if not need or lows[j + 1] == need else ""
    return ""


def _harm_in_clause(lows: list[str], wcs: list[str | None], j: int) -> str:
    """A word of harm from position `j` to the end of its clause: what the act did."""
    return _in_clause(lows, j, 12, lambda k: wcs[k] == "harm")


def _in_clause(lows: list[str], j: int, span: int, hit) -> str:
    """The first word from position `j` (within `span` words) for whose index `hit` holds,
    before its clause ends (a stop or a word opening a new subject); or ""."""
    for k in range(j, min(len(lows), j + span)):
        if lows[k] in _STOPS or lows[k] in _SUBJECT_OPENERS:
            return ""
        if hit(k):
            return lows[k]
    return ""


def _fault_predicate(lows: list[str], wcs: list[str | None], i: int) -> str:
    """A word of fault or of a cause in the predicate of token `i` (the subject), before its
    clause ends: the person is what the sentence finds at fault."""
    for j in range(i + 1, min(len(lows), i + 8)):
        if lows[j] in _STOPS or lows[j] in _SUBJECT_OPENERS:
            return ""
        if wcs[j] in ("fault", "cause") and lows[j] not in ("owner", "call", "decision"):
            return lows[j]
    return ""


# What follows a cause word when the person is credited with a recovery, not blamed for a
# harm: the recovery itself ("we recovered", "service was restored") or how soon or how little
# ("within the hour", "rather than days", "so quickly"); never with time or work lost after it
# ("we spent Sunday restoring backups", "we lost a day").
_CREDIT_MARKS = frozenset(
    """recovered restored resolved mitigated contained quickly fast early within instead
    rather minutes""".split()
)
_CREDIT_LOST = frozenset(
    """spent spend spending lost lose wasted waste had have having took take taking down
    outage outages broke broken failed failure""".split()
)
_CREDIT_EXCEPT = frozenset(("instead", "rather", "within"))  # "took minutes instead of hours"


def _credited(lows: list[str], k: int) -> str:
    """After the cause word at `k` ("reason", "why", "because"; -1: all of `lows`, the words
    before a cause link), the sentence tells a recovery or how soon it came, and no time or
    work lost: the word, or ""."""
    rest = lows[k + 1 :]
    mark = next((t for t in rest if t in _CREDIT_MARKS), "")
    if not mark:
        return ""
    if _CREDIT_EXCEPT.isdisjoint(rest) and not _CREDIT_LOST.isdisjoint(rest):
        return ""
    return mark


_PRESENT_NOT = frozenset("is was has us its this thus yes gas bus plus less".split())
_DOES = frozenset("does doesn't did didn't never keeps kept won't can't cannot".split())
_AIMS = frozenset("for to with by on".split())


def _after_clock(lows: list[str], start: int) -> bool:
    """The words before `start` are a time of day: a timeline row ("14:02 Okonkwo pushed"),
    whose first word after the time opens the clause."""
    return (
        start >= 3
        and lows[start - 2] == ":"
        and lows[start - 1].isdigit()
        and lows[start - 3].isdigit()
    )


def _held(words: list[str], lows: list[str], i: int) -> str:
    """Where token `i` (a person) stands when a sentence holds it responsible without a word
    of harm or judgement: "owner" (its possessive: "the belt attendant's failure"), "label"
    (a label's value or name: "Network planning team: this failure is theirs"), "aimed" (the
    object of for/to/with/by/on: "counselling for the release coordinator", "down to the
    infra guild"), "doer" (the subject of a present-tense or negated act: "The MES team
    treats the line like a test lab", "the shot-firer did not bother"); "" otherwise."""
    if lows[i].endswith("'s"):
        return "owner"
    start = _np_start(words, i)
    before = lows[start - 1] if start else ""
    if before in _PLACE_MARKS or (i + 1 < len(lows) and lows[i + 1] == ":"):
        return "label"
    if before in _AIMS:
        return "aimed"
    if start == 0 or before in _SUBJECT_OPENERS or before in ",;—–(" or _after_clock(lows, start):
        for j in range(i + 1, min(len(lows), i + 4)):
            t = lows[j]
            if _filler(t):
                continue
            if t in _DOES or (
                t.endswith("s")
                and not t.endswith("ss")
                and t not in _PRESENT_NOT
                and t.isalpha()
                and _word_class(t) not in ("machine", "selfstate")
            ):
                return "doer"
            break
    return ""


# Words that make what stands next to them a cause ("is why", "the direct consequence of").
_CAUSE_WORDS = frozenset(
    """why consequence consequences result resulted results arose arises led leads caused
    causes because""".split()
)
_OF = frozenset("by of from".split())


def _owned_act(words: list[str], lows: list[str], i: int) -> str:
    """The act of the person at token `i`: a possessive before a person's act ("Kenji's small
    refactor", "the manager's refusal"), or the act before by/of/from and the person (the
    decision of the service owner, an instruction issued by the manager); "" if none."""
    if lows[i].endswith("'s"):
        for j in range(i + 1, min(len(lows), i + 4)):
            if lows[j] in _ACTS or lows[j].rstrip("s") in _ACTS:
                return words[j]
            if not lows[j][:1].isalpha() and lows[j] != '"':
                break
        return ""
    start = _np_start(words, i)
    if start and lows[start - 1] in _OF:
        for j in range(start - 2, max(-1, start - 5), -1):
            if lows[j] in _ACTS:
                return words[j]
            if lows[j] in _STOPS:
                break
    return ""


def _acts(words: list[str], lows: list[str], i: int) -> bool:
    """Token `i` (a role or team) is the subject of a past-tense act ("The apprentice disabled
    the backup schedule", "the QA team signed off") or of a relative clause's act."""
    start = _np_start(words, i)
    before = lows[start - 1] if start else ""
    if (
        start == 0 or before in _SUBJECT_OPENERS or before in ",;:—–(" or _after_clock(lows, start)
    ) and _verb_after(words, i):
        return True
    return _relative_verb(words, lows, i) is not None


def _relative_verb(words: list[str], lows: list[str], i: int) -> str | None:
    """The past-tense verb of a relative clause on token `i`: "Marguerite, who ignored the
    rundown", "the night operator who acknowledged the alert"."""
    j = i + 1
    while j < len(words) and j <= i + 3 and lows[j] != "who":
        if lows[j] != "," and not (lows[j][:1].isalpha() and _word_class(lows[j]) is None):
            return None
        if lows[j] != "," and lows[j] in _FUNCTION_WORDS:
            return None
        j += 1
    if j >= len(words) or lows[j] != "who":
        return None
    return _verb_after(words, j)


_COUNTERFACTUAL_AUX = frozenset("should could would might must".split())


def _counterfactual_of(lows: list[str], start: int, i: int) -> str:
    """Token `i` (its noun phrase from `start`) is the subject of a counterfactual: "had
    <> followed the runbook", "if <> had checked", "<> should have asked"; the words, with
    "<>" where the person stands, or ""."""
    before = lows[start - 1] if start else ""
    after = lows[i + 1 : i + 3]
    if before == "had" and (start < 2 or lows[start - 2] not in ("who", "that", "which")):
        return "had <> …"
    if (before == "if" or (before == "only" and start > 1 and lows[start - 2] == "if")) and (
        after[:1] == ["had"]
    ):
        return "if <> had …"
    if len(after) == 2 and after[0] in _COUNTERFACTUAL_AUX and after[1] == "have":
        return f"<> {after[0]} have …"
    if after[:1] in (["should"], ["shouldn't"], ["needs"], ["must"]):
        return f"<> {after[0]} …"
    return ""


def _owns_component(words: list[str]) -> bool:
    return blame._owns_component(words)


def _behaves_as_system(sentence: str) -> bool:
    return blame._behaves_as_system(sentence)


_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_REASON_OPENERS = frozenset("because since when as after once until".split())
_THING_DETERMINERS = frozenset("the its a an no".split())


# A capitalised word after the first (a name, a role or a product), a role acronym, an id
# with a dot or an "@", a word of a person in lower case, the first word.
_MID_CAPITAL = re.compile(
    r"(?<=[\s(\[\"“‘'’,;:—–/*_|~.])([^\W\d_a-z][^\W\d_A-Z][\w'’-]*)(?=\s+([\w'’-]+))?"
)
_ROLE_ACRONYM_RX = re.compile(r"(?:QA|SREs?|DBAs?|NOC|SOC|IC|PMs?|CTO|VP|CEO|CIO|CISO|TL|EM)\b")
_ROLE_ACRONYMS_LOW = frozenset(
    "qa sre sres dba dbas noc soc ic pm pms cto vp ceo cio ciso tl em".split()
)
_ID_HINT = re.compile(r"\.(?<=[a-z]\.)[a-z]")  # the dot first: a literal is searched fast
# What separates lower-case words (a-z and hyphens): everything else up to U+024F, and quotes
# and dashes (str.translate and split: faster than a pattern's findall).
_NOT_WORD = {
    i: " " for i in [*range(0x250), *map(ord, "‘’“”—–…")] if not ("a" <= chr(i) <= "z" or i == 45)
}
_FIRST_WORD = re.compile(r"[\W\d_]*([^\W\d_][\w'’-]*)")


# _MID_CAPITAL in ASCII text: a capitalised word, the character before it looked at after
# (a pattern that opens with a lookbehind tries it at every position, slowly).
_CAP_WORD = re.compile(r"[A-Z][a-z][\w'’-]*(?=\s+([\w'’-]+))?")
_BEFORE_CAPITAL = frozenset("(\"“‘'’,;:—–/[*_|~.")
# Letters lower-cased, a-z and hyphens kept, every other byte a space.
_NOT_WORD_ASCII = bytes(
    c + 32 if 65 <= c <= 90 else c if (97 <= c <= 122 or c == 45) else 32 for c in range(256)
)


def _lower_words(text: str) -> set[str]:
    """The lower-case words of `text` (runs of a-z and hyphens); ASCII text (most) goes
    through bytes.translate (lower-casing too), much faster than str.translate or a pattern."""
    if text.isascii():
        return set(text.encode().translate(_NOT_WORD_ASCII).decode().split())
    return set(text.lower().translate(_NOT_WORD).split())


def _mid_capitals(sentence: str):
    """(start, word, next word or "") of each match of _MID_CAPITAL in `sentence`, in order."""
    if not sentence.isascii():
        for m in _MID_CAPITAL.finditer(sentence):
            yield m.start(), m.group(1), m.group(2) or ""
        return
    pos = 1
    while (m := _CAP_WORD.search(sentence, pos)) is not None:
        at = m.start()
        before = sentence[at - 1]
        if before.isspace() or before in _BEFORE_CAPITAL:
            yield at, m.group(0), m.group(1) or ""
            pos = m.end()
        else:
            pos = at + 1  # a capital inside a word ("xAb'Cd"): "Cd" may still follow


def _proper(word: str) -> bool:
    """A proper noun the dictionary spells capitalised ("Knut", "Piet"): a first word that
    may be a name when a verb follows it."""
    return _agent_shape(word) is True and word.lower() not in _FUNCTION_WORDS


def _may_name_dotted(sentence: str) -> bool:
    """_may_name_agent of a sentence with a dot between letters, by its tokens: a person's id
    ("l.virtanen"), a capitalised token after the first, a people word, "who" or a verb a
    name in lower case takes; or a first token that may be a name. A token with a dot is an
    agent only as an id, so "orders.customer_ref" or "e.g." no longer sends every such text
    (or each of its sentences) to the reading."""
    words = _tokens(sentence)
    if not words:
        return False
    if any("." in w and _is_id(w) for w in words) or any(w[0].isupper() for w in words[1:]):
        return True
    if "who" in words or not _VERBISH.isdisjoint(words):
        return True
    for w in words:
        low = w.lower().replace("’", "'")
        if low in _PEOPLE_WORDS or (low.endswith("'s") and low[:-2] in _PEOPLE_WORDS):
            return True
    head = words[0]
    return head[0].isupper() and (
        head in NAMES
        or name_shaped(head)
        or head.endswith(("'s", "’s"))
        or _unknown_word(head)
        or _proper(head)
    )


# Marks glued to a person: emphasis ("**Bob**", "*Ingrid*", "~~x~~"), a table's cells ("| 14:02
# | Okonkwo | force-pushed |": a pipe is a clause break, ";"), an underscore at one edge of a
# word ("_Hamid_"; a masked span or an identifier has word characters on both sides or none).
# A pipe before a cell in lower case is a space instead (_CELL_TO_VERB).
_GLUE_MARKS = str.maketrans({"*": " ", "~": " ", "|": ";"})
_UNDERSCORES = re.compile(r"_+")
_UNDERSCORE_CAPITAL = re.compile(r"_[A-Z]")  # emphasis opens before a name: "_Hamid_"
# A pipe before a cell that opens in lower case (the act of the cell before: "| Bob | dropped
# the table |") joins the two as one clause.
_CELL_TO_VERB = re.compile(r"\|(?=[ \t]*[a-z])")
# A dot between a word and a capitalised word, no space ("x.Bob", "Mr.Grant").
_GLUED_DOT = re.compile(r"\.(?=[A-Z][a-z])")


def _unglue(text: str) -> str:
    """`text` with the marks glued to a name made spaces or clause breaks (same length): a
    name in emphasis, in a table cell, after a dot with no space, reads as one in prose."""
    if "|" in text:
        text = _CELL_TO_VERB.sub(lambda m: " " * len(m.group()), text)  # "| Bob | dropped"
    if "*" in text or "|" in text or "~" in text:
        text = text.translate(_GLUE_MARKS)
    if "_" in text and _emphasis_underscore(text):
        text = _UNDERSCORES.sub(lambda m: _edge(text, m.start(), m.end()), text)
    dot = text.find(".")
    if 0 <= dot < len(text) - 2 and _GLUED_DOT.search(text, dot) is not None:
        text = _GLUED_DOT.sub(lambda m: _glued_dot(text, m.start()), text)
    return text


def _emphasis_underscore(text: str) -> bool:
    """An underscore opens a word before a capital ("_Hamid_"), not inside an identifier
    ("ORDER_LOOKUP_CACHE")."""
    pos = 0
    while (m := _UNDERSCORE_CAPITAL.search(text, pos)) is not None:
        k = m.start()
        while k and text[k - 1] == "_":
            k -= 1
        if k == 0 or not text[k - 1].isalnum():
            return True
        pos = m.end()
    return False


def _edge(text: str, start: int, end: int) -> str:
    """Underscores with a letter on one side only are marks ("_Hamid_"), else kept."""
    left = start > 0 and text[start - 1].isalnum()
    right = end < len(text) and text[end].isalnum()
    return " " * (end - start) if left != right else text[start:end]


def _glued_dot(text: str, at: int) -> str:
    """A dot glued to a capitalised word: a space after an honorific ("Mr.Grant"), a clause
    break after a lower-case word ("... table.Bob then"), else kept ("v1.Beta")."""
    head = re.search(r"[^\W\d_]+$", text[max(0, at - 12) : at])
    if head is None:
        return "."
    if head.group() in _HONORIFICS:
        return " "
    return ";" if head.group().islower() else "."


_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.)+")
# A dot between lower-case letters (an id: "l.virtanen") or between capitals (initials: "S.K."),
# the dot first: a literal is searched fast.
_DOT_HINT = re.compile(r"\.(?:(?<=[a-z]\.)[a-z]|(?<=[A-Z]\.)[A-Z]\.)")


_SANCTION_HEAD = re.compile(
    r"([A-Z][a-z]+) (?:(?:should|must) be (?:\w+ )?(?:reprimanded|coached|retrained|disciplined)"
    r"|(?:needs|deserves|deserved) (?:an? )?(?:\w+ )?(?:talking-to|reprimand|retraining))\b"
)
_LOWER_ACT = re.compile(r"[a-z][a-z-]{2,}\s+[a-z]{3,}ed\b")


def _may_name_agent(sentence: str) -> bool:
    """Whether any token of `sentence` can be an agent for features(): False only when
    none can (no name-like capitalised word after the first, no @, id, role acronym or
    people word, a first word that is no name), so the token-by-token reading is skipped.
    A capital after emphasis, a pipe, an underscore or a dot counts (what _unglue reads)."""
    if "@" in sentence:
        return True
    if "." in sentence and (m := _DOT_HINT.search(sentence)) is not None:
        if m.group().isupper():
            return True  # initials: "A.H. skipped the review"
        return _may_name_dotted(sentence)  # "l.virtanen", "orders.customer_ref", "e.g."
    words = _lower_words(sentence)
    if not words.isdisjoint(_PEOPLE_WORDS) or _formed_people(words):
        return True
    if "office" in words and not words.isdisjoint(_OFFICE_UNITS):
        return True  # "head office's decision", "the middle office keeps sending"
    if not sentence.isascii() and _ROMANCE_ACCENTED.search(sentence.lower()) is not None:
        return True  # "the estagiária deleted ...", "l'équipe": _lower_words reads only a-z
    first = _FIRST_WORD.match(sentence)
    if first is None:
        return False
    head = first.group(1)
    if head[:1].isupper() and (
        head in NAMES or name_shaped(head) or head.endswith(("'s", "’s")) or _proper(head)
    ):
        return True
    if "who" in words:
        return True  # only people are "who": "the postgraduate who ran rm -rf"
    if head[:1].isupper() and _unknown_word(head):
        return True  # "Gergely restarted ...": a capitalised word of no lexicon
    if head[:1].isupper() and _SANCTION_HEAD.match(sentence) is not None:
        return True  # "Beat should be formally reprimanded": a sanction aimed at the first word
    if head[:1].isupper() and _first_acts(sentence):
        return True  # "Regula disabled the monitoring": a rare word acting, a name
    if "you" in words and _YOU_ACT.search(sentence) is not None:
        return True  # "Kahu, you broke prod": the person spoken to
    if head[:1].islower() and not words.isdisjoint(_VERBISH):
        return True  # chat style, where a name may stand in lower case
    if head[:1].islower() and _LOWER_ACT.match(sentence) is not None:
        return True  # "kavitha merged the branch ...": a lower-case name, then its past act
    for at, w, nxt in _mid_capitals(sentence):
        bare = w[:-2] if w.lower().endswith(("'s", "’s")) else w
        if bare != w or bare in NAMES or name_shaped(bare):
            return True  # a possessive, a name (as _agent_kind reads them)
        if nxt.islower() and (
            nxt in _AUX_NEXT or nxt in _FILLER or (nxt.endswith("ed") and len(nxt) > 4)
        ):
            return True  # an English word as a name before its verb ("Hope deployed")
        if nxt[-1:] == "s" and _present(nxt) and _proper(bare):
            return True  # a proper noun before a present-tense verb ("Kuba works ...")
        if sentence[max(0, at - 3) : at] == "by ":
            return True  # the agent of a passive: "routed to air by Marguerite"
    if not words.isdisjoint(_HONORIFICS_LOW) and _at_word_start(_HONORIFIC_RX, sentence):
        return True  # "Mr. Grant", "Dr. Viktorov's group"
    if words.isdisjoint(_ROLE_ACRONYMS_LOW):
        return False
    return _at_word_start(_ROLE_ACRONYM_RX, sentence)


def _at_word_start(rx: re.Pattern[str], text: str) -> bool:
    """`rx` (which starts with a word character) matches in `text` at the start of a word:
    the same as a leading \\b, which would make the pattern try every position slowly."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        at = m.start()
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            return True
        pos = at + 1
    return False


# _HONORIFICS in lower case, and one of them opening a name ("Dr. Mensah", "Eng Amr")
_HONORIFICS_LOW = frozenset(h.lower() for h in _HONORIFICS)
_HONORIFIC_RX = re.compile(rf"(?:{'|'.join(sorted(_HONORIFICS))})(?:\.?\s+|\.)[^\W\d_a-z]")


def _in_path(sentence: str, word: str) -> bool:
    """`word` stands next to a slash ("Components/Addons", "Grafana/Loki"): a part of a
    compound or a path, not a person."""
    at = sentence.find(word)
    while at >= 0:
        end = at + len(word)
        if (at and sentence[at - 1] == "/") or sentence[end : end + 1] == "/":
            return True
        at = sentence.find(word, end)
    return False


def _np_start(words: list[str], i: int) -> int:
    """Where the noun phrase whose head is token `i` starts: back over up to three lower-case
    modifiers to a determiner ("the night-shift DBA", "our release coordinator"), else `i`."""
    for j in range(i - 1, max(-1, i - 5), -1):
        low = words[j].lower()
        if low in _DETERMINERS:
            return j
        if not words[j][:1].isalpha() or low in _FUNCTION_WORDS or low in _SUBJECT_OPENERS:
            break
    return i


# Words that put what follows them in the place of a cause: "traced to", "thanks to",
# "came from", "rests squarely with", "this one is on", "attributable to".
_CAUSE_LINKS = frozenset(
    """traced trace traces tracing attributable attributed due owing thanks came comes
    stems stemmed stemming follows followed resulted results squarely rests rested lies lay
    sits answerable blame blamed culprit reason fault responsible responsibility accountable
    because caused courtesy belongs belonged""".split()
)
# Labels whose value is a cause: "Cause: Hamid.", "Contributing factor #1: Arjun", "Owner of
# the failure: @jdoe", "Whose fault? Huong's."
_CAUSE_LABELS = frozenset(
    """cause causes caused culprit culprits factor factors fault error responsible blame who
    whose reason root attributed guilty offender causa raiz responsável responsable culpa
    falha faute""".split()
)
# "Owner" is a label of blame only with a failure ("Owner of the outage:", "Failure owner:");
# alone it names who does an action item.
_FAILURES = frozenset("outage failure incident breakage mistake error fault".split())
_PLACE_MARKS = frozenset(":—–(?")


def _cause_places(words: list[str], agents: list[tuple[int, str]]) -> dict[str, str]:
    """An agent in the place of a cause: after a cause link in its own stretch of the
    sentence, or as the value of a cause label."""
    out: dict[str, str] = {}
    for i, _kind in agents:
        start = _np_start(words, i)
        for j in range(start - 1, max(-1, start - 6), -1):
            tok = words[j]
            if tok in _PLACE_MARKS:
                label = {t.lower() for t in words[max(0, j - 10) : j]}
                if _fault_label(label) and not _duty_question(label):
                    out.setdefault("cause-label", f"{words[j - 1] if j else ''}{tok} {words[i]}")
                break
            if tok in _STOPS:
                break
            if tok.lower() in _CAUSE_LINKS:
                credit = _credited([t.lower() for t in words[:j]], -1)
                if credit:
                    # "We recovered quickly because Priya recognised the pattern": credit
                    out.setdefault("credit", f"{credit} … {tok} {words[i]}")
                else:
                    out.setdefault("cause-link", f"{tok} … {words[i]}")
                break
    return out


# A duty asked after ("Who was on call? Priya, and she paged ..."): the answer is who held it,
# not a cause ("Who broke it? Priya." is).
_DUTIES = frozenset("call shift duty rota rotation watch point pager".split())


def _duty_question(label: set[str]) -> bool:
    return label & _CAUSE_LABELS <= {"who"} and not label.isdisjoint(_DUTIES)


# A word of fault or responsibility by its stem: "Faulty party", "Responsible unit",
# "Originator of the deviation", "Fault allocation", "Guilty", "Blamed on".
_FAULT_STEMS = ("fault", "respons", "blam", "culprit", "guilt", "originat", "offend", "accountab")


def _fault_label(label: set[str]) -> bool:
    """The words of a label (before its ":") say fault or cause, so its value is a party."""
    if not label.isdisjoint(_CAUSE_LABELS):
        return True
    if "owner" in label and not label.isdisjoint(_FAILURES):
        return True
    return any(t.startswith(_FAULT_STEMS) for t in label)


def _fault_label_at(lows: list[str]) -> int:
    """Where the mark of a label of fault is (the index of its ":" or dash), or -1."""
    for j, t in enumerate(lows):
        if t in (":", "—", "–") and j and _fault_label(set(lows[max(0, j - 10) : j])):
            return j
    return -1


def _labelled_value(words: list[str], lows: list[str], i: int) -> bool:
    """Capitalised token `i` opens the value of a label of fault ("Failure owner: Hu Jun",
    "Faulty party: Eng. Amr Saleh"): no technical word, right after the mark or a title."""
    j = i - 1
    while j >= 0 and (words[j] in _HONORIFICS or lows[j] == "." or words[j][:1].isupper()):
        j -= 1
        if i - j > 4:
            return False
    if j < 0 or lows[j] not in (":", "—", "–"):
        return False
    return _fault_label(set(lows[max(0, j - 10) : j])) and not is_technical(words[i])


def _bare_value(words: list[str], i: int) -> bool:
    """Token `i`, after a label's mark, is the whole value: the words after it are more of a
    name (capitalised) up to the end, a comma or a bracket ("Cause: Hu Jun.", "Contributing
    factor #2: Wairimu (payments)"). An answer, not the subject of a clause."""
    for w in words[i + 1 :]:
        if w in (",", "(", ";"):
            return True
        if not w[:1].isupper():
            return False
    return True


def _owning(agents: list[tuple[int, str]], lows: list[str], wcs: list[str | None]) -> bool:
    """The writer owns the fault: an apology, or a word of fault or burden next to "I", "me"
    or "my" ("this one's on me", "I take full responsibility", "my mistake"); not "I used
    git blame to find the commit"."""
    if "sorry" in lows or "apologise" in lows or "apologize" in lows:
        return True
    for i, kind in agents:
        if kind != "self":
            continue
        if i and lows[i - 1] == "on":
            return True
        for j in range(max(0, i - 3), min(len(lows), i + 4)):
            if wcs[j] in ("fault", "burden") and not (j and lows[j - 1] == "git"):
                return True
    return False


def _title_case(words: list[str]) -> bool:
    """Most words (of four or more) capitalised: a heading or a title, not a sentence."""
    alpha = [c for w in words if (c := w[0]).isalpha()]
    return len(alpha) >= 4 and sum(map(str.isupper, alpha)) * 2 > len(alpha)


_ROLE_KINDS = frozenset(("role", "team"))


def features(
    sentence: str, rules: frozenset[str] = frozenset(), named: bool = False
) -> dict[str, str]:
    """The features of one sentence, each with the words that showed it (for the finding's
    explanation). `rules`: the hand rules' findings on it (their ids)."""
    feats: dict[str, str] = {}
    if not named and not _may_name_agent(sentence):
        feats["no-agent"] = ""  # the cheap test first: most sentences end here
        return feats
    sentence = _unglue(sentence)
    words = _tokens(sentence)
    if "’" in sentence:
        lows = [w.lower().replace("’", "'") for w in words]
    else:
        lows = list(map(str.lower, words))
    wcs = list(map(_word_class, lows))
    # a table's row is cells, not a title ("| Owner | Choi Eun-ji |")
    titled = ";" not in sentence and _title_case(words) and _fault_label_at(lows) < 0
    agents: list[tuple[int, str]] = []
    # the tests of marks in a token, and by the next word, only when the sentence has a mark
    # or a word they look for at all
    marks = "'" in sentence or "’" in sentence or "." in sentence or "@" in sentence
    verbish = not _VERBISH.isdisjoint(words)
    who = "who" in words
    formed = _formed_people(lows)
    final = len(words) - 1
    # "you" as the subject of a past act is the person spoken to: "Kahu, you broke prod"
    you = "you" in lows and _YOU_ACT.search(sentence) is not None
    # chat style: a name may stand in lower case before its past act ("kavitha merged ...")
    chat = _first_word_lower(words)
    for i, w in enumerate(words):
        if lows[i] in _FUNCTION_WORDS and lows[i] != "i" and not (you and lows[i] == "you"):
            continue  # "The", "It", "We": no agent
        if (
            w[0].isupper()
            or lows[i] in _PEOPLE_WORDS
            or (lows[i] in ("office", "office's") and i and lows[i - 1] in _OFFICE_UNITS)
            or (you and lows[i] == "you" and _YOU_ACT.match(" ".join(lows[i : i + 4])) is not None)
            or (marks and (w[0] == "@" or "'" in w or "’" in w or "." in w or w[-1] == "@"))
            or (verbish and i < final and words[i + 1] in _VERBISH and w.replace("-", "").isalpha())
            or (chat and i < final and words[i + 1].endswith("ed") and _lower_name(words, i))
            or (who and _who_follows(words, i))
            or (formed and lows[i].endswith(_PERSON_ENDINGS + _AGENT_ENDINGS))
        ):
            kind = _agent_kind(words, i, titled)
            if kind is None and w[0].isupper() and _labelled_value(words, lows, i):
                kind = "name"  # the value of a label of fault: "Faulty party: Amr Saleh"
            if kind is not None and not (w[0].isupper() and _in_path(sentence, w)):
                if lows[i].endswith(("'s", "’s")) and _owns_component(words[i + 1 : i + 4]):
                    feats["owns-part"] = f"{w} {words[i + 1]}"  # "Talos's retry loop": a system
                    continue
                agents.append((i, kind))
    if not agents:
        feats["no-agent"] = ""  # no one named: the model stays quiet
        return feats
    classes = _token_classes(sentence, lows, wcs)
    if "self" in map(itemgetter(1), agents) and not _owning(agents, lows, wcs):
        # the writer narrating what they did ("I restarted the pods") is no confession
        agents = [(i, kind) for i, kind in agents if kind != "self"]
        if not agents:
            feats["no-agent"] = ""
            return feats
    places = _cause_places(words, agents)
    if not places and _POSITIVE.isdisjoint(classes):
        feats["no-cue"] = ""  # no word of harm, fault or judgement: weighs, gates no more
        if CUE_GATE:
            return feats
        if all(kind in _ROLE_KINDS for _, kind in agents) and not any(
            _acts(words, lows, i) or _held(words, lows, i) for i, _ in agents
        ):
            # only roles and teams, no word of harm or judgement: "the engineer who built
            # the cache joined the channel" (most of real prose's people), never read
            feats["unread"] = ""
            return feats
    feats.update(places)
    for r in rules:
        feats["rule:" + r] = r
    for c, w in classes.items():
        feats["class:" + c] = w
    if "sarcasm" in classes and ("harm" in classes or "habit" in classes):
        # praise for a harm is irony: "Kudos to the Growth pod for shipping a tracker that
        # counts every click twice", "Congrats to Ifeoma on filling the filesystem"
        feats["praise-for-harm"] = (
            f"{classes['sarcasm']} … {classes.get('harm') or classes['habit']}"
        )
    result = _result_at(lows)
    caused = result >= 0 or not _CAUSE_WORDS.isdisjoint(lows)
    named_at = {i for i, kind in agents if kind == "name"}
    for i, kind in agents:
        w = words[i]
        feats["agent:" + kind] = w
        contrast = _not_the_system(lows, i, _np_start(words, i))
        if contrast:
            # the person set against the system: "The problem was the operator, not the
            # system", "the person at the console, not the tooling"
            feats.setdefault("person-not-system", f"{w} … {contrast}")
        prev = lows[i - 1] if i else ""
        start = _np_start(words, i)
        before = lows[start - 1] if start else ""
        subject = (
            start == 0
            or before in _SUBJECT_OPENERS
            or before in ",;:—–("
            or (before in _LEAD_IN or (before.endswith("ly") and start == 1))
            or _after_clock(lows, start)
        ) and not (before in (":", "—", "–") and _bare_value(words, i))
        if subject:
            feats["subject:" + kind] = w
            # a name of more than one word ("Sarah Baek", "Kevin Fitzgerald"): the verb comes
            # after its last word
            e = i
            while e + 1 < len(words) and e + 1 in named_at and words[e + 1][0].isupper():
                e += 1
            verb = _verb_after(words, e)
            if verb is None:
                verb = _coordinated_verb(words, lows, e)
            if verb is None:
                omitted = _omission_after(lows, e)
                if omitted:
                    # "the fitter didn't isolate the line", "X failed to re-torque the bolts"
                    feats.setdefault("omitted", f"{w} {omitted}")
            else:
                at = lows.index(verb.lower(), i + 1)
                harm = _harm_in_clause(lows, wcs, at + 1)
                if harm:
                    # a harm in the person's own clause, past the act itself: "Dewi restarted
                    # the wrong service", "dropped the live table instead of the staging copy"
                    feats.setdefault("act-harm", f"{w} … {harm}")
                benign = _benign_object(lows, at + 1)
                if benign:
                    # the act's object nobody needed or the failing thing: "dropped the
                    # unused index", "killed the runaway query"
                    feats.setdefault("act-on-benign", f"{verb} … {benign}")
                scope = _scope_in_clause(lows, at + 1)
                if scope:
                    # what the act reached: "yanked a live disk", "deleted the only copy",
                    # "bricked both claims gateways", "ran the script on the primary chain"
                    feats.setdefault("act-scope", f"{w} {verb} … {scope}")
            if verb is not None:
                feats.setdefault("acted", f"{w} {verb}")
                outcome = _outcome_after(lows, wcs, e + 2)
                if outcome:
                    # "Ingrid re-IP'd the multiviewer during the show, dropping all
                    # monitoring", "... and stalled the scheduler": the act, then a harm
                    feats.setdefault("act-then-harm", f"{w} {verb} … {outcome}")
            judged = _fault_predicate(lows, wcs, i)
            credit = _credited(lows, lows.index(judged, i + 1)) if judged else ""
            if credit:
                # credit phrased as a cause: "Teodora is the reason we recovered within
                # three hours", "... is why recovery took minutes rather than hours"
                feats.setdefault("credit", f"{w} … {judged} … {credit}")
            elif judged:
                # "the squad is squarely at fault", "X's group bears responsibility"
                feats.setdefault("fault-predicate", f"{w} … {judged}")
        if lows[i].endswith(("'s", "’s")):
            feats["owner"] = w
            if _act_follows(words, i):
                feats.setdefault("owner-act", " ".join(words[i : i + 3]))
        rel = _relative_verb(words, lows, i)
        if rel is not None:
            feats.setdefault("relative-acted", f"{w} … {rel}")  # "Gaspard, who gifted us ..."
            feats.setdefault("acted", f"{w} {rel}")
        cf = _counterfactual_of(lows, start, i)
        if cf:
            feats.setdefault("counterfactual-agent", cf.replace("<>", w))
        if prev == "by":
            feats["by-agent"] = w
        if prev in (":", "—", "–") or (i + 1 < len(words) and words[i + 1] in ".:"):
            feats["label-value"] = w
        if prev in ("on", "to", "from", "with", "for", "blame", "hold", "held"):
            feats["object-of:" + prev] = w
        held = _held(words, lows, i)
        if held:
            feats.setdefault("held:" + held, w)
            if held == "aimed" and "sarcasm" in classes:
                # praise aimed at someone: "Kudos to Anja for deleting ...", "Shout-out to
                # the backend squad for turning a routine campaign into a recall drill"
                feats.setdefault("praise-aimed", f"{classes['sarcasm']} … {w}")
        act = _owned_act(words, lows, i)
        if act and (caused or "harm" in classes or "cause" in classes):
            # the person's act as what caused the harm: "Kenji's refactor is what ate the
            # labels", "the outage arose from the decision of the service owner"
            feats.setdefault("act-as-cause", f"{act} … {w}")
    kinds = dict(agents)
    norm = ["<" + kinds[i] + ">" if i in kinds else w for i, w in enumerate(lows)]
    # the tokens that weigh as words: no function word, no mark
    content = [
        t not in _FUNCTION_WORDS and (t[0].isalnum() or t[0] == "<" or t[0] == "@") for t in norm
    ]
    last = len(norm) - 1
    for i, t in enumerate(norm):
        if not content[i]:
            continue
        feats.setdefault("w:" + t, words[i])  # words, then pairs of words
        if i < last and content[i + 1] and norm[i + 1][0] != "@":
            feats.setdefault("b:" + t + " " + norm[i + 1], words[i] + " " + words[i + 1])
    for i, _kind in agents:
        # the words next to a person, function words too ("on <name>", "<name> should")
        if i:
            feats.setdefault("p:" + norm[i - 1] + " " + norm[i], words[i - 1] + " " + words[i])
        if i + 1 < len(norm):
            feats.setdefault("p:" + norm[i] + " " + norm[i + 1], words[i] + " " + words[i + 1])
        for j in range(max(0, i - 3), min(len(norm), i + 5)):
            if j != i and content[j] and norm[j][0] != "@":
                feats.setdefault(("n<:" if j < i else "n>:") + norm[j], words[j])
    first = agents[0][0]
    if result > first and (
        "acted" in feats or "owner-act" in feats or "subject:" + agents[0][1] in feats
    ):
        # a person's act, then what it led to: "Rajesh's cron edit is what double-charged
        # ...", "the analyst loaded the file twice, which is why all fares doubled"
        feats["act-then-result"] = f"{words[first]} … {words[result - 1]} {words[result]}"
    if "sarcasm" in classes:
        irony = _irony_mark(lows, sentence)
        if irony:
            # praise with what undoes it: a reach ("every office", "all the lots"), "managed
            # to", words in scare quotes, "in prod" ("Nice work, Andre, you managed to lock out
            # every provider", "Thanks Peter for \"testing\" the new EAP in production")
            feats["praise-irony"] = f"{classes['sarcasm']} … {irony}"
        aim = _praised_act(lows, wcs)
        if aim:
            # praise for what a person did, not a response step: "Thanks so much to Hamish for
            # deciding ...", "Kudos to the release team for shipping a build that ..."
            feats["praise-for-act"] = f"{classes['sarcasm']} … {aim}"
            moment = _ill_timed(lows, wcs)
            if moment:
                # praise for a decision or an act done at the worst moment: what the rest
                # of the sentence presents as the failure ("Thanks so much to Tendai
                # for deciding on a Sunday that the DNS zone needed pruning", "Kudos to
                # Adrián for taking down prod on a Friday evening"); thanks for a response
                # step ("for restoring the records within minutes", "for staying on the
                # bridge until 4am") never has it
                feats["praise-ill-timed"] = f"{aim} … {moment}"
    if any(f in feats for f in ("acted", "owner-act", "by-agent", "act-as-cause")):
        consequence = _consequence(lows, wcs, first)
        if consequence:
            # the person's act, then what it led to in a clause of its own: "Kwabena set the
            # TTL to a week ..., so customers were stuck", "..., causing duplicates"
            feats["act-consequence"] = f"{words[first]} … {consequence}"
    sanctioned = "" if _AGREED_WORDS.isdisjoint(lows) else _sanctioned(sentence)
    if sanctioned:
        # the act done as agreed: "as planned", "per the runbook", "after approval by the
        # CAB", "at the request of the newsroom" (not "instead of following the runbook")
        feats["act-as-agreed"] = sanctioned
    harmless = "" if _HARMLESS_WORDS.isdisjoint(lows) else _harmless(sentence)
    if harmless:
        # the act said to have done no harm: "no impact", "nothing downstream reads from it"
        feats["act-harmless"] = harmless
    aim = _stated_aim(lows) if "acted" in feats or "owner-act" in feats else ""
    if aim:
        # the act with the aim it was done for: "drained the node so the namespace could
        # terminate", "set up branch protection so direct pushes are now rejected"
        feats["act-with-aim"] = aim
    if "habit" in classes and any(
        f in feats for f in ("acted", "owner-act", "subject:name", "subject:role", "subject:team")
    ):
        feats["habit-of-person"] = f"{words[first]} … {classes['habit']}"  # "once more", "twice"
    if "sanction" in classes and any(
        f in feats for f in ("held:aimed", "held:label", "label-value", "object-of:for")
    ):
        # a sanction or correction aimed at a person: "Lesson for Luca: next time, ask",
        # "a written warning for the engineer who ..."
        feats["sanction-aimed"] = f"{classes['sanction']} … {words[first]}"
    outsider = _outsider(words, lows, agents)
    if outsider:
        # a person from outside (a vendor, an offshore team, a night shift) with a harm
        feats["outsider"] = outsider
        harm = next(
            (t for t, c in zip(lows, wcs, strict=True) if c == "harm" and t not in _EVERYDAY), ""
        )
        if harm:  # a rarer word of harm than "failed", "lost", "wrong"
            feats["outsider-harm"] = f"{outsider} … {harm}"
    if len(words) <= 4:
        feats["short"] = ""
    # the shape of the sentence: how long, spoken to someone, asked, exclaimed, quoted, or a
    # timeline entry (a time of day in it)
    n = len(words)
    feats["len:" + ("<=8" if n <= 8 else "<=16" if n <= 16 else "<=30" if n <= 30 else ">30")] = ""
    feats["agents:" + ("1" if len(agents) == 1 else "2" if len(agents) == 2 else "3+")] = ""
    if "you" in lows or "you're" in norm or "your" in norm:
        feats["addressed"] = "you"
    if "?" in words:
        feats["asked"] = "?"
    if "!" in sentence:
        feats["exclaimed"] = "!"
    if '"' in words or "“" in words:
        feats["quoted"] = '"'
    if _CLOCK.search(sentence):
        feats["clock"] = ""
    for j in range(n - 2):
        # a system condition given as the reason: "because the lock was still held", "when
        # its certificate expired"
        if lows[j] in _REASON_OPENERS and lows[j + 1] in _THING_DETERMINERS:
            w = words[j]
            head = words[j + 2]
            if head[:1].islower() and _agent_kind(words, j + 2) is None:
                feats.setdefault("system-reason", f"{w} {words[j + 1]} {head}")
    if "agent:name" in feats and _behaves_as_system(sentence):
        feats["system-behaviour"] = ""  # "Heimdall broke it by timing out", "... its lease"
    first = agents[0][0]
    if "its" in lows[first + 1 : first + 12] or "it" in lows[first + 1 : first + 12]:
        feats["it-back"] = words[first]  # "Heimdall dropped ... when its certificate expired"
    if not _NEGATIONS.isdisjoint(lows) or "n't" in sentence or "n’t" in sentence:
        denied = _denied(lows, wcs)
        if denied:
            feats["denied"] = denied  # "not on Fatima", "not X's fault", "wrong to blame"
    last = agents[-1][0] if _CLAUSE_MARKS.intersection(sentence) else n
    for j in range(last + 1, n - 2):
        if lows[j] in (";", ":", "—", "–") and lows[j + 1] in _THING_DETERMINERS | {"our"}:
            # a person first, then a thing as the subject of its own clause: "Ngozi's preset
            # was fine; the encoder firmware applied it to the wrong output group"
            feats.setdefault("then-thing", f"{words[j]} {words[j + 1]} {words[j + 2]}")
            break
    return feats


# An act done as agreed: the plan, the runbook, an approval or a request behind it.
_AGREED = re.compile(
    r"\b(?:as (?:planned|scheduled|agreed|requested|instructed|intended|designed)|"
    r"(?:as|per) the (?:runbook|sop|procedure|plan|checklist)\b(?: \w+)?|"
    r"(?:per|following|according to) the (?:runbook|sop|procedure|plan|checklist)|"
    r"after (?:the )?(?:\w+ )?approval|approved by the|at the request of|"
    r"(?:in|for|during|within) (?:the|an) approved [\w-]+|"
    # someone else's word before the act: "after the batch supervisor signed off", "after
    # the litho team confirmed they were unused", "after it was verified in cold storage"
    r"after (?:the |a |an |our |their |its )?(?:[\w'’-]+ ){0,3}(?:signed off|sign-?off|"
    r"approved|confirmed|okayed|ok'd|gave the go-ahead)|"
    r"after (?:it|they|this|that|the \w+) (?:was|were|had been|has been) (?:verified|"
    r"confirmed|backed up|archived|copied|approved)|"
    # "with the risk team's approval", "with sign-off from the DBA lead"
    r"with (?:the |a |an |their |our )?(?:[\w'’-]+ ){0,3}(?:approval|sign-?off|go-ahead|"
    r"blessing|permission|consent)|"
    # a ticket or a work order behind it: "per the cleanup ticket", "per the work order"
    r"per (?:the |a |an |its |our )?(?:[\w-]+ ){0,2}(?:ticket|work order|change request|"
    r"request|rfc|cr)\b)"
)
# An act said to have done no harm: "no impact", "nothing downstream reads from it",
# "nothing referenced it", ", which is fine" (not after "would", "assumed", "claimed": a
# belief that turned out wrong).
_HARMLESS = re.compile(
    r"\b(?:(?:with |had |caused |causing )?no (?:customer[- ]|user[- ]|production |downstream |"
    r"visible |business |member[- ]|client[- ])?impact|"
    r"no (?:[\w-]+ ){1,2}(?:was|were) (?:lost|affected|impacted|harmed|corrupted|duplicated)|"
    r"nothing (?:downstream |else |in \w+ )?(?:referenced|references|reads|read|used|uses|"
    r"depended|depends|consumed|consumes|pointed|points)|"
    r"(?:which|that|this) (?:is|was) (?:fine|expected|harmless|safe)\b)"
)
_HARMLESS_WORDS = frozenset("no nothing fine expected harmless safe".split())
_AGAINST_HARMLESS = re.compile(
    r"\b(?:would|assumed|assuming|claimed|claiming|thought|believed|promised|said|expected"
    r"|hoped)\b[^.;:]*$"
)
# What makes the object of a person's act a thing nobody needed or the failing thing itself
# (removing, stopping or silencing it is clean-up or a fix): "deleted the orphaned
# generations", "dropped the unused index", "killed the runaway query", "silenced the
# flapping alert".
_BENIGN_OBJECTS = frozenset(
    """stale orphaned orphan unused obsolete decommissioned leftover redundant deprecated
    expired retired defunct abandoned superseded unneeded dangling runaway hung stuck
    wedged zombie flapping long-running looping""".split()
)
_AGAINST_AGREED = re.compile(
    r"\b(?:instead of|rather than|not|never|if|without|ignor\w*)\s+(?:\w+\s+)?$"
)


_AGREED_WORDS = frozenset(
    """planned scheduled agreed requested instructed intended designed runbook sop procedure
    plan checklist approval approved request signed sign-off signoff confirmed okayed ok'd
    go-ahead verified backed archived copied blessing permission consent ticket order
    rfc cr""".split()
)


def agreed(sentence: str) -> bool:
    """`sentence` says an act was done as agreed (the plan, the runbook, an approval)."""
    return not _AGREED_WORDS.isdisjoint(_WORD.findall(sentence.lower())) and bool(
        _sanctioned(sentence)
    )


def _harmless(sentence: str) -> str:
    """The words saying an act did no harm ("no impact", "nothing downstream reads from it",
    "which is fine"), or "" (also after "would", "assumed", "claimed": a belief)."""
    low = sentence.lower()
    m = _HARMLESS.search(low)
    if m is None or _AGAINST_HARMLESS.search(low[: m.start()]):
        return ""
    return sentence[m.start() : m.end()]


def _benign_object(lows: list[str], j: int) -> str:
    """A word that makes the object of an act from position `j` to the end of its clause a
    thing nobody needed or the failing thing itself (_BENIGN_OBJECTS); the word, or ""."""
    for k in range(j, min(len(lows), j + 4)):
        if lows[k] in _STOPS or lows[k] in _SUBJECT_OPENERS or lows[k] in _OBJECT_ENDS:
            return ""  # past the object: "made a poor call to keep the flapping node"
        if lows[k] in _BENIGN_OBJECTS:
            return lows[k]
    return ""


_OBJECT_ENDS = frozenset("to for on in with of at by from into".split())


# What a person does who finds the failure, not one who causes it: "Regula spotted the wrong
# IBAN", "detected by Mehdi", "Bazza traced the fault to a damaged fibre".
_OBSERVE = frozenset(
    """spotted noticed caught detected found saw flagged reported discovered identified
    diagnosed traced confirmed raised escalated investigated""".split()
)
_OBSERVED_BY = re.compile(
    r"\b(?:detected|spotted|noticed|caught|found|reported|raised|flagged|discovered|"
    r"identified|escalated) by\b"
)
_NOT_DONE = frozenset(
    """should could would must might have not n't never didn't failed forgot neglected
    nobody no""".split()
)
_PASSIVE_AUX = frozenset("was were been be is are being".split())
# A duty given, not a fault found: "Vikram was responsible for incident comms", "Anjali is on
# the on-call roster this week".
_DUTY = re.compile(
    r"\b(?:(?:is|was|are|were|will be|'s) on (?:the |this week's |next week's )?(?:[\w-]+ )?"
    r"(?:rota|roster|rotation|schedule|pager|shift)\b|"
    r"responsible for (?:the )?(?:[\w-]+ )?(?:comms|communications?|coordination|"
    r"status (?:page|updates)|updates|the bridge|customer updates)\b)"
)


def _past_act(lows: list[str]) -> bool:
    """One of `lows` (over fillers) is a past act that is no finding or response."""
    for t in lows:
        if t in _FILLER:
            continue
        return (t in _IRREGULAR or (t.endswith("ed") and len(t) > 4)) and not (
            t in _OBSERVE or _word_class(t) == "response"
        )
    return False


def _observed(lows: list[str]) -> str:
    """The person's first act in `lows` is finding the failure ("spotted", "noticed",
    "traced", "detected by"), the verb; "" otherwise (also in the passive: "was traced to")."""
    for k, t in enumerate(lows[:14]):
        if t in _OBSERVE or _word_class(t) == "response":
            if not k or (k + 1 < len(lows) and lows[k + 1] in _STOPS):
                return ""  # a label ("Identified: a team member ran ..."), no act
            if not _NOT_DONE.isdisjoint(lows[:k]):
                return ""  # what was not found: "should have caught", "never noticed"
            if (
                k
                and lows[k - 1] in _PASSIVE_AUX
                and not (k + 1 < len(lows) and lows[k + 1] == "by")
            ):
                return ""  # "the outage was traced to Lars"
            for j in range(k + 1, len(lows) - 1):
                if lows[j] in ("and", "but", "then") and _past_act(lows[j + 1 : j + 3]):
                    return ""  # and then another act: "spotted the wrong IBAN and approved it"
            return t
        if _past_act([t]):
            return ""  # another act first
    return ""


_HARM_FEATURES = ("act-harm", "act-scope", "act-then-harm", "act-consequence", "act-then-result")


def benign_act(sentence: str) -> str:
    """Why a person's act in `sentence` is no fault, in its words, or "": done as agreed
    ("after the supervisor signed off", "per the work order"), said to be harmless ("no
    impact", "nothing referenced it"), or done to a thing nobody needed or to the failing
    thing ("dropped the unused index", "killed the runaway query") with no harm read after
    it. What the person-fault rule leaves alone."""
    if agreed(sentence):
        return _sanctioned(sentence)
    harmless = _harmless(sentence)
    if harmless:
        return harmless
    duty = _DUTY.search(sentence.lower())
    if duty is not None:
        return sentence[duty.start() : duty.end()]
    lows = _lower_tokens(sentence)
    found = _OBSERVED_BY.search(sentence)
    observed = found.group() if found is not None else _observed(lows)
    if not observed and _BENIGN_OBJECTS.isdisjoint(lows):
        return ""  # the cheap test first: no finding of the failure, no thing nobody needed
    feats = features(sentence, named=True)
    if any(f in feats for f in _HARM_FEATURES) or "omitted" in feats:
        return ""
    # "detected by Mehdi", "Regula spotted ...": the person found the failure
    return feats.get("act-on-benign") or observed


def _lower_tokens(sentence: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _tokens(sentence)]


def _sanctioned(sentence: str) -> str:
    """The words saying an act was done as agreed ("as planned", "per the runbook", "after
    approval by the CAB"), or "" (also when a negation or "instead of" comes right before)."""
    low = sentence.lower()
    m = _AGREED.search(low)
    if m is None or _AGAINST_AGREED.search(low[: m.start()]):
        return ""
    return sentence[m.start() : m.end()]


_AIM_MODALS = frozenset("can could cannot can't couldn't would will won't".split())
_AIM_LEADS = (("in", "order", "to"), ("so", "that"), ("to", "make", "sure"), ("to", "avoid"))


def _stated_aim(lows: list[str]) -> str:
    """The aim an act was done for: "so (that) <thing> could/can/would ...", "in order to",
    "to make sure", "to avoid"; the words, or ""."""
    for j, t in enumerate(lows):
        for lead in _AIM_LEADS:
            if tuple(lows[j : j + len(lead)]) == lead:
                return " ".join(lead)
        if t == "so" and j:
            for k in range(j + 1, min(len(lows), j + 6)):
                if lows[k] in _AIM_MODALS:
                    return f"so … {lows[k]}"
                if lows[k] in _STOPS:
                    break
    return ""


_RESULT_HEADS = frozenset("what why how".split())
_RESULT_LINKS = frozenset("is was that's what's which's it's".split())


def _result_at(lows: list[str]) -> int:
    """Where a sentence turns to what something led to ("is what", "which is why", "that's
    how", "after which"): the index of "what"/"why"/"how"/"which", or -1."""
    if _RESULT_HEADS.isdisjoint(lows) and "which" not in lows:
        return -1
    for j in range(1, len(lows)):
        t = lows[j]
        if t in _RESULT_HEADS and lows[j - 1] in _RESULT_LINKS:
            return j
        if t == "which" and lows[j - 1] == "after":
            return j
    return -1


_IRONY_SCOPES = frozenset("every all whole entire both prod production".split())
_SCARE_QUOTE = re.compile(r"[\"“‘']\w[\w -]{1,24}[\"”’'](?!\w)")


def _irony_mark(lows: list[str], sentence: str) -> str:
    """What turns praise into irony: a reach (_IRONY_SCOPES), "managed to", or a word in
    scare quotes; the words, or ""."""
    for j, t in enumerate(lows):
        if t in _IRONY_SCOPES and not (
            j + 2 < len(lows) and (lows[j + 1] in _PEOPLE_WORDS or lows[j + 2] in _PEOPLE_WORDS)
        ):
            return t  # a reach of the act, not "the whole on-call team" praised
        if t == "managed" and j + 1 < len(lows) and lows[j + 1] == "to":
            return "managed to"
    m = _SCARE_QUOTE.search(sentence)
    return m.group() if m is not None else ""


def _praised_act(lows: list[str], wcs: list[str | None]) -> str:
    """The act praise is given for: "for <-ing>" (over two words) that is no response step,
    hypothesis or general word ("for deciding", "for shipping", "for turning")."""
    for j, t in enumerate(lows):
        if t != "for":
            continue
        for k in range(j + 1, min(len(lows), j + 3)):
            u = lows[k]
            if u.endswith("ing") and len(u) > 5:
                return "" if wcs[k] in ("response", "hypothesis", "general") else u
            if not u.isalpha():
                break
    return ""


# When an act is worst done: a day off, a busy hour, a moment before a deadline.
_ILL_DAYS = frozenset(
    """sunday saturday friday weekend holiday holidays launch payday release freeze
    christmas eve""".split()
)
_ILL_AT = frozenset("rush peak market midnight".split())
_ILL_HOUR = re.compile(r"\d{1,2}(?::\d\d)?(?:am|pm)$")


def _ill_timed(lows: list[str], wcs: list[str | None]) -> str:
    """In the praised part (after the first "for"), with no response step in it, a bad moment
    for the act or decision: "on a Sunday", "on a Friday evening", "on launch day", "at rush
    hour", "at market open", "at 5pm", "minutes before"; the words, or ""."""
    if "for" not in lows:
        return ""
    start = lows.index("for") + 1
    part = lows[start:]
    if any(wcs[k] == "response" for k in range(start, len(lows))):
        return ""
    for j, t in enumerate(part):
        nxt = part[j + 1 : j + 4]
        if t == "on" and nxt:
            for u in nxt[:3]:
                if u in _ILL_DAYS:
                    return f"on … {u}"
                if u in ("day", "night") and nxt[0] not in ("the", "a"):
                    return f"on {nxt[0]} {u}"
        if t == "at" and nxt and (nxt[0] in _ILL_AT or _ILL_HOUR.match(nxt[0])):
            return f"at {nxt[0]}"
        if t in ("minutes", "hours", "seconds") and nxt and nxt[0] == "before":
            return f"{t} before"
    return ""


_OUTSIDE = frozenset(
    """offshore outsourced outsource vendor vendor's vendors contractor contractors
    third-party external agency supplier partner partner's colo provider night overnight
    weekend late-shift night-shift""".split()
)


def _outsider(words: list[str], lows: list[str], agents: list[tuple[int, str]]) -> str:
    """A role or team marked as from outside: a modifier of its noun phrase ("the offshore
    vendor", "the night operators") or "from" after it ("the tech from the colo provider")."""
    if _OUTSIDE.isdisjoint(lows) and "from" not in lows:
        return ""
    for i, kind in agents:
        if kind not in _ROLE_KINDS:
            continue
        start = _np_start(words, i)
        for j in range(start, i + 1):
            if lows[j] in _OUTSIDE:
                return f"{words[j]} {words[i]}" if j != i else words[i]
        if i + 2 < len(lows) and lows[i + 1] == "from":
            return f"{words[i]} from {words[i + 2]}"
    return ""


_NEGATIONS = frozenset("not n't never no nobody wrong".split())
_CLAUSE_MARKS = frozenset(";:—–")


def _denied(lows: list[str], wcs: list[str | None]) -> str:
    """A negation right before a word of fault or a place of blame: "this is not on X", "not
    X's fault", "the fault is not with", "wrong to blame", "nobody ... did anything wrong"."""
    for j, t in enumerate(lows):
        if t not in _NEGATIONS and not t.endswith("n't"):
            continue
        for k in range(j + 1, min(len(lows), j + 4)):
            if lows[k] in _STOPS:
                break
            if wcs[k] == "fault" or lows[k] in ("on", "with", "blame", "blaming"):
                return f"{t} … {lows[k]}"
    return ""


@cache
def _model() -> tuple[dict[str, float], float, float, float, float]:
    """Weights, bias, threshold (a sentence no rule flagged is blame at or above it), veto
    (a sentence a rule flagged is left alone below it) and the threshold for a sentence that
    puts a person in the place of a cause (PLACED)."""
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    t = data["threshold"]
    return data["weights"], data["bias"], t, data.get("veto", 0.0), data.get("placed", t)


# The hand features + the sentence encoder (embed.py): its own weights for the hand features,
# bias and thresholds, and a weight vector over the sentence's embedding, trained together by
# bench/train_blame_model.py. "band": the least and the most the encoder's term added to any
# sentence the model was trained on (logits); a sentence whose hand score is decided whatever
# the term within the band is never encoded.
ENCODER_WEIGHTS = Path(__file__).with_name("data") / "blame_weights_encoder.json"


@cache
def _encoder_model() -> tuple | None:
    """(weights, bias, threshold, veto, placed, embedding weights, band low, band high) of
    the hand+encoder model, or None when it is not shipped."""
    try:
        data = json.loads(ENCODER_WEIGHTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    t = data["threshold"]
    low, high = data["band"]
    return (
        data["weights"],
        data["bias"],
        t,
        data.get("veto", 0.0),
        data.get("placed", t),
        tuple(data["encoder"]),
        low,
        high,
    )


def _encoder_reading() -> tuple | None:
    """The hand+encoder model when the encoder is switched on and installed, else None
    (the check reads with the hand-only weights, as before the encoder)."""
    model = _encoder_model()
    if model is None:
        return None
    from pm_tui.language import embed

    return model if embed.available() else None


def _active_model() -> tuple[dict[str, float], float, float, float, float]:
    """Weights, bias, threshold, veto and placed threshold the check reads with now."""
    model = _encoder_reading()
    return _model() if model is None else model[:5]


def _unread(feats: dict[str, str]) -> bool:
    """The model does not read this sentence: it names no one, or holds no word of harm,
    fault or judgement (weigh and _weigh_all share this gate)."""
    return "no-agent" in feats or "unread" in feats or (CUE_GATE and "no-cue" in feats)


def _weigh_all(sentences: list[str], limit_for, named: bool = False) -> list[tuple | None]:
    """Each sentence's reading: None when the model does not read it (no one named), else
    (probability, features, tipped), where the probability is held against `limit_for(
    features)`. With the encoder, only the sentences whose verdict its term could change
    (the hand score within its band of the limit) are encoded, in one batch; `tipped`: its
    term carried the sentence over the limit. If the encoder fails, the hand-only model
    reads them all."""
    reading = _encoder_reading()
    model = _model() if reading is None else reading
    get, bias = model[0].get, model[1]
    rows: list[tuple[float, dict[str, str], float] | None] = []
    for sentence in sentences:
        feats = features(sentence, named=named)
        if _unread(feats):
            rows.append(None)
            continue
        rows.append((bias + sum([get(f, 0.0) for f in feats]), feats, limit_for(feats)))
    terms: dict[int, float] = {}
    if reading is not None:
        low, high = reading[6], reading[7]
        # never for a name that behaves as a system ("Borealis broke the export by timing
        # out"): a service named like a person, which the hand features have read as one
        need = [
            k
            for k, row in enumerate(rows)
            if row is not None
            and _sigmoid(row[0] + low) < row[2] <= _sigmoid(row[0] + high)
            and "system-behaviour" not in row[1]
        ]
        if need:
            found = _encoder_terms([sentences[k] for k in need], reading[5])
            if found is None:  # the encoder failed to load or run: the hand-only reading
                return _weigh_all(sentences, limit_for, named)
            terms = dict(zip(need, found, strict=True))
    out: list[tuple | None] = []
    for k, row in enumerate(rows):
        if row is None:
            out.append(None)
            continue
        z, feats, limit = row
        term = terms.get(k, 0.0)
        prob = _sigmoid(z + term)
        out.append((prob, feats, term > 0 and _sigmoid(z) < limit <= prob))
    return out


def _encoder_terms(sentences: list[str], vector: tuple[float, ...]) -> list[float] | None:
    """The encoder's term (embedding . weights) for each sentence, or None if it failed."""
    from pm_tui.language import embed

    vectors = embed.embed(sentences)
    if vectors is None:
        return None
    # a few sentences, 384 numbers each: plain Python, so a cached sentence needs no numpy
    return [sum(map(mul, v, vector)) for v in vectors]


# Features that put a named person in the place of a cause: what a sentence says caused the
# harm is the person ("thanks to Piotr", "Cause: Hamid", "Rajesh's edit is what ...", "if
# only Selin had ..."). Blameless prose names people as they act and respond, seldom there,
# so these sentences are blame at a lower weight (the "placed" threshold).
PLACED = frozenset(
    """cause-link cause-label act-as-cause act-then-result fault-predicate person-not-system
    counterfactual-agent""".split()
)


def threshold_for(feats: dict[str, str]) -> float:
    """The threshold a sentence with features `feats` is held to: the lower "placed" one
    when it puts a person in the place of a cause (with no response step or theory in it),
    else the threshold."""
    model = _active_model()
    if model[4] < model[2] and not PLACED.isdisjoint(feats) and _NOT_PLACED.isdisjoint(feats):
        if (
            feats.get("cause-link", "").lower().startswith(_CREDIT)
            and len(PLACED.intersection(feats)) == 1
        ):
            return model[2]  # "because Priya recognised ...": credit as often as blame
        return model[4]
    return model[2]


_CREDIT = ("because", "due", "since")


# A response step or a reported theory in the sentence: the person may be the cause of the
# recovery ("we recovered because Priya recognised the pattern") or a suspect ruled out.
_NOT_PLACED = frozenset(("class:response", "class:hypothesis"))


def score(feats: dict[str, str]) -> float:
    """The probability the model gives to blame, from the features' weights."""
    weights, bias = _active_model()[:2]
    get = weights.get
    return _sigmoid(bias + sum([get(f, 0.0) for f in feats]))


def threshold() -> float:
    return _active_model()[2]


def veto() -> float:
    """Below this probability a sentence a rule flagged is no blame after all: the rules'
    phrasings misfire on new writers' neutral sentences more often than the model does."""
    return _active_model()[3]


def reasons(feats: dict[str, str], n: int = 3) -> list[tuple[str, str]]:
    """The `n` features that weighed most towards blame, with the words that showed them."""
    weights = _active_model()[0]
    # the features a reader can see in the sentence (words) before its shape (length, count)
    ranked = sorted(feats, key=lambda f: (feats[f] != "", weights.get(f, 0.0)), reverse=True)
    return [(f, feats[f]) for f in ranked[:n] if weights.get(f, 0.0) > 0]


def row_features(text: str, rules: frozenset[str] = frozenset()) -> dict[str, str]:
    """features() of a whole text read as one sentence (code and URLs masked)."""
    from pm_tui.language.text import mask_prose

    return features(mask_prose(text), rules)


WEIGHED = "blame/weighed"

_PEOPLE_WORDS = (
    ROLE_NOUNS | TEAM_NOUNS | _PRONOUNS | _SOMEONE | _MORE_ROLES | _MORE_TEAMS | _SELF | _OFFICES
) | frozenset(
    [*_ROMANCE_PEOPLE, *(e + w for w in _ROMANCE_PEOPLE for e in ("l'", "d'")), "responsible"]
)


def weigh(sentence: str, named: bool = False) -> tuple[float, dict[str, str]] | None:
    """The model's probability of blame for one (masked) sentence and its features; None
    when the sentence names no one or holds no word of harm, fault or judgement (the model
    never flags those). `named`: _may_name_agent(sentence) is known to hold."""
    feats = features(sentence, named=named)
    if _unread(feats):
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
    "cause": "a cause link",
    "cause-link": "a person in the place of a cause",
    "cause-label": "a person as the value of a cause label",
    "acted": "a person as the subject of an act",
    "system-reason": "a system condition as the reason",
    "it-back": "a thing referred back to",
    "w": "the word",
    "b": "the words",
    "p": "the words next to a person",
    "n<": "a word before a person",
    "n>": "a word after a person",
    "then-agent": "a person, after",
    "clause": "in the person's clause,",
    "len": "a sentence of this length",
    "agents": "how many people it names",
    "addressed": "spoken to someone",
    "asked": "a question",
    "exclaimed": "an exclamation",
    "quoted": "a quotation",
    "short": "a short sentence",
    "owns-part": "a part of a system named after its owner",
    "owner-act": "a person's own act",
    "denied": "blame denied",
    "then-thing": "a thing as the subject after the person",
    "act-then-harm": "a person's act, then a harm",
    "act-consequence": "a person's act, then what went wrong after it",
    "act-scope": "a person's act on a live, only or whole thing",
    "act-as-agreed": "an act done as planned or approved",
    "act-harmless": "an act said to have done no harm",
    "praise-irony": "praise with what undoes it (irony)",
    "act-on-benign": "an act on a thing nobody needed or on the failing thing",
    "praise-for-harm": "praise for a harm (irony)",
    "praise-aimed": "praise aimed at a person (irony)",
    "act-as-cause": "a person's act as the cause",
    "fault-predicate": "a person found at fault (the predicate)",
    "person-not-system": 'a person set against the system ("the operator, not the system")',
    "credit": "a person credited with the recovery (a cause word, then the recovery)",
    "relative-acted": "a person who did something (a relative clause)",
    "counterfactual-agent": "a person in what should have been",
    "system-behaviour": "what only a system does",
    "held": "a person held responsible as",
    "act-then-result": "a person's act, then what it led to",
    "praise-for-act": "praise for a person's act (irony)",
    "praise-ill-timed": "praise for a decision or an act at the worst moment (irony)",
    "habit-of-person": "a person's habit or repeated act",
    "outsider": "a person from outside the team",
    "sanction-aimed": "a sanction or correction aimed at a person",
    "sanction": "a sanction or correction",
    "burden": "carrying the weight of it",
    "outsider-harm": "a person from outside the team, with a harm",
    "act-harm": "a person's act that did harm",
    "omitted": "what a person did not do",
    "act-with-aim": "an act with the aim it was done for",
}


def describe(feature: str, words: str) -> str:
    """A feature in words: 'a person as the subject ("Okonkwo")'."""
    head, _, tail = feature.partition(":")
    if head == "held":
        return f'a person held responsible ({tail}) ("{words}")' if words else head
    if "&" in head:
        left, _, right = head.partition("&")
        text = f"{_READABLE.get(left, left)}, with {_READABLE.get(right, right)}"
    else:
        text = _READABLE.get(head, head)
        if head in ("class", "agent-then", "then-agent", "clause") and tail:
            text += " " + _READABLE.get(tail, tail)
        elif head in ("agent", "subject") and tail:
            text = text.replace("a person", f"a {tail}")
    return f'{text} ("{words}")' if words else text


def finding_for(sentence: str, offset: int, named: bool = False):
    """A WEIGHED finding for one (masked) sentence at `offset`, or None."""
    return _findings([(offset, offset + len(sentence))], sentence, -offset, named)[0]


def _findings(spans, masked: str, shift: int = 0, named: bool = False) -> list:
    """A WEIGHED finding or None for each span of `masked` (its sentences read together:
    the borderline ones go to the encoder in one batch); `shift`: added to a span to index
    `masked`."""
    sentences = [masked[start + shift : end + shift] for start, end in spans]
    weighed = _weigh_all(sentences, threshold_for, named)
    return [
        None if w is None or w[0] < threshold_for(w[1]) else _finding(w, start, end)
        for w, (start, end) in zip(weighed, spans, strict=True)
    ]


# said of a sentence the encoder's term carried over the threshold
TIPPED = "it reads like blame to the sentence model"


def _finding(weighed: tuple, start: int, end: int) -> LanguageFinding:
    prob, feats, tipped = weighed
    why = "; ".join(describe(f, w) for f, w in reasons(feats))
    if tipped:
        why = f"{why}; {TIPPED}" if why else TIPPED
    who = next((w for f, w in feats.items() if f.startswith("agent:")), "")
    return LanguageFinding(
        rule=WEIGHED,
        severity=ERROR,
        message=f'The sentence reads as blaming a person ("{who}"; weighed {prob:.2f}: {why}).',
        suggestion="Make the system condition the subject: what made the act possible or "
        "likely (a missing check, guardrail, default, signal or time pressure), and what "
        "would make it harmless next time.",
        start=start,
        end=end,
    )


def _add_each(masked: str, found: list, spans: list[tuple[int, int]]) -> list:
    """add_findings for a text of several sentences: every sentence (a fragment read with the
    sentence before it) in which no rule found anything."""
    starts = [start for start, _ in spans]
    flagged = {bisect_right(starts, f.start) - 1 for f in found}
    out = list(found)
    limit = veto()
    if limit > 0:
        ruled = [spans[k] for k in sorted(flagged) if spans[k][1] - spans[k][0] <= _LONGEST]
        weighed = _weigh_all([masked[a:b] for a, b in ruled], lambda _: limit)
        for (start, end), w in zip(ruled, weighed, strict=True):
            if w is not None and w[0] < limit:
                out = [f for f in out if not start <= f.start < end]
    unruled = [
        (start, end)
        for start, end in _with_fragments(masked, spans)
        if end - start <= _LONGEST and not any(start <= f.start < end for f in found)
    ]
    out.extend(f for f in _findings(unruled, masked) if f is not None)
    return out


_FRAGMENT_WORDS = 4


def _with_fragments(masked: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with each fragment (a sentence of at most four words: "Again.", "Truly
    inspired.", "Zurab.") joined to the sentence before it on the same line, or to the one
    after when it comes first: "Zurab. Dropped the prod schema. Again." is read as one."""
    out: list[list[int]] = []
    for start, end in spans:
        short = len(masked[start:end].split()) <= _FRAGMENT_WORDS
        if out and "\n" not in masked[out[-1][1] : start]:
            last = out[-1]
            if short or len(masked[last[0] : last[1]].split()) <= _FRAGMENT_WORDS:
                last[1] = end
                continue
        out.append([start, end])
    return [(a, b) for a, b in out]


# The longest sentence the model reads (characters). The labelled sentences it learned from
# are all shorter than 260; longer spans in real post-mortems are lists and tables run
# together, and reading them was most of the model's cost.
_LONGEST = 320


def add_findings(
    masked: str, found: list, spans: list[tuple[int, int]] | None = None, named: bool = False
) -> list:
    """`found` (the rules' findings in `masked`) and a WEIGHED finding for each sentence
    no rule flagged that the model reads as blame. `spans`: the sentences of `masked`
    (split_sentences), when the caller has them; `named`: may_weigh(masked) is known."""
    if not CUE_GATE:
        if not named and not _may_name_agent(masked):
            return found  # no one named: most texts end here
        spans = split_sentences(masked) if spans is None else spans
        if len(spans) == 1 and not (found and veto() > 0):  # most fields: one sentence
            ((start, end),) = spans
            if found or end - start > _LONGEST:
                return found
            extra = finding_for(masked[start:end], start, named=True)
            return found if extra is None else [extra]
        return _add_each(masked, found, spans)
    low = masked.lower()
    words = _WORD.findall(low)
    hits = _positive_forms().intersection(words)
    phrased = not hits and _phrased(low, words)
    if not (hits or phrased) or not _may_name_agent(masked):
        return found  # no word of harm, fault or judgement, or no one: most texts end here
    spans = split_sentences(masked) if spans is None else spans
    if phrased and len(spans) > 1:
        return _add_each(masked, found, spans)  # rare: a phrase only, read every sentence
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
