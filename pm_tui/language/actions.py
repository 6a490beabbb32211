"""Vague action items: "improve monitoring", "be more careful", "look into it".

An action is vague when it matches a known vague shape and names nothing concrete: no
system or file, no number or threshold, no date or done-when.
"""

from __future__ import annotations

import re
from functools import cache

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

_ROLE_ACRONYMS = frozenset("DBA SRE QA IC PM TBD TODO TBC OK IT N/A FIXME XXX".split())


@cache
def _compiled() -> list[tuple[str, re.Pattern[str], str, str]]:
    return [(name, re.compile(p, re.I), msg, sug) for name, p, msg, sug in _RULES]


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
    stripped = text.strip()
    if not stripped:
        return []
    start = text.index(stripped[0])
    end = start + len(stripped)
    score = _concreteness(stripped, enough=2)
    if score >= 2:
        return []  # concrete enough for every rule, vigilance included
    for name, rx, message, suggestion in _compiled():
        if score == 1 and name != "be-careful":
            if name == "placeholder":
                continue
            return []  # only vigilance stays vague with one concrete detail
        if not rx.search(stripped):
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
