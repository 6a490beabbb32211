"""Blameful-language rules: a person as the subject of a failure, judgemental words,
"human error" as a cause, and counterfactuals aimed at a person.

Each rule reads one sentence of masked text (code, URLs and quoted logs already blanked).
"""

from __future__ import annotations

import re
from functools import cache

from pm_tui.language.finding import ERROR, LanguageFinding
from pm_tui.language.lexicon import HUMAN_ONLY_VERBS, WE_STRONG_VERBS
from pm_tui.language.subjects import (
    is_capitalised_unknown,
    np_is_person,
    person_after,
    subject_of,
    tokens,
)

PERSON_FAULT = "blame/person-fault"
JUDGEMENTAL = "blame/judgemental"
HUMAN_ERROR = "blame/human-error"
COUNTERFACTUAL = "blame/counterfactual"

_ADVICE = {
    PERSON_FAULT: (
        "The sentence makes a person or team the cause of the failure.",
        "Describe what allowed this to happen: which safeguard, check or signal was missing, "
        "and what made the action look reasonable at the time?",
    ),
    JUDGEMENTAL: (
        "A judgemental word about people ({word}) says who to blame, not what to change.",
        "Replace the judgement with the facts: what was done, what the person could see, "
        "and which guardrail would have caught it.",
    ),
    HUMAN_ERROR: (
        'Naming "{word}" as a cause stops the analysis at a person.',
        "Dig deeper: what made the error possible and easy to make (tooling, defaults, missing "
        "confirmation or validation), and what would make it impossible or harmless?",
    ),
    COUNTERFACTUAL: (
        "A counterfactual aimed at a person judges with hindsight instead of explaining.",
        "Say what the person knew and saw at the time, and which signal or check was missing "
        "that would have made the right action obvious.",
    ),
}


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    i = re.I
    return {
        "clause": re.compile(
            r"[,;:()\[\]—–]|\s-\s|\b(?:because|since|as|when|after|before|while|so|but|and|"
            r"then|until|once|although|though|whereas|which|where|that|or|whether|"
            r"meaning)\b",
        ),
        "verb": re.compile(
            r"\b(?:caus(?:ed|ing)|broke|broken|forg[eo]t(?:ten|s)?|fail(?:ed|s)? to|"
            r"missed|neglect(?:ed|s)?|should(?:n'?t| not)? have|should'?ve|ought to have|"
            r"did(?:n'?t| not)(?! have| know| feel| think| want| understand| believe| intend| mean| "
            r"recogni[sz]e| anticipate| foresee| consider| realise| realize| need| receive| get| exist| appear| seem|"
            r" work| happen| apply| matter| expect| realis| realiz| require| include| cover|"
            r" mention| trigger| fire| show| affect| reach| see| hear| notice anything unusual)|"
            r"ignor(?:ed|es|ing)|mess(?:ed)? up|screw(?:ed)? up|botched|bungled|"
            r"dropped the ball|overlook(?:ed|s)?|mistakenly|accidentally|inadvertently|"
            r"carelessly|recklessly|by mistake|by accident|"
            r"made (?:an? |the |another |several |some |two |a few )?(?:\w+ )?(?:mistake|error|"
            r"typo|blunder|slip)s?|skipp(?:ed|ing)|bypass(?:ed|ing)|circumvent(?:ed)|"
            r"misconfigur(?:ed)|mistyped|introduced (?:a|the|this|that) (?:bug|regression|"
            r"error|defect)|took down|brought down|knocked over|wiped|corrupted|destroyed|"
            r"(?:the|a|an) wrong|made (?:things|it|matters|the (?:situation|outage|incident)) "
            r"worse|(?:pushed|deployed|merged|shipped|committed|applied|"
            r"released|ran) (?:an? |the |some )?(?:untested|broken|bad|faulty|buggy|incorrect|"
            r"unreviewed)|without (?:any |a |proper |first )?(?:review|reviewing|testing|"
            r"tests|approval|permission|checking|telling|asking|waiting|a rollback plan|"
            r"following)|(?:is|was|were|are) (?:at fault|to blame)|didn'?t bother|"
            r"not paying attention)\b",
            i,
        ),
        "judge": re.compile(
            r"\b(?:careless(?:ly|ness)?|sloppy|sloppi(?:ly|ness)|lazy|laziness|"
            r"negligen(?:t|ce|tly)|reckless(?:ly|ness)?|incompeten(?:t|ce|tly)|stupid(?:ity|ly)?|"
            r"clueless(?:ness)?|dumb|irresponsib(?:le|ly|ility)|idiot(?:s|ic)?|"
            r"foolish(?:ly|ness)?|inept(?:itude)?|moron(?:s|ic)?|thoughtless(?:ly|ness)?|"
            r"inattentive(?:ness)?|inattention|unprofessional|amateurish|boneheaded|"
            r"half-?assed|not paying attention|(?:nobody|no one|never)\b[^.,;]{0,40}?\bbothered|(?:not|n't) pay(?:ing)? attention|"
            r"lack of (?:attention|care|diligence)|didn'?t bother|should(?: have|'ve) known "
            r"better|(?:didn'?t|did not|doesn'?t|does not|don'?t|do not) know what (?:he|she|they|"
            r"you) (?:was|were|is|are) doing|should(?: have|'ve) known "
            r"better|asleep at the wheel|dropped the ball|rookie mistake|"
            r"(?:wasn'?t|weren'?t|was not|were not|not) (?:being )?careful(?: enough)?)\b",
            i,
        ),
        "judge_tech": re.compile(
            r"^(?:lazy (?:db|database|lookup|quer|request|load|eval|init|import|iter|propagat|binding|delet|expan|val|fetch|"
            r"mode|sequence|list|quantif|match|compil|instan|static|propert|attribute|"
            r"approach|connect|evaluation|consumer|replica|seq|stream|cache)|sloppy quor|"
            r"dumb (?:pipe|terminal|client|proxy|switch|device|mode|bot))",
            i,
        ),
        "human_error": re.compile(
            r"\b(?:human|operator|user|pilot|operational) errors?\b|\bhuman mistakes?\b|"
            r"\bpeb[ck]ac\b|\bpebkak\b|\bid-?10-?t\b|\bfat[- ]?finger(?:ed|ing|s)?\b|"
            r"\blayer[- ]8\b|\bfinger trouble\b|\bbetween (?:the )?keyboard and (?:the )?chair\b",
            i,
        ),
        "he_risk": re.compile(
            r"\b(?:reduc\w*|avoid\w*|prevent\w*|eliminat\w*|minimi[sz]\w*|risks?|chances?|prone|"
            r"possibility|likelihood|room|susceptib\w*|opportunit\w*|vulnerab\w*|guard\w*|"
            r"protect\w*|less|fewer|mitigat\w*|against|remove\w*|catch\w*|detect\w*|"
            r"tolera\w*|resilien\w*|forgiv\w*|safe|safety)\b[\w\s-]{0,30}$",
            i,
        ),
        "he_neg": re.compile(
            r"(?:\bnot|n't|\bno|\bnever|\bnor|\brather than|instead of|beyond|more than|blam\w*|"
            r"label\w*|call\w*)\b[\w\s,'-]{0,40}$",
            i,
        ),
        "he_tech": re.compile(
            r"^\s*(?:\(|http|\d{3}\b|rate|code|message|response|page|count|log|handling|class|type|path|"
            r"field|status|metric|budget)s?\b",
            i,
        ),
        "reject": re.compile(
            r"\bno(?:t)? (?:one|single|individual|person|engineer|team|body)\b[^.;]{0,30}"
            r"\b(?:fault|blame|responsible)|\b(?:nobody|no one|no-one)\b[^.;,]{0,30}\b(?:fault|"
            r"blame|wrong|responsible)|\b(?:do|does|did|will|should|must|would|are|is|was|"
            r"were|can|cannot|can't)(?:n'?t| not)?\b[^.;,]{0,20}\bnot\b[^.;,]{0,20}\bblam|"
            r"\b(?:don'?t|doesn'?t|didn'?t|won'?t|shouldn'?t|do not|does not|did not|will not|"
            r"should not|never)\b[^.;,]{0,30}\bblam|\bnot (?:about |to |looking to |here to |"
            r"trying to |meant to |intended to )?(?:assign(?:ing)? |place |placing |"
            r"apportion(?:ing)? |point(?:ing)? )?(?:blame|fingers)|"
            r"\b(?:is|was|were|are)(?:n'?t| not) (?:at fault|to blame)|"
            r"\bnot (?:the )?fault of|\bnot (?:\w+['’]s|his|her|their|anyone'?s|the \w+['’]s) "
            r"fault|\bblameless|\bblame-?free|\bno blame\b|\bwithout (?:assigning |placing )?"
            r"blame|\brather than (?:blam|fault|point)|\binstead of (?:blam|point)|"
            r"\beasy to (?:call|label|blame|say|dismiss|write)|\bdid(?:n'?t| not)\b[^.;,]{0,10}"
            r"\bdo anything wrong|\bnot (?:a |an |the )?(?:personal )?(?:failing|failure) of|"
            r"\b(?:not|n'?t) (?:be )?(?:frame|call|label|treat|see|view|describe|consider|"
            r"characteri[sz]e)\w* (?:this|it|that) as|\b(?:anyone|anybody|no one|nobody)['’]s "
            r"(?:mistake|fault|error)|"
            r"\bnot (?:caused by |due to |because of |the result of |a case of |just |simply |"
            r"merely |about |an? )*(?:human|operator|user|pilot) errors?|"
            r"\b(?:human|operator|user|pilot) errors? (?:is|was|are|were) (?:never|not|rarely|"
            r"seldom) (?:a |an |the )?(?:root )?(?:cause|explanation|answer)",
            i,
        ),
        "cf_if": re.compile(
            r"\bif (?:only )?(?P<np>[^,;:.]{1,50}?)\s+(?:had(?:n'?t| not)?|would have|'d|were|"
            r"was|did(?:n'?t| not)?|just|only|could have|paid|took)\b(?! had\b| access\b| been "
            r"given| been able| a way| the (?:tools?|access|information))",
            re.I,
        ),
        "cf_had": re.compile(
            r"(?:^|[,;:]\s*|\b(?:and|but|or)\s+)had\s+(?P<rest>[^,;:.]{1,60})", re.I
        ),
        "fault_of": re.compile(
            r"\bfault of\s+|\b(?:blame|fault|responsibility|accountability)\b[^.;]{0,40}?"
            r"\blies?\s+(?:squarely |entirely |solely )?with\s+|\b(?:this|that|it|the "
            r"(?:outage|incident|failure|mistake|error|problem|breakage)|this one)\s+(?:is|was|"
            r"'s)\s+(?:all |entirely |squarely |totally )?on\s+",
            re.I,
        ),
        "owned_fault": re.compile(
            r"(?P<owner>@[\w.-]*\w|[A-Za-z][\w-]*)['’]s\s+(?:(?:careless|sloppy|big|simple|"
            r"silly|own|costly|honest|unfortunate|clumsy)\s+)?(?:mistake|error|fault|negligence|"
            r"carelessness|oversight|typo|failure|lack of (?:attention|care|diligence|"
            r"judge?ment)|blunder|screw-?up|slip|misjudge?ment|bad call|poor judge?ment)s?\b",
            re.I,
        ),
        "mistake_noun": re.compile(
            r"\b(?:mistake|typo|blunder|oversight|screw-?up|slip-?up)s?\b|\b(?:an|the) error by\b",
            re.I,
        ),
        "vigilance": re.compile(
            r"\b(?:tell|told|remind(?:ed)?|ask(?:ed)?|instruct(?:ed)?|make sure|ensure|warn(?:ed)?|"
            r"coach(?:ed)?|talk(?:ed)? to)\s+(?P<np>[^,;:.]{1,40}?)\s+(?:to\s+|that\s+\w+\s+"
            r"(?:should|must|needs? to)\s+)?(?:be (?:more |extra )?(?:careful|vigilant|diligent|"
            r"attentive|cautious)|pay (?:more |closer )?attention|double[- ]checks?|"
            r"not (?:to )?forget|remembers?|read the|follows? the|takes? more care)",
            re.I,
        ),
    }


