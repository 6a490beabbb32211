"""Vague action items: "improve monitoring", "be more careful", "look into it".

An action is vague when it matches a known vague shape and names nothing concrete: no
system or file, no number or threshold, no date or done-when.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pm_tui.language.checkable import (
    judged_text,
    missing,
    names_an_abstraction,
    overrules_checkable,
    reasons,
    states_a_fact,
    stem_class,
    threshold,
    vetoes,
    weigh,
)
from pm_tui.language.finding import WARNING, LanguageFinding

_CONCRETE_HINT = (
    "Name the system or component, the signal or threshold, and when it is done "
    '(e.g. "Alert on p99 latency of checkout-api above 800 ms for 5m; done when it pages '
    'the payments on-call").'
)

# (rule suffix, pattern, message, suggestion). Order matters: the first match wins.
_RULES: list[tuple[str, str, str, str]] = [
    (
        "placeholder",
        r"^\W*(?:tbd|todo|tbc|n/?a|none|xxx+|\?+|-+|fixme)\W*$",
        "The action is a placeholder.",
        "Write the change to make, in which system, and what done looks like.",
    ),
    (
        "be-careful",
        r"\b(?:be|being|stay|more) (?:more |extra |very )?(?:careful|vigilant|diligent|thorough|"
        r"attentive|cautious|mindful|aware)\b|\bpay (?:more |closer |better )?attention\b|"
        r"\btake (?:more |extra )?care\b|\bdouble[- ]check|\bremind\w*\b|\bdon'?t forget\b|"
        r"\bremember to\b|\bkeep an eye\b|\bbe (?:more )?careful\b",
        "The action relies on people being more careful, which does not change the system.",
        "Replace vigilance with a mechanism: which check, confirmation, alert or automation "
        "would catch this without anyone remembering?",
    ),
    (
        "prevent-recurrence",
        r"\b(?:make sure|ensure|so that)\b[^.]{0,30}\b(?:doesn'?t|does not|never|won'?t|will not|"
        r"can'?t|cannot)\b[^.]{0,20}\b(?:happen|occur|recur)|\bprevent (?:recurrence|this|"
        r"similar|future|it)\b|\bavoid (?:this|similar|it|recurrence)\b|\bnever again\b",
        "The action states a wish (it must not happen again) rather than a change.",
        "Say what will change so it cannot recur: which system, which safeguard, done when?",
    ),
    (
        "look-into",
        r"^\W*(?:look(?:ing)? (?:into|at)|take a (?:closer )?look|investigat\w*|dig (?:deeper|into)|figure out|find (?:out|the "
        r"(?:root )?cause)|understand|explore|research|analy[sz]e|assess|evaluate|consider|"
        r"think about|check(?: on| into)?|discuss|talk|meet|have a (?:meeting|chat|discussion)|"
        r"schedule a (?:meeting|discussion)|follow[- ]?up|monitor|keep monitoring|watch|"
        r"revisit|reassess|rethink|re-?evaluate)\b",
        "The action is an open-ended investigation with no question and no end.",
        "State the question to answer, where (system, metric, ticket) and the done-when "
        "(a decision or a write-up by a date).",
    ),
    (
        "test-coverage",
        r"\b(?:increase|improve|more|add|write|better|expand|extend)\b[^.]{0,20}\b(?:tests?|"
        r"testing|test coverage|coverage|qa)\b|^\W*test\b|\b(?:proper|adequate|sufficient|enough|"
        r"thorough|more|better|extra)\s+(?:tests?|testing|qa)\b",
        "The action asks for more testing without saying what to test.",
        "Name the code path or failure mode to cover, the kind of test, and where it runs "
        '(e.g. "regression test for null customer IDs in OrderSerializer, run in CI").',
    ),
    (
        "monitoring",
        r"\b(?:improve|more|add|better|enhance|increase|tune|review|set up|reduce)\b[^.]{0,20}"
        r"\b(?:monitoring|alert\w*|observability|logging|logs|metrics|dashboards?|visibility|"
        r"noise)\b|^\W*(?:better|more) (?:monitoring|alert)",
        "The action asks for more or better monitoring without naming a signal.",
        _CONCRETE_HINT,
    ),
    (
        "communication",
        r"\bcommunicat\w*|\bawareness\b|\bshar(?:e|ing)\b|\blearnings?\b|\bsociali[sz]e\b|\balignment\b|\bkeep (?:\w+ )?(?:informed|in the loop)\b",
        "The action asks for better communication without saying who tells whom what, when.",
        "Say which message goes to whom through which channel at which trigger "
        '(e.g. "status page update within 15 minutes of declaring a SEV-1").',
    ),
    (
        "documentation",
        r"\b(?:document\w*|docs?|runbooks?|playbooks?|wiki|write[- ]?ups?)\b",
        "The action asks for documentation without saying what or where.",
        "Name the document (path or page), what it must cover, and who will use it when.",
    ),
    (
        "training",
        r"\b(?:train\w*|educat\w*|onboard\w*|teach\w*|coach\w*|lessons?)\b",
        "The action asks for training without saying on what, for whom, or how it is checked.",
        "Say what people must be able to do afterwards, and better: what tooling change "
        "would make the training unnecessary.",
    ),
    (
        "review-process",
        r"\b(?:review|revisit|reassess|audit|rethink|improve|update|change|fix)\b[^.]{0,30}"
        r"\b(?:process|processes|procedures?|practices?|approach|polic(?:y|ies)|workflow)\b",
        "The action asks to review a process without saying which change to make.",
        'Name the process step to change and the new rule (e.g. "require a second approver '
        'for changes under infra/prod/").',
    ),
    (
        "fix-bug",
        r"^\W*fix(?:es)? (?:the |this |that |all |any |these |those )?(?:bugs?|issues?|problems?|"
        r"it|root cause|errors?)\b",
        "The action says to fix the bug without saying which bug or where.",
        "Name the defect, the component and how the fix is verified (a test, a metric).",
    ),
    (
        "improve",
        r"\b(?:improve\w*|better|enhance\w*|strengthen\w*|harden\w*|tighten\w*|robust\w*|"
        r"resilien\w*|reliab\w*|stabili\w*|optimi[sz]\w*|streamline\w*|more \w+|clean ?up|"
        r"refactor\w*|upgrade\w*|update\w*|scale up|automate\w*|tune|safeguards?|guardrails?|"
        r"redundan\w*|capacity|validation|checks|do better)\b",
        "The action names a direction (improve, more, better) but no concrete change.",
        _CONCRETE_HINT,
    ),
]

# --- checkability: what kind of verb leads, and whether an end state can be checked -------

_LEAD_IN = re.compile(
    r"^\W*(?:(?:we |i |you |they |the team )?(?:should|must|need to|needs to|will|could|"
    r"might|may|want to|plan to|have to|ought to)\s+)?(?:probably |maybe |perhaps |also |"
    r"then |please |definitely |really |still )*(?:try to |aim to |strive to |attempt to |"
    r"continue to |start to |begin to |keep )?",
    re.I,
)
# Verbs of intending or studying: the action has no end state of its own.
_INTENT = re.compile(
    r"(?:investigat\w*|look(?:ing)? (?:\w+ )?(?:into|at|for|over)|get to the bottom|"
    r"have (?:a |an )?(?:\w+ )?(?:retro|meeting|chat|discussion|conversation|talk|session|"
    r"sync|call|workshop)|take (?:a |another |a closer |a "
    r"second |a deeper |a hard )?look|consider\w*|explor\w*|research\w*|evaluat\w*|"
    r"re-?evaluat\w*|assess\w*|reassess\w*|review\w*|revisit\w*|rethink\w*|"
    r"think (?:about|through)|discuss\w*|figure out|understand\w*|work(?:ing)? (?:on|with|"
    r"towards?)|spend (?:some |more )?time|align\w*|sync(?:ing)? up|follow(?:ing)?[- ]?up|"
    r"monitor\w*|watch\w*|do (?:a |an )?(?:deeper |deep |thorough )?(?:dive|analysis|review)|"
    r"deep[- ]dive|dig (?:into|deeper)|address\w*|prioriti[sz]\w*|ensur\w*|make sure|"
    r"brainstorm\w*|find (?:ways|a way|out|options)|look for (?:ways|options)|determin\w* "
    r"(?:whether|if|how)|find (?:an? |the )?(?:[\w-]+ )?(?:fix|solution|way|approach|"
    r"workaround|answer|remedy)|come up with|identify (?:ways|options|opportunities|"
    r"improvements|a way|areas)|do something about|determin\w* "
    r"(?:whether|if|how)|analy[sz]\w*|keep (?:an eye|track|in mind)|get (?:better|more|"
    r"a better)|be (?:more|better|faster|quicker)|learn\w*|talk\w*|meet\w*|"
    r"sync (?:up )?with|(?:get|be|stay) (?:in sync|aligned|on the same page)|circle back|check in|touch base|get ahead|iterate|leverag\w*|strive|"
    r"aim (?:for|to)|move (?:towards?|to(?:wards?)? (?:an? |the )?(?:more|less|better))|"
    r"double down|level up|up-?skill\w*|get buy-?in|build (?:a )?(?:culture|consensus|"
    r"awareness)|adopt\w* (?:[\w/-]+ ){0,3}(?:more|broadly|widely|practices|principles|mindset)|"
    r"rationali[sz]\w*|embrac\w*|champion\w*|foster\w*|promot\w*|encourag\w*|"
    r"continu\w* (?:to )?(?:monitor\w*|watch\w*|observ\w*|track\w*|look\w*|review\w*)|"
    r"possibly|maybe|perhaps|something about|audit\w*|(?:check|verify|confirm) (?:whether|if)"
    r")\b",
    re.I,
)
# Verbs of improving in a direction: checkable only with a number to reach.
_IMPROVE = re.compile(
    r"(?:improv\w*|enhanc\w*|harden\w*|strengthen\w*|stabili[sz]\w*|optimi[sz]\w*|"
    r"tighten\w*|clean(?:ing)? up|rework\w*|refin\w*|streamlin\w*|bolster\w*|"
    r"(?:bring|cut|drive|get) (?:[\w/-]+ ){0,3}down|reduc\w*|tun(?:e|es|ing)\b|adjust\w*|"
    r"tweak\w*|revis(?:e|es|ing)\b|increas\w*|lower\w*|rais\w*|speed up|"
    r"minimi[sz]\w*|maximi[sz]\w*|boost\w*|do (?:a )?better|get better|"
    r"make (?:[\w/-]+ ){1,5}(?:better|safer|faster|easier|simpler|more \w+|less \w+|"
    r"cheaper|clearer|quicker|smaller|stronger|tighter|quieter|shorter|lighter|smoother|"
    r"sturdier|leaner|smarter|saner|nicer|friendlier|louder|slower|bigger|larger|"
    r"a (?:top )?priority)\b)\b",
    re.I,
)
# Comparatives with no point to reach: "even more", "further", "more resilient".
_OPEN_COMPARATIVE = re.compile(
    r"\b(?:even (?:more|further|better|less)|further|more (?:robust|resilient|reliable|"
    r"stable|secure|efficient|careful|visible|aware|proactive|quickly|closely|often)|"
    r"better|earlier|safer|less (?:painful|noisy|risky|often)|wherever possible|"
    r"as (?:much|soon|far) as possible|somewhere|somehow|some time|closer)\b",
    re.I,
)
# Verbs of doing: the action changes something that can be seen to be changed.
_DO = re.compile(
    r"(?:re-?)?(?:add|set|enable|disable|remove|delete|rotate|revoke|pin|create|write|publish|send|"
    r"email|page|alert|block|require|cap|move|migrate|replace|rename|route|split|return|"
    r"renew|label|tag|archive|configure|upgrade|downgrade|schedule|turn (?:on|off)|install|"
    r"uninstall|roll back|revert|restrict|grant|backfill|rebuild|restart|emit|log|expose|"
    r"deprecate|decommission|retire|merge|deploy|ship|release|run|file|open|close|update|"
    r"change|switch|point|limit|fix|share|document|post|draft|prepare|put together|provision|"
    r"attach|annotate|link|record|make (?:[\w/.-]+ ){1,4}(?:refuse|print|ask|fail|reject|"
    r"show|log|page|alert|require|retry|stop|wait|return|use|read|write|check|skip|exit|"
    r"warn|block|default))\b",
    re.I,
)
# What an action can be checked against: a date, a ticket, a deliverable, a done-when.
_END_STATE = re.compile(
    r"\b(?:done when|(?i:by (?:end of|the end|next|eod|eow|mon|tue|wed|thu|fri|q[1-4]|jan|feb|"
    r"mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d))|deadline|write (?:up|down)|write-?up|"
    r"report (?:back|findings|the|it|in|to)|record (?:the|it|in)|file (?:a|the|one)|"
    r"(?:open|raise|create) (?:a|the) (?:ticket|issue|pr|pull request)|[A-Z][A-Z0-9]+-\d+|"
    r"decid\w*|decision|go/no-go|recommendation)\b",
)
# Object heads that say no more than "some of this": "more tests", "the learnings".
_VAGUE_OBJECT = re.compile(
    r"\b(?:more|better|additional|extra|some|stuff|things?|learnings?|awareness|"
    r"communication|visibility|observability|coverage|process(?:es)?|practices?|guardrails?|"
    r"safeguards?|documentation|docs|training|tooling|automation|resilience|reliability|"
    r"robustness|hygiene|strategy|approach|improvements?|situation|issues?|problems?|"
    r"everything|tech debt|toil)\b",
    0,
)
_DELIVERABLE = re.compile(
    r"\b(?:report|summary|post-?mortem|rca|timeline|template|alert|panel|dashboard|runbook|"
    r"test|check|index|flag|prompt|hook|record|ticket|page|rule|policy|limit|timeout|"
    r"threshold|retention|backup|snapshot|token|key|certificate|bucket|role|group|account|"
    r"credentials?|config(?:uration)?|job|script|schedule|channel|email|message|"
    r"notification|status page|customers?)\b",
    0,
)


def _checkability(text: str) -> tuple[str, str] | None:
    """("vague", rule) or ("concrete", "") when the action's leading verb and end state
    decide it; None leaves it to the shape rules below."""
    text = _PREFIX.sub("", text, count=1) or text  # "[P2] ...", "TODO: ...", "OPS-12: ..."
    first = text.lstrip(" \t*-•>([").split(" ", 1)[0].lower()
    body = text[_LEAD_IN.match(text).end() :] if first in _LEAD_WORDS else text.lstrip(" \t*-•>([")
    # "K8s" and "S3" are names, not numbers; an ASCII text without a digit needs no search
    has_number = (not text.isascii() or _hinted(_DIGITS, text)) and bool(_NUMBER.search(text))
    low = text.lower()
    intent = _INTENT.match(body)
    if intent:
        if _end_state(text) or _then_does(text):
            return None
        if _ENSURE.match(intent.group(0)) and _checkable_state(body[intent.end() :]):
            return "concrete", ""  # "ensure every paging alert has a runbook_url annotation"
        return "vague", "intent"
    if _IMPROVE.match(body) or (
        _hinted(_COMPARATIVE_HINTS, low) and _OPEN_COMPARATIVE.search(text)
    ):
        if has_number or _end_state(text) or _mechanism(text):
            return None
        return "vague", "direction"
    if _hinted(_AMOUNT_HINTS, low) and _vague_amount(low):
        return "vague", "direction"  # "when bandwidth reaches a certain threshold"
    do = _DO.match(body)
    if (
        (not text.isascii() or _hinted(_OPEN_SCOPE_HINTS, low))
        and _OPEN_SCOPE.search(text)
        and not has_number
        and not _end_state(text)
        and not (do and _specific_object(body[do.end() :]))
    ):
        return "vague", "direction"  # "share knowledge about Atlas more widely"
    if do:
        if has_number:
            return "concrete", ""  # a verb of doing and a figure to check it by
        rest = body[do.end() :]
        head = " ".join(rest.lower().split()[:4])
        if _VAGUE_OBJECT.search(head) and not (has_number or _concreteness(rest, enough=1)):
            return None
        if _AMOUNT_ONLY.match(rest) and not _end_state(text) and not _mechanism(text):
            return "vague", "direction"  # "add more monitoring for the DB": how much, of what?
        if _PLAN.match(rest) and not _end_state(text):
            return "vague", "intent"  # "create a plan for improving DR": a plan of what?
        if len(re.findall(r"[\w'-]+", rest)) <= 2:
            return None  # "write a runbook", "update the config": which one, saying what?
        if has_number or _DELIVERABLE.search(rest.lower()) or _concreteness(rest, enough=1):
            return "concrete", ""
        if _specific_object(rest):
            return "concrete", ""  # "add a readiness probe to the auth service"
    return None


# An open scope: the action holds "where possible", "when time allows", "more broadly", so
# nobody can say when it is done (a verb of doing with a specific object decides first).
_OPEN_SCOPE = re.compile(
    r"\b(?:(?:where|when|if|as far as|wherever) (?:possible|feasible|practical|it makes sense)|"
    r"more (?:broadly|widely|consistently|generally|systematically)|when time allows|"
    r"(?:when|as|if) (?:time|capacity|bandwidth) (?:allows?|permits?))\b",
    re.I,
)
# Every match of _OPEN_SCOPE holds one of these (lower case): an ASCII action without them
# needs no search (a pattern opening with \b is tried at every position).
_OPEN_SCOPE_HINTS = ("possible", "feasible", "practical", "makes sense", "more ", "allow", "permit")


# What may stand before an action's verb without being part of it: a priority tag, a TODO,
# a ticket id.
_PREFIX = re.compile(
    r"^\W*(?:\[[^\]]{1,12}\]\s*|(?:todo|p[0-4]|sev-?\d|action|ai)\s*[:\-–—]\s*|"
    r"[A-Z][A-Z0-9]+-\d+\s*[:\-–—]\s*)+",
    re.I,
)
_ENSURE = re.compile(r"ensur|make sure", re.I)
_NEVER_AGAIN = re.compile(r"\b(?:never|again|happen|recur|avoid|prevent)", re.I)


def _checkable_state(rest: str) -> bool:
    """What follows "ensure" / "make sure" is a state someone can check: it names something
    concrete (an identifier, a number, a product) and no open comparative or wish."""
    if _NEVER_AGAIN.search(rest) or _OPEN_COMPARATIVE.search(rest):
        return False
    if _CODE_LIKE.search(rest) is not None:
        return True  # a number, a key, a path, a host
    return _placed_state(rest)


_CODE_LIKE = re.compile(r"\b\d|[\w-]+[_./=:@`][\w-]+|`")
# A state one checks by looking where a thing is or what it is set to do: "user pods are in
# a separate pool", "alerting in the sandbox is configured to send alerts to a test channel".
_PLACED_STATE = re.compile(
    r"\b(?:is|are)\s+(?:(?:only\s+)?(?:configured|set|pinned|routed|scheduled|placed|moved|"
    r"kept|isolated|separated|deployed|stored|sent|forwarded|restricted|limited|capped|"
    r"gated|tagged|labell?ed|annotated|mounted|bound)\s+(?:to|in|on|into|onto|behind|"
    r"under|at)|in|on|behind|under)\s+(?:(?:a|an|the|its|their|our|own|one)\s+)*"
    r"([\w-]+(?:\s+[\w-]+){0,3})",
)
_SOFT_STATE = re.compile(
    r"\b(?:place|proper\w*|appropriate\w*|adequate\w*|sufficient\w*|correct\w*|right\w*|"
    r"good|best|always|every\s*(?:one|body)|people|process\w*|practices?|mind|sync|"
    r"line|check|control|order|future|time)\b"
)
_PURPOSE_AFTER = re.compile(r",?\s+\b(?:so(?: that)?|in order to|to (?:avoid|prevent|help))\b")


def _placed_state(rest: str) -> bool:
    """The state says where something is or what it is set to do, at a thing one can point
    at (not "in place", "in line", "properly", "in our processes")."""
    state = _PURPOSE_AFTER.split(rest, maxsplit=1)[0].lower()  # what follows says why
    m = _PLACED_STATE.search(state)
    return bool(m) and not _SOFT_STATE.search(state) and not _VAGUE_OBJECT.search(m.group(1))


_OBJECT_SKIP = frozenset("a an the every each all our their its this that these those".split())
_OBJECT_END = frozenset(
    """to in on for with from into onto at by of that which who when so and or before after
    until unless if as via through per where wherever whenever""".split()
)


def _specific_object(rest: str) -> bool:
    """The object of a verb of doing is specific: a noun with a modifier ("readiness probe",
    "prod write access", "incident review recording"), then attached somewhere ("to the auth
    service", "with the SRE guild", "in the storage runbook")."""
    words = [w.strip(".,;:!?\"'()").lower() for w in rest.split()]
    i = 0
    while i < len(words) and words[i] in _OBJECT_SKIP:
        i += 1
    np: list[str] = []
    while i < len(words) and words[i] not in _OBJECT_END and len(np) < 5:
        np.append(words[i])
        i += 1
    if len(np) < 2 or i >= len(words) or words[i] in ("and", "or", "so", "if", "as"):
        return False
    if _VAGUE_OBJECT.search(" ".join(np)):
        return False
    tail = [w for w in words[i + 1 :] if w and w not in _OBJECT_SKIP and w not in _OBJECT_END]
    return bool(tail) and not _OPEN_COMPARATIVE.search(" ".join(words[i:]))


_NUMBER = re.compile(r"\b\d[\d,.]*(?![A-FH-JL-SU-Z])")  # "8D", "5S", "2FA" are names
_DIGITS = tuple("0123456789")
# An object that is only an amount of a kind: "more monitoring", "additional tests".
_AMOUNT_ONLY = re.compile(
    r"\s*(?:(?:some |a bit |a lot |lots )?(?:more|additional|extra|better|further|enough)|"
    r"some)\s+"
    r"(?:[\w-]+\s+)?(?:monitoring|alerts?|alerting|tests?|testing|logging|logs|metrics|"
    r"dashboards?|checks?|guardrails?|safeguards?|automation|documentation|docs|capacity|"
    r"redundancy|validation|visibility|observability|coverage)\b",
    re.I,
)
_PLAN = re.compile(
    r"\W*(?:an? |the |our )(?:\w+ )?(?:plan|strategy|proposal|roadmap|vision|initiative|effort|"
    r"approach)\b",
    re.I,
)
_AMOUNT_NOUN = re.compile(r"\b(?:threshold|level|limit|number|amount|value|percentage|rate)s?\b")


def _vague_amount(low: str) -> bool:
    """ "a certain threshold", "an appropriate level": an amount nobody can check."""
    for m in _AMOUNT_NOUN.finditer(low):
        if _VAGUE_AMOUNT.search(low, max(0, m.start() - 22), m.end()):
            return True
    return False


_LEAD_WORDS = frozenset(
    """we i you they the should must need needs will could might may want plan have ought
    probably maybe perhaps also then please definitely really still try aim strive attempt
    continue start begin keep""".split()
)
_AMOUNT_NOUNS = ("threshold", "level", "limit", "number", "amount", "value", "percentage", "rate")
_COMPARATIVE_HINTS = (
    "closer",
    "more",
    "further",
    "better",
    "earlier",
    "safer",
    "less ",
    "possible",
    "somewhere",
    "somehow",
    "some time",
)
_AMOUNT_HINTS = (
    "certain",
    "appropriate",
    "reasonable",
    "sensible",
    "acceptable",
    "some ",
    "high",
    "low",
    "too ",
)


def _hinted(hints: tuple[str, ...], low: str) -> bool:
    """One of `hints` is a substring of `low`: one search of their alternation, compiled once,
    instead of a Python loop over them (the loops were a third of an action's check)."""
    return _hint_rx(hints).search(low) is not None


@cache
def _hint_rx(hints: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, hints)))


