"""Blameful-language rules: a person as the subject of a failure, judgemental words,
"human error" as a cause, and counterfactuals aimed at a person.

Each rule reads one sentence of masked text (code, URLs and quoted logs already blanked).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from pm_tui.language.agents import (
    _VOCAB,
    COMMON_WORDS,
    TECH_WORDS,
    capitalised_agent,
    name_like,
)
from pm_tui.language.clauses import agent_outcome
from pm_tui.language.finding import ERROR, LanguageFinding
from pm_tui.language.lexicon import (
    GROUP_WORDS,
    HUMAN_ONLY_VERBS,
    NAMES,
    NOT_NAMES,
    PRONOUNS,
    ROLE_NOUNS,
    TEAM_NOUNS,
    WE_STRONG_VERBS,
)
from pm_tui.language.subjects import (
    first_tokens,
    is_possessive,
    np_is_person,
    person_after,
    subject_of,
    tokens,
)
from pm_tui.language.text import BLAME_QUESTION

PERSON_FAULT = "blame/person-fault"
JUDGEMENTAL = "blame/judgemental"
HUMAN_ERROR = "blame/human-error"
COUNTERFACTUAL = "blame/counterfactual"
HABIT = "blame/habit"

_ADVICE = {
    PERSON_FAULT: (
        "The sentence makes a person or team the cause of the failure{word}.",
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
    HABIT: (
        'Judging a person by habit or character ("{word}") says who to blame, not what to change.',
        "Describe this occurrence and the condition that made it likely: which step relies on "
        "memory or care, and what check, default or automation would make it hold every time?",
    ),
    COUNTERFACTUAL: (
        "A counterfactual aimed at a person judges with hindsight instead of explaining.",
        "Say what the person knew and saw at the time, and which signal or check was missing "
        "that would have made the right action obvious.",
    ),
}


# Blame, fault, or responsibility for a failure (not responsibility for follow-up work: "the
# responsibility for the fix lies with the platform team" hands out work, not blame).
_BLAME_NOUN = (
    r"(?:blame|fault|(?:responsibility|accountability)(?! for (?:the |all |any |our |its |each "
    r"|every |this |these )?(?:[\w-]+ )?(?:follow|fix|remediat|action|next|clean|migrat|work|"
    r"tasks?\b|review|monitor|maint|rollout|deliver|implement|own|runbook|process|service|"
    r"on-?call|change management|comms|communicat)))"
)


@cache
def sources() -> dict[str, tuple[str, int]]:
    """Each blame pattern's source and flags, by name (compiled by _rx when first used)."""
    i = re.I
    return {
        "clause": _source(
            r"[,;:()\[\]—–]|\s-\s|\b(?:because|since|as|when|after|before|while|so|but|and|"
            r"then|until|once|although|though|whereas|which|where|that|or|whether|"
            r"meaning|what|how|why)\b",
        ),
        "verb": _source(
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
            r"where clause|dry[- ]run|"
            r"following)|(?:is|was|were|are) (?:at fault|to blame)|didn'?t bother|"
            r"not paying attention|forgetting|should never have|"
            r"(?:dropped|deleted|wiped|truncated|disabled|unplugged|flushed|overloaded|"
            r"overwrote|overwritten|misread|misjudged|rubber-?stamped|killed|purged|"
            r"force-?pushed|silenced|misrouted|mislabell?ed|misapplied|misnamed|misused|"
            r"mishandled|mismanaged|misplaced|misdirected)\b(?! by \d)|shut down|"
            r"allowed (?:\w+ )?to (?:expire|lapse|fill up|run out)|"
            r"turned off|(?:took|brought|knocked) (?:[\w-]+ ){1,3}(?:down|over)|"
            r"let (?:[\w-]+ ){1,8}?through|slept (?:right )?through|overr(?:ode|idden)|"
            r"knew (?:it|that|this|the [\w-]+)\W+(?:was|were|had|would|could)(?: been)? (?:never|not|"
            r"un[\w-]+|risky|dangerous|broken|failing|wrong)|"
            r"thought it (?:was|would be) (?:fine|ok|okay|safe|a good idea|acceptable|harmless) "
            r"to(?![^.;]*\b(?:because|since|given|as the)\b)|"
            r"left (?:[\w-]+ ){0,3}(?:in place|on in prod\w*|enabled|open|public|behind)|"
            r"made (?:a |the )?(?:bad|poor|wrong|questionable|risky) (?:call|decision|choice|"
            r"judge?ment)|(?:is|was|are|were) the (?:problem|issue|weak(?:est)? link|culprit)|"
            r"(?:be|been|is|was|are|were) held (?:accountable|responsible)|"
            r"(?:is|was|are|were) responsible for (?:the |this |that )?(?:outage|incident|failure|"
            r"data loss|breakage|downtime|mistake|error|problem)|"
            r"with no (?:ticket|review|approval|tests?|testing|backup|canary|sign-?off)|"
            r"without (?:a |an |any )?(?:feature flag|canary|ticket|backup|second (?:look|review|"
            r"pair of eyes)|(?:reading|looking at|checking|verifying|running|consulting|"
            r"notifying|informing|telling|asking|waiting|reviewing|testing) )|"
            r"(?:against|on|in|to) (?:the )?prod(?:uction)? (?:instead of|rather than))\b",
            i,
        ),
        "badact": _source(
            r"\b(?:approved|signed off(?: on)?|merged|rubber-?stamped)\b[^,;.]{0,40}?\b(?:untested|"
            r"broken|faulty|buggy|unreviewed|failing|(?:had |has )?never been (?:tested|reviewed)|"
            r"did(?:n'?t| not) (?:understand|read|review|test|check))\b|"
            r"\b(?:deployed|pushed|shipped|ran|applied|committed|released|rolled out|posted|"
            r"pasted|merged) (?:an? |the |some |two |several )?(?:untested|broken|bad|faulty|buggy|"
            r"incorrect|unreviewed|unbounded|wrong|secrets?|credentials?|passwords?)\b|"
            r"\b(?:copied|leaked|uploaded|shared|pasted|exposed|pushed|committed)\b[^,;.]{0,30}?"
            r"\b(?:secrets?|credentials?|passwords?|tokens?|private keys?)\b[^,;.]{0,20}?\bpublic\b|"
            r"\b(?:pushed|committed|deployed|merged|applied|shipped) (?:[\w-]+ ){0,3}?(?:directly|"
            r"straight) (?:to|into|on)\b|"
            r"\bexposed (?:[\w-]+ ){1,4}to the (?:internet|public|world)\b|"
            r"\b(?:restarted|rebooted|deleted|drained|killed|upgraded|redeployed|terminated) "
            r"(?:every|all(?: the| of the)?) [\w-]+ (?:at once|at the same time|simultaneously)\b|"
            r"\b(?:shipped|deployed|released|pushed|merged) (?:[\w-]+ ){0,3}with (?:the )?(?:debug|"
            r"verbose|trace) (?:logging|mode|flags?|output) (?:on|enabled|turned on)\b|"
            r"\bleft (?:an? |the |some |their |his |her )?(?:[\w-]+ )?(?:secrets?|credentials?|"
            r"passwords?|tokens?|keys?)\b[^,;.]{0,30}?\b(?:public|exposed|in (?:the )?(?:repo|"
            r"repository|logs?|chat|channel|wiki))",
            i,
        ),
        "label": _source(
            r"\b(?:(?:root[- ])?cause(?: of (?:the )?(?:failure|outage|incident|problem|issue|"
            r"breakage|error))?|"
            r"culprit|responsible(?: party| person| individual| engineer)?|"
            r"person (?:at fault|responsible)|at fault|to blame|blame|"
            r"owner of (?:the )?(?:outage|failure|incident|problem|breakage|mistake|error)|"
            r"who (?:broke|caused|did) (?:it|this|that))\b"
            r"\s*(?:[:=—–]|-\s|\b(?:was|is)\b)\s*|"
            # the answer to a question asking who is to blame ("Who broke it? Tomasz.")
            r"\b" + BLAME_QUESTION + r"\s*",
            i,
        ),
        "habit": _source(
            r"\b(?:yet again|once again|once more|as (?:always|usual)|typical(?:ly)? of|"
            r"(?:did|done|does|do) it again|at it again|"
            r"(?:keeps?|kept) (?:on )?(?:forgetting|skipping|ignoring|missing|breaking|making|pushing|"
            r"deploying|leaving|bypassing|merging|running|dropping|deleting|messing|causing|"
            r"overlooking|neglecting|rushing|cutting|getting|doing|changing|touching|editing|"
            r"disabling|silencing|snoozing)|(?:a|the) habit of|"
            r"(?:second|third|fourth|fifth|sixth|tenth|umpteenth|nth|\d+(?:st|nd|rd|th)) time|"
            r"told (?:\w+ )?(?:many|several|multiple|countless|numerous|\w+ times|repeatedly|"
            r"before)|repeatedly|"
            r"still (?:hasn'?t|doesn'?t|won'?t|can'?t|has not|does not)|"
            r"needs? (?:coaching|training|to be coached|to learn|to be reminded|a talking)|"
            r"(?:needs?|has|have|had|should) to pay (?:more |closer )?attention|"
            r"should pay (?:more |closer )?attention|"
            r"never (?:reads?|checks?|tests?|follows?|listens?|asks?|bothers?|looks?|reviews?|"
            r"learns?)|always (?:in a hurry|forgets?|skips?|rush\w*|late|careless|sloppy)|"
            r"cuts? corners|cutting corners|inexplicably|"
            r"(?:wasn'?t|weren'?t|isn'?t|aren'?t|was not|were not) (?:\w+ )?paying attention)\b",
            i,
        ),
        "because": _source(r"\b(?:because|until|till)\s+", i),
        # What clauses.agent_outcome needs one of (a bad outcome, a judged act, a duty left
        # undone, a cause link): only its prefilter; the rule reads the clause itself.
        "outcome": _outcome_source(),
        "and_then": _source(
            r"(?:\b(?:and|so)|,? which) (?:[\w-]+ ){0,4}?\b(?:backed up|"
            r"broke|crashed|wiped|deleted|corrupted|truncated|overwrote|exhausted|overloaded|"
            r"took (?:[\w-]+ ){0,3}down|caused (?:an? |the )?(?:outage|incident|failure|data loss|"
            r"errors|downtime)|"
            r"went (?:down|dark|offline|read-only)|fell (?:over|behind)|filled up|blew up|"
            r"melted down|locked up|ground to a halt|(?:started|began) (?:failing|erroring|"
            r"timing out|rejecting|dropping|returning errors|crash-?looping)|stopped (?:working|"
            r"responding|serving|processing)|(?:was|were) (?:down|unavailable|unreachable)|"
            r"errored|timed out|overflowed)\b",
            i,
        ),
        "passive": _source(
            r"\b(?:regression|bug|typo|defect|mistake|broken|bad|faulty|buggy|wrong|incorrect|"
            r"erroneous|breaking|misconfigured|outage|incident|failure|problem|issue|leak|"
            r"vulnerability|(?:that|which) (?:blocked|broke|caused|deleted|dropped|wiped|"
            r"corrupted|locked|crashed|took))s?\b[^,;.]{0,40}?\b(?:was|were|got|had been|has been) (?:\w+ly )?"
            r"(?P<verb>[a-z]+) (?:in )?by\s+",
            i,
        ),
        "cleft": _source(r"\bit (?:was|is|'s) (?P<np>[^,;.]{1,30}?) who (?P<verb>[\w-]+)", i),
        "explicit": _source(
            rf"\b{_BLAME_NOUN}\b[^.;]{{0,40}}?\b(?:lies?|lay|"
            r"rests?|sits?|falls?|fell|goes|went|belongs)\s+(?:squarely |entirely |solely |"
            r"firmly |fully )?(?:with|on|to)\s+|\bfingers? (?:points?|pointed|pointing) "
            r"(?:at|to)\s+|\bpoint(?:ing|ed)? (?:the )?fingers? at\s+|"
            r"\b(?:comes?|came|boils?|boiled) down to\s+|\btrace[sd]? back to\s+|"
            r"\b(?:was|is) (?:all )?down to\s+|\bculprit (?:was|is)\s+|"
            r"\b(?:was|is|were|are) (?:\w+ )?(?:the )?(?:direct |indirect )?(?:result|consequence|"
            r"product) of\s+|"
            r"\b(?:mistake|fault|error|blame)\s+(?:was|is)\s+(?=[\w@.-]+['’]s\b)",
            i,
        ),
        "hold": _source(
            r"\bhold\w*\s+(?P<np>[^,;.]{1,40}?)\s+(?:responsible|accountable)\b|"
            r"\b(?:the|a) (?:\w+ ){0,2}(?:developer|engineer|person|individual|operator|"
            r"contractor|intern|dev|admin|employee)s? responsible\b(?! for (?:the )?(?:fix|"
            r"follow|action|remediation|service|component))",
            i,
        ),
        "judge": _source(
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
        "judge_tech": _source(
            r"^(?:lazy (?:db|database|lookup|quer|request|load|eval|init|import|iter|propagat|binding|delet|expan|val|fetch|"
            r"mode|sequence|list|quantif|match|compil|instan|static|propert|attribute|"
            r"approach|connect|evaluation|consumer|replica|seq|stream|cache)|sloppy quor|"
            r"dumb (?:pipe|terminal|client|proxy|switch|device|mode|bot))",
            i,
        ),
        "human_error": _source(
            r"\b(?:human|operator|user|pilot|operational) errors?\b|\bhuman mistakes?\b|"
            r"\bpeb[ck]ac\b|\bpebkak\b|\bid-?10-?t\b|\bfat[- ]?finger(?:ed|ing|s)?\b|"
            r"\blayer[- ]8\b|\bfinger trouble\b|\bbetween (?:the )?keyboard and (?:the )?chair\b",
            i,
        ),
        "he_risk": _source(
            r"\b(?:reduc\w*|avoid\w*|prevent\w*|eliminat\w*|minimi[sz]\w*|risks?|chances?|prone|"
            r"possibility|likelihood|room|susceptib\w*|opportunit\w*|vulnerab\w*|guard\w*|"
            r"protect\w*|less|fewer|mitigat\w*|against|remove\w*|catch\w*|detect\w*|"
            r"tolera\w*|resilien\w*|forgiv\w*|safe|safety)\b[\w\s-]{0,30}$",
            i,
        ),
        "he_neg": _source(
            r"(?:\bnot|n't|\bno|\bnever|\bnor|\brather than|instead of|beyond|more than|blam\w*|"
            r"label\w*|call\w*|assum\w*|suspect\w*|hypothes\w*|initially|guess\w*|"
            r"thought|ruled out|looked like|seemed like|appeared|at first|first glance|"
            r"suspicion|theory)\b[\w\s,'-]{0,40}$",
            i,
        ),
        "he_tech": _source(
            r"^\s*(?:\(|http|\d{3}\b|rate|code|message|response|page|count|log|handling|class|type|path|"
            r"field|status|metric|budget)s?\b",
            i,
        ),
        "reject": _source(
            r"\bno(?:t)? (?:one|single|individual|person|engineer|team|body)\b[^.;]{0,30}"
            r"\b(?:fault|blame|responsible)|"
            r"\b(?:no (?:one|single|individual|person|engineer|team|operator)s?|nobody|"
            r"no-one)\b (?:\w+ )?(?:caused|acted|broke|did (?:this|anything)|made)\b|"
            r"\b(?:not|never|no longer) (?:hold|holding) (?:any|a single|one|the) (?:\w+ )?"
            r"(?:individual|person|engineer|one|team|operator)s? (?:responsible|accountable)|\b(?:nobody|no one|no-one)\b[^.;,]{0,30}\b(?:fault|"
            r"blame|wrong|responsible)|\b(?:do|does|did|will|should|must|would|are|is|was|"
            r"were|can|cannot|can't)(?:n'?t| not)?\b[^.;,]{0,20}\bnot\b[^.;,]{0,20}\bblam|"
            r"\b(?:don'?t|doesn'?t|didn'?t|won'?t|shouldn'?t|do not|does not|did not|will not|"
            r"should not|never)\b[^.;,]{0,30}\bblam|\bnot (?:about |to |looking to |here to |"
            r"trying to |meant to |intended to )?(?:assign(?:ing)? |place |placing |"
            r"apportion(?:ing)? |point(?:ing)? )?(?:blame|fingers)|"
            r"\b(?:is|was|were|are)(?:n'?t| not) (?:at fault|to blame)|"
            r"\bnot (?:the )?fault of|\bnot (?:\w+['’]s|his|her|their|anyone'?s|the \w+['’]s) "
            r"(?:fault|mistake|error)|\bblameless|\bblame-?free|\bno blame\b|\bwithout (?:assigning |placing )?"
            r"blame|\brather than (?:blam|fault|point)|\binstead of (?:blam|point)|"
            r"\beasy to (?:call|label|blame|say|dismiss|write)|\bdid(?:n'?t| not)\b[^.;,]{0,10}"
            r"\bdo anything wrong|\bnot (?:a |an |the )?(?:personal )?(?:failing|failure) of|"
            r"\b(?:not|n'?t) (?:be )?(?:frame|call|label|treat|see|view|describe|consider|"
            r"characteri[sz]e)\w* (?:this|it|that) as|\b(?:anyone|anybody|no one|nobody)['’]s "
            r"(?:mistake|fault|error)|"
            r"\bnot (?:caused by |due to |because of |the result of |a case of |just |simply |"
            r"merely |about |an? )*(?:human|operator|user|pilot) errors?|"
            r"\b(?:do|did|does)(?:n'?t| not) (?:think|believe|feel|consider) (?:that )?(?:anyone|"
            r"anybody|they|he|she|the \w+) (?:was|were|acted|is|are|made|did)\b|"
            r"\b(?:considered|checked|asked|wondered|investigated|examined) (?:whether|if)\b|"
            r"\b(?:human|operator|user|pilot) errors? (?:is|was|are|were) (?:never|not|rarely|"
            r"seldom) (?:a |an |the )?(?:root )?(?:cause|explanation|answer)|"
            r"\b(?:human|operator|user) errors? (?:is|are|was|were) (?:a |an |the |only |just |"
            r"merely |usually |often |always |really )*(?:symptom|consequence|result|effect|"
            r"starting point|outcome|sign)",
            i,
        ),
        "cf_if": _source(
            r"\bif (?:only )?(?P<np>[^,;:.]{1,50}?)\s+(?:had(?:n'?t| not)?|would have|'d|were|"
            r"was|did(?:n'?t| not)?|just|only|could have|paid|took)\b(?! had\b| access\b| been "
            r"given| been able| a way| the (?:tools?|access|information))",
            re.I,
        ),
        "cf_had": _source(r"(?:^|[,;:]\s*|\b(?:and|but|or)\s+)had\s+(?P<rest>[^,;:.]{1,60})", re.I),
        "fault_of": _source(
            rf"\bfault of\s+|\b{_BLAME_NOUN}\b[^.;]{{0,40}}?"
            r"\blies?\s+(?:squarely |entirely |solely )?with\s+|\b(?:this|that|it|the "
            r"(?:outage|incident|failure|mistake|error|problem|breakage)|this one)\s+(?:is|was|"
            r"'s)\s+(?:all |entirely |squarely |totally )?on\s+",
            re.I,
        ),
        "owned_fault": _source(
            r"(?P<owner>@[\w.-]*\w|[A-Za-z][\w-]*)['’]s\s+(?:(?:careless|sloppy|big|simple|"
            r"silly|own|costly|honest|unfortunate|clumsy)\s+)?(?:mistake|error|fault|negligence|"
            r"carelessness|oversight|typo|failure|lack of (?:attention|care|diligence|"
            r"judge?ment)|blunder|screw-?up|slip|misjudge?ment|bad call|poor judge?ment)s?\b|"
            r"(?P<owner2>@[\w.-]*\w|[A-Za-z][\w-]*)['’]s\s+(?:own\s+)?doing(?=\s*(?:[.,;:!)]|$))",
            re.I,
        ),
        "mistake_noun": _source(
            r"\b(?:mistake|typo|blunder|oversight|screw-?up|slip-?up)s?\b|"
            r"\b(?:an|the) errors? (?:made )?by\b",
            re.I,
        ),
        "vigilance": _source(
            r"\b(?:tell|told|remind(?:ed)?|ask(?:ed)?|instruct(?:ed)?|make sure|ensure|warn(?:ed)?|"
            r"coach(?:ed)?|talk(?:ed)? to)\s+(?P<np>[^,;:.]{1,40}?)\s+(?:to\s+|that\s+\w+\s+"
            r"(?:should|must|needs? to)\s+)?(?:be (?:more |extra )?(?:careful|vigilant|diligent|"
            r"attentive|cautious)|pay (?:more |closer )?attention|double[- ]checks?|"
            r"not (?:to )?forget|remembers?|read the|follows? the|takes? more care)",
            re.I,
        ),
    }


def _outcome_source() -> tuple[str, int]:
    from pm_tui.language import clauses

    duty = (
        r"\b(?:did not|didn'?t|never|had not|hadn'?t|has not|hasn'?t|have not|haven'?t|"
        r"forgot to|forgetting to|neglected to|failed to|without)\b"
    )
    link = (
        r"\b(?:traced?|points?|pointed|down to|due to|because of|result of|fault of|"
        r"doing of|caused by|introduced by|(?:cause|reason|problem|culprit|trigger|factor|"
        r"source)s?\s*(?:was|is|:|=|—|–)|is on|was on|"
        r"is all on|was all on|is entirely on|was entirely on|is squarely on|was squarely on)\b"
    )
    pattern = "|".join((clauses.OUTCOME_SRC[0], clauses.JUDGED_SRC[0], duty, link))
    return pattern, re.I


def _source(pattern: str, flags: int = 0) -> tuple[str, int]:
    return pattern, flags


class _Patterns(Mapping):
    """The blame patterns by name, each compiled the first time it is asked for: a check
    needs only a few of them, and compiling them all took a good part of the first check."""

    def __init__(self) -> None:
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        rx = self._compiled.get(name)
        if rx is None:
            rx = self._compiled[name] = re.compile(*sources()[name])
        return rx

    def __iter__(self):
        return iter(sources())

    def __len__(self) -> int:
        return len(sources())


@cache
def _rx() -> _Patterns:
    return _Patterns()


# Cheap word-level prefilters: a sentence without any of these words cannot match the
# (slower) rule patterns, so most neutral sentences cost one tokenising pass.
_VERB_WORDS = frozenset(
    """caused causing broke broken forgot forget forgets forgotten fail failed fails missed
    neglect neglected neglects should should've shouldve shouldn't ought didn't didnt did
    ignored ignores ignoring mess messed screw screwed botched bungled dropped overlook
    overlooked overlooks mistakenly accidentally inadvertently carelessly recklessly mistake
    accident made skipped skipping bypassed bypassing circumvented misconfigured mistyped
    introduced took brought knocked wiped corrupted destroyed wrong untested bad faulty buggy
    incorrect unreviewed without fault blame bother attention forgetting never dropped deleted
    removed wiped truncated disabled unplugged flushed overloaded overwrote overwritten misread
    misjudged rubber-stamped rubberstamped killed turned took brought knocked left made problem
    purged force-pushed forcepushed silenced shut allowed misrouted misrouted mislabeled
    mislabelled misapplied misconfigured misnamed misused mishandled mismanaged misplaced
    misdirected
    issue link culprit held responsible ticket review approval tests testing backup canary
    sign-off signoff prod production approved signed merged deployed pushed shipped ran applied
    committed released rolled posted pasted let slept overrode overridden thought knew""".split()
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
# Words one of which each newer rule's pattern needs (a cheap gate before the patterns).
_LABEL_WORDS = frozenset("cause culprit responsible fault blame owner person who".split())
_EXPLICIT_WORDS = frozenset(
    """blame fault responsibility accountability finger fingers down back culprit mistake
    error it it's hold holds held holding responsible accountable result consequence
    product""".split()
)
# The words one of which each pattern of _caused_by_agent needs (a cheap gate).
_CAUSE_MARKERS = frozenset("because until till".split())
_CONSEQUENCE_WORDS = frozenset(
    """backed broke crashed wiped deleted corrupted truncated overwrote exhausted overloaded
    took caused went fell filled blew melted locked ground started began stopped down
    unavailable unreachable errored timed overflowed""".split()
)
_PASSIVE_FAULT_WORDS = frozenset(
    """regression regressions bug bugs typo typos defect defects mistake mistakes broken bad
    faulty buggy wrong incorrect erroneous breaking misconfigured outage outages incident
    incidents failure failures problem problems issue issues leak leaks vulnerability
    vulnerabilities blocked broke caused deleted dropped wiped corrupted locked crashed
    took""".split()
)


def _may_give_cause(words: set[str]) -> tuple[bool, bool, bool]:
    """Whether each pattern of _caused_by_agent (because, and_then, passive) can match."""
    return (
        not words.isdisjoint(_CAUSE_MARKERS),
        ("and" in words or "so" in words or "which" in words)
        and not words.isdisjoint(_CONSEQUENCE_WORDS),
        "by" in words and not words.isdisjoint(_PASSIVE_FAULT_WORDS),
    )


_HABIT_WORDS = frozenset(
    """again more always usual typical typically keep keeps kept habit time told repeatedly
    still need needs has have had should attention never cuts cut cutting corners
    inexplicably paying did done does do at""".split()
)
_WORD = re.compile(r"[a-z][a-z0-9'’-]*")

_VIGILANCE_WORDS = re.compile(r"tell|told|remind|ask|instruct|make sure|ensure|warn|coach|talk")


def _finding(rule: str, start: int, end: int, word: str = "") -> LanguageFinding:
    message, suggestion = _ADVICE[rule]
    return LanguageFinding(rule, ERROR, message.format(word=word), suggestion, start, end)


def _clause_bounds(s: str, pos: int) -> tuple[int, int, int, str]:
    """Start of the clause holding `pos`, start of the clause before it, the clause end,
    and the word or mark that opened the clause."""
    marks = _clause_marks(s)
    starts = [0]
    opener = ""
    end = len(s)
    for mstart, mend, mark in marks:
        if mend <= pos:
            starts.append(mend)
            opener = mark
        elif mstart >= pos:
            end = mstart
            break
    prev = starts[-2] if len(starts) >= 2 else 0
    return starts[-1], prev, end, opener


@lru_cache(maxsize=64)
def _clause_marks(s: str) -> tuple[tuple[int, int, str], ...]:
    """The clause marks of `s` (start, end, the mark stripped), found once per sentence
    (a long sentence has many blame verbs, each asking for its clause)."""
    return tuple((m.start(), m.end(), m.group(0).strip()) for m in _rx()["clause"].finditer(s))


_LEADING_SKIP = frozenset(
    """yet again once more honestly frankly unfortunately clearly apparently then also so
    and but sadly obviously evidently basically well yesterday today tonight later earlier
    meanwhile""".split()
)


def _leading_person(words: list[str], allow_we: bool) -> bool:
    """The clause's first noun phrase (after leading adverbs) names a person."""
    i = 0
    while i < len(words) - 1 and (
        words[i].lower() in _LEADING_SKIP or (words[i].lower().endswith("ly") and len(words[i]) > 4)
    ):
        i += 1
    words = words[i:]
    for k in range(1, min(4, len(words)) + 1):
        if np_is_person(words[:k], allow_we=allow_we):
            # A name is followed by its verb, never by an article or a number: "Restarting
            # the pods" and "Running two imports" are gerunds, not people.
            return k == len(words) or words[k].lower() not in _OBJECT_START
    return False


_OBJECT_START = frozenset(
    """the a an all every each some two three four five several many both this that these
    those its their our""".split()
)


def _possessive_person(np: list[str]) -> bool:
    """A phrase owned by a person: "Siobhan's config change", "the intern's script"."""
    for i, w in enumerate(np[:-1]):
        if is_possessive(w) and (
            np_is_person([w], possessive_ok=True)
            or np_is_person(np[max(0, i - 2) : i + 1], possessive_ok=True)
        ):
            return True
    return False


def _by_person(clause: str) -> bool:
    for m in _BY.finditer(clause):
        if person_after(tokens(clause[m.end() :])):
            return True
    return False


_BY = re.compile(r"\bby\s+", re.I)


_ADVERBIAL = (
    "by ",
    "the wrong",
    "a wrong",
    "an wrong",
    "without",
    "with no",
    "against ",
    "on ",
    "in ",
    "to ",
)
# After a destructive verb, a purpose or a plan makes the act a step of the response.
_PURPOSE = re.compile(
    r"^[^,;.]{0,40}?\b(?<!back )(?<!went )(?<!go )(?:to (?!the\b|a\b|an\b|all\b|every\b|prod|"
    r"staging|zero\b|sleep\b|bed\b|\d)[a-z]+|"
    r"as (?:planned|a (?:stopgap|workaround|mitigation|precaution)|part of)|per the runbook|"
    r"following the runbook|so (?:that )?[^,;.]{0,40}?\b(?:could|can|would|will))\b|"
    r"^[^.;]{0,60}?\b(?:which|and this|and that|and|this) "
    r"(?:stopped|fixed|resolved|ended|cleared|restored|mitigated|halted|reduced|recovered)\b",
    re.I,
)


_BADACT_WORDS = frozenset(
    """approved signed merged rubber-stamped rubberstamped deployed pushed shipped ran applied
    committed released rolled posted pasted copied leaked uploaded shared exposed left
    restarted rebooted drained terminated redeployed upgraded killed deleted""".split()
)


def _person_fault(
    s: str, lo: str | None = None, words: set[str] | None = None
) -> tuple[str, int, str] | None:
    """The rule and position of the first blame verb whose subject is a person."""
    rx, text = _scan("verb", s, lo)
    matches = list(rx.finditer(text))
    if words is None or not words.isdisjoint(_BADACT_WORDS):
        bad, btext = _scan("badact", s, lo)
        matches += list(bad.finditer(btext))
    for m in matches:
        verb = m.group(0).lower()
        first = verb.split()[0]
        allow_we = first in WE_STRONG_VERBS or "dropped the ball" in verb
        cstart, pstart, cend, opener = _clause_bounds(s, m.start())
        words = tokens(s[cstart : m.start()])
        np, empty = subject_of(words)
        adverbial = m.re is not rx or verb.startswith(_ADVERBIAL)
        if empty and opener in ("what", "how", "why"):
            person = False  # "asked what made the wrong cluster look right": "what" acts
        elif empty and opener in ("that", "which"):
            # A relative clause: its subject is the noun just before "that".
            prev_np, _ = subject_of(tokens(s[pstart:cstart])[:-1])
            person = np_is_person(prev_np, allow_we=allow_we)
        elif empty:
            person = _leading_person(tokens(s[pstart:cstart]), allow_we) or _appositive(
                s, pstart, cstart, allow_we
            )
        elif adverbial:
            # A clause adverbial: the subject is where the clause starts.
            person = (
                _leading_person(words, allow_we)
                or (
                    opener in ("and", "then", "but")
                    and _leading_person(tokens(s[pstart:cstart]), allow_we)
                )
                or (len(np) == 1 and _capitalised_subject(s, np, cstart, m.start(), m.end()))
                or (len(words) >= 2 and _leading_capitalised(words))
            )
        else:
            person = (
                np_is_person(np, allow_we=allow_we)
                or _possessive_person(np)
                or _capitalised_subject(s, np, cstart, m.start(), m.end())
            )
            if (
                person
                and first in _DESTRUCTIVE
                and (_PURPOSE.match(s[m.end() :]) or np[-1].lower() in ("i", "we"))
            ):
                person = False  # a step of the response, or the writer telling what they did
        if (
            person
            and len(np) == 1
            and np[0][:1].isupper()
            and np[0] not in NAMES
            and (_ITS.search(s, m.end()) or _SYSTEM_ACT.match(s, m.start()))
        ):
            # A service named like a person: "Heimdall dropped all connections when its
            # certificate expired", "Apollo missed three heartbeats" (what only software does)
            person = False
        if not person:
            person = _by_person(s[cstart:cend]) or (
                opener in ("and", "then") and _by_person(s[pstart:cstart])
            )
        if person:
            rule = COUNTERFACTUAL if "known" in s[m.end() : m.end() + 8].lower() else PERSON_FAULT
            said = s[m.start() : m.end()]
            if said.split()[-1].lower() in _AUXILIARY_END:  # "did not" -> "did not run"
                said += " " + " ".join(s[m.end() :].split()[:1]).strip(".,;:!?")
            return rule, m.start(), said.strip()
    return None


_ITS = re.compile(r"\bits\b", re.I)
_SYSTEM_ACT = re.compile(
    r"(?:dropped|missed|skipped|rejected|lost|failed to \w+|timed out on)\s+(?:the |"
    r"all |every |some |its |several |many |[\d,]+ |\w+ )?(?:[\w-]+ )?(?:heartbeats?|packets?|"
    r"messages?|connections?|connection pool|requests?|writes?|reads?|queries|events?|batch(?:es)?|"
    r"jobs?|pings?|health ?checks?|checkpoints?|leases?|frames?|partitions?|probes?|acks?|"
    r"offsets?|spans?|datagrams?|webhooks?|callbacks?|retries|timeouts?|signals?)\b|"
    r"failed to (?:start|boot|connect|respond|load|parse|acquire|elect|bind|resolve|sync|"
    r"replicate|deliver|serve|schedule|allocate|mount|reconcile)\b",
    re.I,
)
_AUXILIARY_END = frozenset("not didn't didnt to have should've".split())


def _appositive(s: str, pstart: int, cstart: int, allow_we: bool) -> bool:
    """The clause before the verb is a name set off by commas after a person: "Our release
    manager, Hope, did not run the tests" (the verb's subject is the person the name is of)."""
    name = tokens(s[pstart:cstart])
    if not 1 <= len(name) <= 3 or not all(w[:1].isupper() or w[:1] == "@" for w in name):
        return False
    before = s[:pstart].rstrip()
    if not before.endswith(","):
        return False
    before = before[:-1]
    return _leading_person(tokens(before[_clause_bounds(before, len(before))[0] :]), allow_we)


def _capitalised_subject(s: str, np: list[str], cstart: int, vstart: int, vend: int) -> bool:
    """The verb's subject is one capitalised word (after other capitalised words or leading
    adverbs) that reads as a person by agents.capitalised_agent; at the sentence's start,
    a dictionary word also counts when the verb takes an object ("Hope dropped the replica",
    never "Traffic dropped sharply")."""
    head = np[-1]
    if len(np) == 1 and _initials(head):
        return True  # "JK deleted the prod bucket"
    if not head[:1].isupper() or any(
        not (w[:1].isupper() or w.lower() in _LEADING_SKIP) for w in np[:-1]
    ):
        return False
    at = s.rfind(head, cstart, vstart)
    start = at >= 0 and not any(ch.isalnum() for ch in s[:at])
    if capitalised_agent(head, sentence_start=start):
        return True
    if not start or len(np) != 1:
        return False
    verb = s[vstart:vend].split()
    if verb[0].lower() in HUMAN_ONLY_VERBS:
        # only a person forgets or messes up: no thing's name stands before these verbs
        return capitalised_agent(head, sentence_start=False)
    rest = verb[1:2] or s[vend:].split()[:1]  # the word after the verb
    after = rest[0].lower() if rest else ""
    return (after in _OBJECT_START or after in ("to", "his", "her")) and capitalised_agent(
        head, sentence_start=False
    )


# Two capitals that are common technical abbreviations, not a person's initials.
_ABBREVIATIONS = frozenset(
    """ai ml ui ux db os it qa ci cd pr mr vm ip ha dr dc lb io ok us eu uk am pm id tz ad
    hr pr ops cf gw mq sq fs vp ec ga rc sp mb gb tb kb""".split()
)


def _initials(word: str) -> bool:
    """A person's initials ("JK"): two capitals that are no technical abbreviation and no
    word the text uses as a thing."""
    if len(word) != 2 or not word.isupper() or not word.isalpha() or not word.isascii():
        return False
    low = word.lower()
    return low not in _ABBREVIATIONS and low not in TECH_WORDS and low not in _VOCAB.get()


_DESTRUCTIVE = frozenset(
    """dropped deleted wiped truncated disabled unplugged flushed overloaded overwrote
    killed turned took brought knocked left purged force-pushed forcepushed silenced
    shut""".split()
)


_LABEL_LEAD = re.compile(
    r"\W*(?:(?:so|and|ok|okay|well)\W+)?(?:(?:the|primary|main|underlying|real|actual|rootcause)\s+)*",
    re.I,
)


def _label_person(s: str, lo: str | None) -> str:
    """A person given as the cause: "Root cause: @jdoe", "Culprit: Björn's hotfix"."""
    rx, text = _scan("label", s, lo)
    m = rx.search(text)  # a label opens the sentence: only marks may come before it
    if not m or not _LABEL_LEAD.fullmatch(s, 0, m.start()) or not _agent_starts(s[m.end() :]):
        return ""
    label = " ".join(s[m.start() : m.end()].strip(" \t:=—–-").split())
    return f' (a person given as "{label}")'


def _agent_starts(rest: str) -> bool:
    """`rest` starts with a person ("Svetlana.", "the night-shift operator", "Björn's
    hotfix"), not with a thing named after one ("Envoy sidecar", "the Okta tenant")."""
    words = first_tokens(rest, 6)
    np: list[str] = []
    for i, w in enumerate(words[:5]):
        low = w.lower()
        if i > 0 and (low in ("who", "that", "which", "and", "or") or low in _PREP_STOP):
            break
        np.append(w)
        if np_is_person(np, possessive_ok=True):
            nxt = words[i + 1].lower() if i + 1 < len(words) else ""
            if nxt in _OBJECT_START:
                return False
            if is_possessive(w) and nxt and _owns_component(words[i + 1 : i + 4]):
                return False  # "Apollo's retry loop": a part of a system, not an act
            if is_possessive(w) or not nxt or not _is_thing_noun(nxt):
                return True
    return False


_PREP_STOP = frozenset("from on in at with of for to into by about".split())


def _owns_component(words: list[str]) -> bool:
    """The noun phrase after a possessive names a component ("retry loop", "config
    loader", "health check"), and no act of a person ("change", "hotfix", "decision")."""
    from pm_tui.language.clauses import _ACT_NOUNS

    low = [w.lower() for w in words]
    if any(w in _ACT_NOUNS for w in low):
        return False
    return any(w.rstrip("s") in _COMPONENT_NOUNS for w in low)


_COMPONENT_NOUNS = frozenset(
    """loop loader scheduler queue cache pool worker thread process daemon probe check
    client server sidecar proxy index schema lease heartbeat leader replica shard buffer
    timer watchdog parser serializer handler listener consumer producer connection
    socket certificate cert disk volume memory heap backoff limiter breaker""".split()
)


def _is_thing_noun(word: str) -> bool:
    if word in NOT_NAMES:
        return False
    w = word.rstrip("s")
    return word in COMMON_WORDS or w in COMMON_WORDS or word in TECH_WORDS


_POSITIVE_CLEFT = frozenset(
    """spotted noticed found fixed caught saved raised flagged led helped resolved discovered
    identified detected diagnosed suggested wrote escalated paged restored recovered called
    alerted reported realised realized figured first quickly eventually finally later
    noticing proposed pointed mitigated""".split()
)


def _explicit(s: str, lo: str | None) -> str:
    """Blame said outright: "the fault lies with X", "it was X who pushed", "we hold X
    responsible", "the developer responsible"."""
    rx, text = _scan("explicit", s, lo)
    for m in rx.finditer(text):
        if _agent_starts(s[m.end() :]):
            marker = " ".join(s[m.start() : m.end()].split())
            return f' (blame placed on a person: "{marker} ...")'
    rx, text = _scan("cleft", s, lo)
    for m in rx.finditer(text):
        verb = m.group("verb").lower()
        np = tokens(s[m.start("np") : m.end("np")])
        plain = len(np) <= 4 and not any(w.lower() in _PREP_STOP or w.endswith("ed") for w in np)
        if (
            verb not in _POSITIVE_CLEFT
            and plain
            and (
                np_is_person(np)
                or (len(np) == 1 and capitalised_agent(np[0], sentence_start=False))
            )
        ):
            return ' (singled out: "it was ... who")'
    rx, text = _scan("hold", s, lo)
    for m in rx.finditer(text):
        if (
            m.group("np") is None
            or np_is_person(tokens(s[m.start("np") : m.end("np")]))
            or (_agent_starts(s[m.start("np") : m.end("np")]))
        ):
            return " (a person held responsible)"
    return ""


# Verbs of the response, of noticing or of needing: a person doing these is no cause.
_RESPONSE_VERBS = _POSITIVE_CLEFT | frozenset(
    """found caught spotted detected fixed reported flagged resolved mitigated reverted rolled
    identified diagnosed raised escalated investigated handled triaged seen acknowledged paged
    confirmed reproduced traced isolated patched debugged explained documented analysed
    analyzed tracked owned assigned declared closed opened filed communicated announced
    needed wanted decided asked requested tried attempted expected assumed believed seemed
    appeared joined responded coordinated stepped paused stopped restored fixed shared
    recognised recognized remembered realised realized knew
    was were had did could would might must got became returned arrived""".split()
)
_IRREGULAR_PAST = frozenset(
    """ran set put made took left broke wrote sent cut hit shut upped overrode undid threw
    gave let dropped""".split()
)
_SETTLED = re.compile(
    r"\b(?:fine|ok|okay|well|normal|stable|smooth\w*|good|quiet|working|healthy|green)\b", re.I
)


# The outcome a cause is given for: a failure, or a good outcome (no blame then).
_PROBLEM = re.compile(
    r"\b(?:outage|incident|broke\w*|break\w*|fail(?:ed|s|ing|ures?)?|errors?|erroring|down|downtime|backlog|"
    r"backed|started|began|spiked?|lost|loss|stale|corrupt\w*|latency|timeouts?|timed|crash\w*|"
    r"stopped|pag(?:e|ed|es|ing)|problems?|issues?|fine|ok|okay|well|stable|normal|worked|"
    r"working|leak\w*|wrong|locked|unavailable|degraded|slow\w*|filled|full|nobody|no one|"
    r"never|not|without|missed|unreviewed|untested)\b|\wn't\b",
    re.I,
)
_GOOD = re.compile(
    r"\b(?:recover\w*|restor\w*|resolv\w*|fixed|mitigat\w*|quick(?:ly)?|fast(?:er)?|sooner|"
    r"limited|contain\w*|avoid\w*|prevent\w*|saved|caught|helped|smooth\w*|kudos|thanks|"
    r"back to normal|returned to normal)\b",
    re.I,
)


def _agent_acted(words: list[str]) -> bool:
    """`words` start with a named person, @handle or role (no pronoun) and a past-tense verb
    of doing that is not a step of the response: "@amara.o bumped", "the contractor ran"."""
    if words and is_possessive(words[0]) and np_is_person(words[:1], possessive_ok=True):
        # "Oksana's change doubled the size": the verb follows the owned thing
        for k in range(2, min(4, len(words) - 1) + 1):
            verb = words[k].lower()
            if verb in _IRREGULAR_PAST or (verb.endswith("ed") and len(verb) > 4):
                return verb not in _RESPONSE_VERBS
        return False
    for k in range(1, min(4, len(words) - 1) + 1):
        low = words[k - 1].lower()
        if low in PRONOUNS or low in ("we", "i", "it", "this", "that"):
            return False
        if np_is_person(words[:k]):
            verb = words[k].lower()
            past = verb in _IRREGULAR_PAST or (verb.endswith("ed") and len(verb) > 4)
            return past and verb not in _RESPONSE_VERBS
    return False


def _caused_by_agent(
    s: str, lo: str | None, may: tuple[bool, bool, bool] = (True, True, True)
) -> str:
    """A person's plain act given as the cause: "because @amara.o bumped the batch size",
    "everything was fine until Lars touched the cache", "@tk changed the limit and the queue
    backed up", "the regression was introduced by Tupac's refactor"."""
    rx, text = _scan("because", s, lo)
    for m in rx.finditer(text) if may[0] else ():
        marker = s[m.start() : m.end()].strip().lower()
        if marker != "because" and not _SETTLED.search(s, 0, m.start()):
            continue  # "until" gives a cause only after "everything was fine"
        if m.start() > 0 and any(ch.isalnum() for ch in s[: m.start()]):
            result = s[: m.start()]  # "the backlog started because ..."
        else:  # "Because X did Y, the backlog started"
            comma = s.find(",", m.end())
            result = s[comma:] if comma >= 0 else ""
        if not _agent_acted(first_tokens(s[m.end() :], 6)):
            continue
        if _PROBLEM.search(result) and not _GOOD.search(s):  # a failure, no good outcome
            return f' (a person\'s act given as the cause: "{marker} ...")'
    rx, text = _scan("and_then", s, lo)
    m = rx.search(text) if may[1] else None
    if m is not None:
        lead = first_tokens(s[: m.start()])
        i = 0
        while i < len(lead) - 1 and (
            lead[i].lower() in _LEADING_SKIP
            or (lead[i].lower().endswith("ly") and len(lead[i]) > 4)
        ):
            i += 1
        acted = _agent_acted(lead[i : i + 6]) or _by_person(s[: m.start()])
        if acted and not _PURPOSE.match(s[m.start() :]) and not _GOOD.search(s):
            said = " ".join(s[m.start() : m.end()].strip(" ,").split())
            return f' (a person\'s act, then the failure: "... {said}")'
    rx, text = _scan("passive", s, lo)
    for m in rx.finditer(text) if may[2] else ():
        if m.group("verb").lower() in _RESPONSE_VERBS:
            continue
        rest = first_tokens(s[m.end() :], 6)
        if rest and (np_is_person(rest[:1], possessive_ok=True) or person_after(rest)):
            return f' (a person as the agent: "{m.group("verb")} by ...")'
    return ""


def _leading_capitalised(words: list[str]) -> bool:
    """The clause's subject (after leading adverbs) is one capitalised word that is no thing
    (agents.capitalised_agent as mid-sentence), right before a verb: "Noa wasn't paying
    attention", "Liang deployed ... without telling anyone". Asked only where the predicate
    is one people have (a habit, a verb of doing followed by a blame adverbial)."""
    i = 0
    while i < len(words) - 1 and (
        words[i].lower() in _LEADING_SKIP or (words[i].lower().endswith("ly") and len(words[i]) > 4)
    ):
        i += 1
    words = words[i:]
    if not words or not words[0][:1].isupper():
        return False
    if len(words) > 1:
        verb = words[1].lower()
        if (
            not (
                verb in _IRREGULAR_PAST
                or verb.endswith(("ed", "s"))
                or verb in ("never", "always", "still", "was", "is", "wasn't", "isn't")
            )
            or verb in _OBJECT_START
        ):
            return False
    return capitalised_agent(words[0], sentence_start=False)


def _habit(s: str, lo: str | None) -> re.Match[str] | None:
    """A person judged by habit or character: "yet again", "keeps skipping", "has to pay
    more attention", with a person as the clause's subject or right after the marker."""
    rx, text = _scan("habit", s, lo)
    for m in rx.finditer(text):
        if "it again" in text[m.start() : m.end()].lower() and _GOOD.search(s):
            continue  # "the team did it again: another smooth failover" is praise
        cstart, pstart, _cend, _opener = _clause_bounds(s, m.start())
        if (
            _leading_person(first_tokens(s[cstart : m.start()]), False)
            or _leading_person(first_tokens(s[: m.start()]), False)
            or _leading_capitalised(first_tokens(s[cstart : m.start()]))
            or _agent_starts(s[m.end() :])
            or (cstart == m.start() and _leading_person(first_tokens(s[m.end() :]), False))
        ):
            return m
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
            owner = (m.group("owner") or m.group("owner2")) + "'s"
            if np_is_person([owner], possessive_ok=True) or np_is_person(
                [*before, owner], possessive_ok=True
            ):
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


def _judgemental(s: str, lo: str | None = None) -> tuple[int, int] | None:
    """The span of the first judgemental word about people in `s`."""
    rx, text = _scan("judge", s, lo)
    for m in rx.finditer(text):
        if _rx()["judge_tech"].match(s[m.start() :]):
            continue
        return m.span()
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
    pattern, flags = sources()[name]  # the original itself is not compiled for this
    bare = re.sub(r"\\.|\(\?P[<=]", "", pattern)  # escapes and group names aside
    if flags & re.I and not re.search("[A-Z]", bare):
        return re.compile(pattern, flags & ~re.I)
    return None


def _scan(name: str, s: str, lo: str | None) -> tuple[re.Pattern[str], str]:
    """The pattern `name` and the text to run it on: its twin on `lo` (`s` lower-cased,
    given only when `s` is ASCII) when it has one, else the pattern itself on `s`. Offsets
    are offsets in `s` either way; read any matched text from `s`."""
    twin = _twin(name) if lo is not None else None
    return (twin, lo) if twin is not None else (_rx()[name], s)


def check_sentence(s: str, offset: int, may: frozenset[str] | None = None) -> list[LanguageFinding]:
    """Blame findings for one sentence `s` that starts at `offset` in the checked text;
    `may`, when given, holds the rules that can match in it (prefilter.sentence_rules)."""
    found = _check_sentence(s, offset, may)
    if found and _HYPOTHESIS.search(s):
        # An early hypothesis reported and then disproved ("we first suspected Bob's deploy,
        # but the timeline ruled it out"): only what follows the disproof can blame.
        hyp = _HYPOTHESIS.search(s)
        turn = _DISPROOF.search(s, hyp.end())
        if turn is not None and _RULED_OUT_FIRST.match(s, hyp.end()):
            return []  # "Initial theory (later ruled out): an operator had deleted ..."
        if turn is not None:
            rest = turn.end()
            found = [f for f in _check_sentence(s[rest:], offset + rest)]
    if found and _behaves_as_system(s) and not _names_a_known_person(s):
        # "Heimdall broke the pipeline by timing out on image scans", "Mercury crashed on
        # start": the subject behaves as only a system does, so the name is a service's
        found = [f for f in found if f.rule != PERSON_FAULT]
    if found and rejects_blame(s):
        # Blame after a disclaimer ("while we don't assign blame, it was Karl who pushed
        # the change") still counts: check what follows the disclaimer on its own.
        rest = _after_disclaimer(s)
        if rest is None:
            return []
        return [f for f in _check_sentence(s[rest:], offset + rest) if not rejects_blame(s[rest:])]
    return found


# What only a system does or has: time out, crash-loop on start, miss heartbeats, lose a
# lease, get evicted or OOM-killed, its own certificate or loader failing.
_SYSTEM_BEHAVIOUR = re.compile(
    r"\b(?:by (?:timing out|crashing|crash-?looping|running out of|exhausting|retrying)|"
    r"(?:crash(?:ed|es)?|fail(?:ed|s)?|hung|panicked|died) (?:on|at|during) (?:start|startup|"
    r"boot|launch|init\w*)|crash-?loop\w*|heartbeats?|lost (?:its|the) lease|evicted|"
    r"oom-?kill\w*|out of memory|segfault\w*|its (?:own )?(?:\w+ )?(?:certificate|cert|"
    r"config|cache|lease|queue|pool|heartbeat|retries|retry|leader|loader|disk|heap|"
    r"memory|index)|(?:the|its) (?:config )?loader (?:choked|failed|crashed))\b",
    re.I,
)


_CLAUSE_END = re.compile(r"[,;:]|\b(?:and|but|because|which|so|after|when|while|then)\b", re.I)
_ITS_PART = re.compile(
    r"\bits (?:own )?(?:\w+ )?(?:certificate|cert|config|cache|lease|queue|pool|"
    r"heartbeat|retries|retry|leader|loader|disk|heap|memory|index)\b",
    re.I,
)


# A word every match of _SYSTEM_BEHAVIOUR (and of _ITS_PART: "its ") holds; ASCII text
# without any of them is not searched (the patterns' leading \b and re.I try every position).
_SYSTEM_WORDS = (
    "by ", "crash", "fail", "hung", "panicked", "died", "heartbeat", "lost ", "evicted", "oom",
    "out of memory", "segfault", "its ", "loader",
)  # fmt: skip


def _behaves_as_system(s: str) -> bool:
    """The sentence's subject does what only a system does, in its own clause ("Heimdall
    broke the pipeline by timing out"), or the sentence refers back to it as "its"."""
    if s.isascii():  # lower-casing is exact there (re.I folds more beyond ASCII)
        low = s.lower()
        if not any(w in low for w in _SYSTEM_WORDS):
            return False
    if _ITS_PART.search(s):
        return True
    end = _CLAUSE_END.search(s)
    return _SYSTEM_BEHAVIOUR.search(s, 0, end.start() if end else len(s)) is not None


def _names_a_known_person(s: str) -> bool:
    """An @handle, a listed name, a pronoun, role or team word: a person the system reading
    above must not explain away."""
    if "@" in s:
        return True
    for w in tokens(s):
        bare = w.replace("’", "'").removesuffix("'s")
        if bare in NAMES or bare.lower() in _PERSON_WORDS:
            return True
    return False


_HYPOTHESIS = re.compile(
    r"\b(?:suspect(?:ed|s)?|suspicions?|assum(?:ed|ing)|(?:we|i|they|everyone|some|people) "
    r"(?:\w+ )?(?:thought|believed|guessed|wondered)|hypothes\w+|initially|at first|"
    r"(?:first|initial|early|working|leading) (?:guess|theory|suspicion|hypothesis)|"
    r"(?:looked|seemed|sounded) like|theory|our guess)\b",
    re.I,
)
_DISPROOF = re.compile(
    r"[;:]|\b(?:but|however|turned out|ruled (?:it |that |this )?out|disproved|was wrong|"
    r"were wrong|not the case|in fact|actually|instead)\b",
    re.I,
)
# The disproof announced right after the hypothesis, its content after a colon.
_RULED_OUT_FIRST = re.compile(
    r"\W{0,3}(?:\w+\W{1,3}){0,2}(?:ruled out|disproved|discarded|rejected|wrong|"
    r"not the cause|false)\W{0,3}:",
    re.I,
)
_CONTRAST = re.compile(r",\s*(?:but|yet|still|however)?\s*|;\s*|:\s*|\s+but\s+", re.I)


def _after_disclaimer(s: str) -> int | None:
    """Where the clause after a leading disclaimer starts, or None when the rejection of
    blame is not followed by another clause."""
    rx, text = _scan("reject", s, s.lower() if s.isascii() else None)
    m = rx.search(text)
    if m is None:
        return None
    c = _CONTRAST.search(s, m.end())
    return c.end() if c and c.end() < len(s) else None


_PERSON_WORDS = (
    PRONOUNS
    | ROLE_NOUNS
    | TEAM_NOUNS
    | GROUP_WORDS
    | frozenset(
        "operator operators group groups agent agents whoever supervisor supervisors".split()
    )
)
_WE_WORDS = WE_STRONG_VERBS | {"ball"}


def _may_have_agent(s: str, words: set[str]) -> bool:
    """A word that could name a person: a pronoun, role, team or group word, an @handle,
    a listed name or a name-like capitalised word ("we" only with a confession verb). A
    sentence without one cannot get a finding from the person rules (np_is_person and
    person_after accept nothing else)."""
    if "'s" in s or "’s" in s:
        words = {w[:-2] if w.endswith(("'s", "’s")) else w for w in words}
    if not words.isdisjoint(_PERSON_WORDS) or "@" in s:
        return True
    if "we" in words and not words.isdisjoint(_WE_WORDS):
        return True
    for w in tokens(s):
        if w[0].isupper() and (
            w in NAMES
            or w.replace("’", "'").removesuffix("'s") in NAMES
            or name_like(w)
            or capitalised_agent(w, sentence_start=False)
            or _initials(w)
        ):
            return True
    return False


def _check_sentence(
    s: str, offset: int, may: frozenset[str] | None = None
) -> list[LanguageFinding]:
    end = offset + len(s)
    low = s.lower()
    lo = low if s.isascii() else None  # for the patterns' fast twins
    words = set(_WORD.findall(low))
    if may is None:
        # imported here, not at the top: prefilter imports this module
        from pm_tui.language.prefilter import RULE_PATTERNS, rules_possible

        may = rules_possible(s) or RULE_PATTERNS  # a rule not in `may` cannot match here
    found: list[LanguageFinding] = []
    judge = (
        _judgemental(s, lo) if "judgemental" in may and not words.isdisjoint(_JUDGE_WORDS) else None
    )
    if judge:
        start, stop = judge
        found.append(_finding(JUDGEMENTAL, offset + start, offset + stop, s[start:stop]))
    human = _human_error(s) if "human_error" in may and not words.isdisjoint(_HUMAN_WORDS) else None
    if human:
        found.append(
            _finding(HUMAN_ERROR, offset + human.start(), offset + human.end(), human.group(0))
        )
    if not _may_have_agent(s, words):
        return found  # every rule below needs a person somewhere in the sentence
    if "counterfactual" in may and ("if " in low or "had " in low) and _counterfactual(s, lo):
        found.append(_finding(COUNTERFACTUAL, offset, end))
    fault = (
        _person_fault(s, lo, words)
        if "person_fault" in may
        and (not words.isdisjoint(_VERB_WORDS) or not words.isdisjoint(_BADACT_WORDS))
        else None
    )
    if fault and not any(f.rule == fault[0] for f in found):
        rule, _pos, verb = fault
        detail = f' (a person as the one who "{verb}")' if rule == PERSON_FAULT else ""
        found.append(_finding(rule, offset, end, detail))
    elif not fault and not found:
        detail = (
            (
                " (a fault or mistake owned by a person)"
                if "fault_with_person" in may and _fault_with_person(s, low, lo)
                else ""
            )
            or (
                _label_person(s, lo)
                if "label" in may and not words.isdisjoint(_LABEL_WORDS)
                else ""
            )
            or (
                _explicit(s, lo)
                if "explicit" in may and not words.isdisjoint(_EXPLICIT_WORDS)
                else ""
            )
            or (_caused_by_agent(s, lo, _may_give_cause(words)) if "caused_by_agent" in may else "")
        )
        if detail:
            found.append(_finding(PERSON_FAULT, offset, end, detail))
    if not found and "habit" in may and not words.isdisjoint(_HABIT_WORDS):
        habit = _habit(s, lo)
        if habit:
            found.append(
                _finding(HABIT, offset + habit.start(), offset + habit.end(), habit.group(0))
            )
    # The clause reading (clauses.py) last: what no phrasing above recognised.
    if not found and "agent_outcome" in may:
        detail = agent_outcome(s, words)
        if detail:
            found.append(_finding(PERSON_FAULT, offset, end, detail))
    return found