# Cheap word-level prefilters: a sentence without any of these words cannot match the
# (slower) rule patterns, so most neutral sentences cost one tokenising pass.
_VERB_WORDS = frozenset(
    """caused causing broke broken forgot forget forgets forgotten fail failed fails missed
    neglect neglected neglects should should've shouldve shouldn't ought didn't didnt did
    ignored ignores ignoring mess messed screw screwed botched bungled dropped overlook
    overlooked overlooks mistakenly accidentally inadvertently carelessly recklessly mistake
    accident made skipped skipping bypassed bypassing circumvented misconfigured mistyped
    introduced took brought knocked wiped corrupted destroyed wrong untested bad faulty buggy
    incorrect unreviewed without fault blame bother attention""".split()
)
_JUDGE_WORDS = frozenset(
    """careless carelessly carelessness sloppy sloppily sloppiness lazy laziness negligent
    negligence negligently reckless recklessly recklessness incompetent incompetence
    incompetently stupid stupidity stupidly clueless cluelessness dumb irresponsible
    irresponsibly irresponsibility idiot idiots idiotic foolish foolishly foolishness inept
    ineptitude moron morons moronic thoughtless thoughtlessly thoughtlessness inattentive
    inattentiveness inattention unprofessional amateurish boneheaded half-assed halfassed
    attention bother bothered didn't better asleep ball rookie careful doing""".split()
)
_HUMAN_WORDS = frozenset(
    """error errors mistake mistakes pebkac pebcak pebkak id-10-t id10t fat-finger fat-fingered
    fat-fingering fat-fingers fat fatfinger fatfingered layer finger keyboard""".split()
)
_WORD = re.compile(r"[a-z][a-z0-9'’-]*")