def _end_state(text: str) -> bool:
    """A date, ticket, write-up or decision; or "so that" followed by something concrete."""
    if _END_STATE.search(text):
        return True
    so = re.search(r"\b(?:so that|such that)\b", text, re.I)
    return bool(so) and _concreteness(text[so.end() :], enough=1) >= 1


def _then_does(text: str) -> bool:
    """An investigation followed by a change it makes: "... and remove the ones unused in
    90 days"."""
    for m in re.finditer(r"[,;]?\s+(?:and|then)\s+(?:then\s+)?", text, re.I):
        rest = text[m.end() :]
        verb = rest.split(" ", 1)[0]
        if (_DO.match(rest) or stem_class(verb) == "do") and (
            re.search(r"\b\d", rest) or _concreteness(rest, enough=1)
        ):
            return True
        if _IMPROVE.match(rest) and _TO_FIGURE.search(rest):
            return True  # "... and lower the cache TTL from 1h to 60s": a change to a figure
    return False


_TO_FIGURE = re.compile(r"\b(?:to|below|under|above|at most|at least)\s+[<>≤≥~]?\d")


_VAGUE_AMOUNT = re.compile(
    r"\b(?:a certain|certain|an appropriate|appropriate|a reasonable|reasonable|a sensible|"
    r"sensible|an acceptable|acceptable|some|a high|a low|too (?:high|low|many))\s+"
    r"(?:threshold|level|limit|number|amount|value|percentage|rate)s?\b",
    re.I,
)

_MECHANISM = re.compile(
    r"\b(?:by|with|via|through|using)\s+(?:adding|setting|enabling|moving|requiring|"
    r"capping|pinning|routing|splitting|removing|replacing|an? |the )",
    re.I,
)


def _mechanism(text: str) -> bool:
    """An improvement that says how: "by adding an alert on queue_depth"."""
    m = _MECHANISM.search(text)
    return bool(m) and _concreteness(text[m.end() :], enough=1) >= 1


_CHECKABILITY_ADVICE = {
    "intent": (
        "The action says what to study or intend (investigate, look into, consider), not "
        "what will be true when it is done.",
        "State the question and the end state: the decision, write-up or change it must "
        "produce, where (system, ticket) and by when.",
    ),
    "direction": (
        "The action names a direction (improve, reduce, even more, better) with no point to "
        "reach, so nobody can say when it is done.",
        "Name the signal and the threshold to reach, or the concrete change "
        '(e.g. "cut pages to the storage on-call below 5 a week by routing disk alerts '
        'below 90% to a ticket queue").',
    ),
}

_ROLE_ACRONYMS = frozenset("DBA SRE QA IC PM TBD TODO TBC OK IT N/A FIXME XXX".split())


@cache
def _compiled() -> list[tuple[str, re.Pattern[str], str, str]]:
    return [(name, re.compile(p, re.I), msg, sug) for name, p, msg, sug in _RULES]