_VIGILANCE_WORDS = re.compile(r"tell|told|remind|ask|instruct|make sure|ensure|warn|coach|talk")


def _finding(rule: str, start: int, end: int, word: str = "") -> LanguageFinding:
    message, suggestion = _ADVICE[rule]
    return LanguageFinding(rule, ERROR, message.format(word=word), suggestion, start, end)


def _clause_bounds(s: str, pos: int) -> tuple[int, int, int, str]:
    """Start of the clause holding `pos`, start of the clause before it, the clause end,
    and the word or mark that opened the clause."""
    starts = [0]
    opener = ""
    end = len(s)
    for m in _rx()["clause"].finditer(s):
        if m.end() <= pos:
            starts.append(m.end())
            opener = m.group(0).strip()
        elif m.start() >= pos:
            end = m.start()
            break
    prev = starts[-2] if len(starts) >= 2 else 0
    return starts[-1], prev, end, opener


def _leading_person(words: list[str], allow_we: bool) -> bool:
    for k in range(1, min(4, len(words)) + 1):
        if np_is_person(words[:k], allow_we=allow_we):
            return True
    return False


def _by_person(clause: str) -> bool:
    for m in re.finditer(r"\bby\s+", clause, re.I):
        if person_after(tokens(clause[m.end() :])):
            return True
    return False


def _person_fault(s: str, lo: str | None = None) -> tuple[str, int] | None:
    """The rule and position of the first blame verb whose subject is a person."""
    rx, text = _scan("verb", s, lo)
    for m in rx.finditer(text):
        verb = m.group(0).lower()
        first = verb.split()[0]
        allow_we = first in WE_STRONG_VERBS or "dropped the ball" in verb
        cstart, pstart, cend, opener = _clause_bounds(s, m.start())
        words = tokens(s[cstart : m.start()])
        np, empty = subject_of(words)
        if empty and opener in ("that", "which"):
            # A relative clause: its subject is the noun just before "that".
            prev_np, _ = subject_of(tokens(s[pstart:cstart])[:-1])
            person = np_is_person(prev_np, allow_we=allow_we)
        elif empty:
            person = _leading_person(tokens(s[pstart:cstart]), allow_we)
        elif verb.startswith(("by ", "the wrong", "a wrong", "an wrong")):
            # A clause adverbial: the subject is where the clause starts.
            person = _leading_person(words, allow_we) or (
                opener in ("and", "then", "but")
                and _leading_person(tokens(s[pstart:cstart]), allow_we)
            )
        else:
            person = np_is_person(np, allow_we=allow_we) or (
                first in HUMAN_ONLY_VERBS and is_capitalised_unknown(np) and len(words) <= 2
            )
        if not person:
            person = _by_person(s[cstart:cend])
        if person:
            rule = COUNTERFACTUAL if "known" in s[m.end() : m.end() + 8].lower() else PERSON_FAULT
            return rule, m.start()
    return None


def _counterfactual(s: str, lo: str | None = None) -> bool:
    rx, text = _scan("cf_if", s, lo)
    for m in rx.finditer(text):
        np, _ = subject_of(tokens(s[m.start("np") : m.end("np")]))
        if np_is_person(np):
            return True
    rx, text = _scan("cf_had", s, lo)
    for m in rx.finditer(text):
        words = tokens(s[m.start("rest") : m.end("rest")])
        for k in range(1, min(4, len(words) - 1) + 1):
            if words[k].lower() in ("had", "been", "access", "known"):
                break
            if np_is_person(words[:k]):
                return True
    return False