def _rule_matches(index: int, text: str, low: str | None) -> bool:
    """Whether rule `index`'s pattern matches `text`; `low` is `text` lower-cased when ASCII.
    There a case-sensitive twin (see _twins) finds the same matches 3-15 times faster:
    the "be-careful" pattern alone cost 5-30 µs an action."""
    twin = _twins()[index] if low is not None else None
    if twin is not None:
        hints = _RULE_HINTS.get(_RULES[index][0])
        if hints is not None and not _hinted(hints, low):
            return False
        return twin.search(low) is not None
    return _compiled()[index][1].search(text) is not None


# Every match of a rule's pattern holds one of its hints: a lower-cased ASCII action without
# them needs no search (a pattern opening with \b is tried at every position; "be-careful"
# is asked of every action).
_RULE_HINTS = {
    "be-careful": (
        "care",
        "vigilant",
        "diligent",
        "thorough",
        "attentive",
        "cautious",
        "mindful",
        "aware",
        "attention",
        "double",
        "remind",
        "forget",
        "remember",
        "eye",
    ),
}


@cache
def _twins() -> list[re.Pattern[str] | None]:
    """Each rule's pattern without re.I when it has no capital letter (escapes aside): on
    lower-cased ASCII it matches exactly where the original does (as blame._twin)."""
    out: list[re.Pattern[str] | None] = []
    for _name, rx, _m, _s in _compiled():
        bare = re.sub(r"\\.|\(\?P[<=]", "", rx.pattern)
        out.append(None if re.search("[A-Z]", bare) else re.compile(rx.pattern))
    return out


_DONE = re.compile(
    r"\b(?:done when|by (?:end of|the end|next|mon|tue|wed|thu|fri|q[1-4]|jan|feb|mar|"
    r"apr|may|jun|jul|aug|sep|oct|nov|dec)|before (?:the |they |we |it |each |every |"
    r"any |merg|deploy|releas)|until|so that|tracked in|ticket|deadline|owned by|"
    r"verified by|instead of|rather than)\b",
    re.I,
)
_INNER_MARKS = frozenset("_/=#.:()[]{}<>`@")
_PLAIN_HYPHENATED = frozenset(
    "on-call follow-up double-check re-evaluate well-known long-term short-term".split()
)


def _is_identifier(token: str) -> bool:
    core = token.strip(".,;:!?\"'()")
    if len(core) < 2:
        return False
    if core.startswith(("#", "`")) or not _INNER_MARKS.isdisjoint(core[1:-1]):
        return any(map(str.isalnum, core))
    if "-" in core and core.lower() not in _PLAIN_HYPHENATED and core.islower():
        return True
    return core[0].islower() and any(map(str.isupper, core[1:]))  # camelCase


def concreteness(text: str) -> int:
    """How many kinds of concrete detail the action names (numbers, identifiers, acronyms or
    product names, done-when, length); 0 means nothing an owner could check off."""
    return _concreteness(text, enough=6)