def _fault_with_person(s: str, low: str, lo: str | None = None) -> bool:
    rx = _rx()
    if "fault" in low or " on " in low or "lie" in low:
        fault_of, text = _scan("fault_of", s, lo)
        for m in fault_of.finditer(text):
            if person_after(tokens(s[m.end() :])):
                return True
    if "'s" in low or "’s" in low:
        for m in rx["owned_fault"].finditer(s):
            before = tokens(s[max(0, m.start() - 30) : m.start()])[-2:]
            if np_is_person([*before, m.group("owner") + "'s"], possessive_ok=True):
                return True
    if "by " in low:
        mistake, text = _scan("mistake_noun", s, lo)
        if mistake.search(text) and _by_person(s):
            return True
    if not _VIGILANCE_WORDS.search(low):
        return False
    vigilance, text = _scan("vigilance", s, lo)
    for m in vigilance.finditer(text):
        np_words = tokens(s[m.start("np") : m.end("np")])
        np, _ = subject_of(np_words)
        if np_is_person(np) or np_is_person(np_words[:3]):
            return True
    return False


def _human_error(s: str) -> re.Match[str] | None:
    rx = _rx()
    for m in rx["human_error"].finditer(s):
        before = s[max(0, m.start() - 60) : m.start()]
        if rx["he_risk"].search(before) or rx["he_neg"].search(before):
            continue
        if rx["he_tech"].match(s[m.end() :]):
            continue
        if m.group(0).lower().startswith("operator") and re.search(
            r"[-\w]operator$", s[: m.start() + 8]
        ):
            continue
        return m
    return None


def _judgemental(s: str) -> re.Match[str] | None:
    rx = _rx()
    for m in rx["judge"].finditer(s):
        if rx["judge_tech"].match(s[m.start() :]):
            continue
        return m
    return None


def rejects_blame(sentence: str) -> bool:
    """True when the sentence explicitly rejects blame ("no one person was at fault")."""
    rx, text = _scan("reject", sentence, sentence.lower() if sentence.isascii() else None)
    return bool(rx.search(text))


@cache
def _twin(name: str) -> re.Pattern[str] | None:
    """A case-sensitive twin of the case-insensitive pattern `name` if it has no capital
    letter, for lower-cased ASCII text: there it matches exactly where the original matches
    in the text (lower-casing ASCII keeps every offset, and case is all re.I ignores in
    ASCII), several times faster. Compiled when first needed."""
    rx = _rx()[name]
    bare = re.sub(r"\\.|\(\?P[<=]", "", rx.pattern)  # escapes and group names aside
    if rx.flags & re.I and not re.search("[A-Z]", bare):
        return re.compile(rx.pattern, rx.flags & ~re.I)
    return None


def _scan(name: str, s: str, lo: str | None) -> tuple[re.Pattern[str], str]:
    """The pattern `name` and the text to run it on: its twin on `lo` (`s` lower-cased,
    given only when `s` is ASCII) when it has one, else the pattern itself on `s`. Offsets
    are offsets in `s` either way; read any matched text from `s`."""
    twin = _twin(name) if lo is not None else None
    return (twin, lo) if twin is not None else (_rx()[name], s)


def check_sentence(s: str, offset: int) -> list[LanguageFinding]:
    """Blame findings for one sentence `s` that starts at `offset` in the checked text."""
    end = offset + len(s)
    low = s.lower()
    lo = low if s.isascii() else None  # for the patterns' fast twins
    words = set(_WORD.findall(low))
    found: list[LanguageFinding] = []
    judge = _judgemental(s) if not words.isdisjoint(_JUDGE_WORDS) else None
    if judge:
        found.append(
            _finding(JUDGEMENTAL, offset + judge.start(), offset + judge.end(), judge.group(0))
        )
    human = _human_error(s) if not words.isdisjoint(_HUMAN_WORDS) else None
    if human:
        found.append(
            _finding(HUMAN_ERROR, offset + human.start(), offset + human.end(), human.group(0))
        )
    if ("if " in low or "had " in low) and _counterfactual(s, lo):
        found.append(_finding(COUNTERFACTUAL, offset, end))
    fault = _person_fault(s, lo) if not words.isdisjoint(_VERB_WORDS) else None
    if fault and not any(f.rule == fault[0] for f in found):
        found.append(_finding(fault[0], offset, end))
    elif not fault and not found and _fault_with_person(s, low, lo):
        found.append(_finding(PERSON_FAULT, offset, end))
    if found and rejects_blame(s):
        return []
    return found