def _concreteness(text: str, enough: int) -> int:
    """concreteness, stopping (with a score of at least `enough`) as soon as it gets there;
    the cheap kinds of detail are counted first."""
    words = text.split()
    score = (len(words) >= 14) + any(map(str.isdigit, text))
    if score >= enough:
        return score
    # A plain lower-case word is never an identifier: test only the others.
    named = '"' in text or any(
        _is_identifier(w) for w in words if not (w.isalpha() and w.islower())
    )
    score += named
    if score >= enough:
        return score
    # Acronyms and product names need a capital letter: look only at words that have one.
    capitalised = [(i, w.strip(".,;:!?\"'()")) for i, w in enumerate(words) if not w.islower()]
    acronym = any(
        len(c) >= 2 and c.rstrip("s").isupper() and c.rstrip("s") not in _ROLE_ACRONYMS
        for _, c in capitalised
    )
    score += acronym
    if score >= enough:
        return score
    product = any(
        c[:1].isupper()
        and c[1:].isalpha()
        and any(ch.islower() for ch in c[1:])
        and i > 0
        and not words[i - 1].endswith((".", ":", "!", "?"))
        for i, c in capitalised
    )
    score += product
    details = score - (len(words) >= 14)
    if (details or len(words) >= 8) and _DONE.search(text):
        score += 1  # "before release" alone does not make a five-word action concrete
    return score


def check_vague(text: str) -> list[LanguageFinding]:
    """The vague-action finding for one action item's text, if it is vague."""
    return list(_check_vague(text))


@lru_cache(maxsize=4096)
def _check_vague(text: str) -> tuple[LanguageFinding, ...]:
    # Validation runs after every edit of a post-mortem: its actions rarely change.
    if not text.strip() or states_a_fact(text):
        return ()  # nothing to do in "There is no test for that path": nothing vague
    if "://" in text or "**" in text:
        # a link says where it is tracked, not what it changes; a bold title is the action
        text = judged_text(text)
    found, checkable = _judge(text)
    if checkable and not names_an_abstraction(text):
        return ()  # the rules found what makes it checkable: the model is not asked
    p, feats = weigh(text)
    if checkable and not overrules_checkable(feats):
        return ()
    if found:
        if vetoes(p, feats) and found[0].rule not in _NEVER_VETOED:
            return ()  # everything else it holds reads as checkable
        return tuple(found)
    if p < threshold():
        return ()
    stripped = text.strip()
    start = text.index(stripped[0])
    said = reasons(feats)
    message = "The action does not read as checkable" + (
        ": " + "; ".join(said) + "." if said else "."
    )
    return (
        LanguageFinding(WEIGHED, WARNING, message, missing(feats), start, start + len(stripped)),
    )


WEIGHED = "vague-action/weighed"
# Placeholders and vigilance are never made checkable by what else the text holds.
_NEVER_VETOED = frozenset(("vague-action/placeholder", "vague-action/be-careful"))


def rule_findings(text: str) -> list[LanguageFinding]:
    """The shape and checkability rules' finding alone, without the weighed reading."""
    return _judge_vague(judged_text(text))


def rules_find_checkable(text: str) -> bool:
    """The checkability rules found what makes the action checkable (a verb of doing with a
    figure or a specific object, "ensure" with a checkable state): the weighed reading
    does not overrule that (unless the object is an abstraction)."""
    return _judge(judged_text(text))[1]


def _judge_vague(text: str) -> list[LanguageFinding]:
    return _judge(text)[0]


def _judge(text: str) -> tuple[list[LanguageFinding], bool]:
    """The rules' findings, and whether the checkability rules found the action checkable."""
    stripped = text.strip()
    if not stripped:
        return [], False
    start = text.index(stripped[0])
    end = start + len(stripped)
    low = stripped.lower() if stripped.isascii() else None
    if not _rule_matches(0, stripped, low) and not _rule_matches(1, stripped, low):
        verdict = _checkability(stripped)
        if verdict is not None:
            kind, name = verdict
            if kind == "concrete":
                return [], True
            message, suggestion = _CHECKABILITY_ADVICE[name]
            for shape, rx, shape_message, shape_suggestion in _compiled()[2:]:
                if rx.search(stripped):  # the most specific advice there is
                    name, message, suggestion = shape, shape_message, shape_suggestion
                    break
            finding = LanguageFinding(
                f"vague-action/{name}", WARNING, message, suggestion, start, end
            )
            return [finding], False
    return _shape_findings(stripped, low, start, end), False


def _shape_findings(stripped: str, low: str | None, start: int, end: int) -> list[LanguageFinding]:
    score = _concreteness(stripped, enough=2)
    if score >= 2:
        return []  # concrete enough for every rule, vigilance included
    for index, (name, _rx, message, suggestion) in enumerate(_compiled()):
        if score == 1 and name != "be-careful":
            if name == "placeholder":
                continue
            return []  # only vigilance stays vague with one concrete detail
        if not _rule_matches(index, stripped, low):
            continue
        if name == "be-careful" and score < 2:
            return [
                LanguageFinding(f"vague-action/{name}", WARNING, message, suggestion, start, end)
            ]
        if score == 0:
            return [
                LanguageFinding(f"vague-action/{name}", WARNING, message, suggestion, start, end)
            ]
        return []
    if score == 0 and len(stripped.split()) <= 4:
        return [
            LanguageFinding(
                "vague-action/unspecific",
                WARNING,
                "The action is too short to say what will change.",
                _CONCRETE_HINT,
                start,
                end,
            )
        ]
    return []
