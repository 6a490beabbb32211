"""A clause-level reading of blame: who is the agent of a clause, what the clause says that
agent did, and whether it ties that act to a bad outcome.

The surface patterns of blame.py each know one phrasing. This rule reads any phrasing of
the same shape: it splits a sentence into clauses, finds the clause's agent (a name no list
holds, an @handle, initials, a role such as "the new hire", "he"/"she"), in one of four
places -

- the subject ("Tomasz, who was covering, ignored the second page");
- the owner of the subject ("Ingrid's hurried edit ... is what took the storefront offline");
- the agent of a passive or of a fault noun ("poor judgement by the on-call engineer");
- the value a cause link points at ("traced directly to Svetlana's decision", "the problem
  was Ahmed", "Contributing factor: @mbello's ...");

and judges the clause blameful when it ties that agent to a bad outcome (something taken
down, broken, corrupted, lost, leaked, expired), a duty left undone ("had not tested", "never
switched it back on", "didn't read"), or a judgement of the act ("poor decision", "untested
hotfix", "too slow to respond", "misconfiguration"). A clause whose agent acts to respond
(rolled back, restored, reported, escalated ...) or whose act ends well (recovered, to
relieve the backlog) is a step of the response, not blame. Rejections of blame and disproved
hypotheses are dealt with by blame.check_sentence for every rule alike.

The finding names the agent, the act and the outcome it saw.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

from pm_tui.language.agents import _agent_shape, capitalised_agent, name_like, name_shaped
from pm_tui.language.lexicon import ROLE_NOUNS, TEAM_NOUNS

# Words and marks that open a clause.
_BOUNDARY_WORDS = frozenset(
    """and but so because since although though while whereas which who whom when after
    before until till once if that then yet or""".split()
)
# Words that may come before a clause's subject.
_LEAD = frozenset(
    """the a an our their his her my your this that these those one new junior senior
    frankly honestly unfortunately sadly clearly ultimately eventually then also even
    in end instead so and but yet because since when after before while until once if
    although though as""".split()
)
_PRONOUN_AGENTS = frozenset("he she someone somebody whoever".split())
# Role heads that need a modifier to name a person ("the tech lead", not "lead").
_NEED_MODIFIER = frozenset("lead leads tech owner owners member members ic people person".split())
# What may follow a role noun inside its noun phrase ("the DBA on duty").
_ROLE_TAIL_SRC = r"\s+(?:on (?:duty|call|shift)|in question|of the day|at the time)\b"

# Nouns for what a person did: "Ingrid's edit", "Wei's misconfiguration" (not "the intern's
# laptop", "the new hire's onboarding docs").
_ACT_NOUNS = frozenset(
    """change changes edit edits decision decisions commit commits refactor refactoring hotfix
    fix patch push deploy deployment migration command query update rollout release call
    choice mistake mistakes error errors typo oversight misconfiguration actions action
    handling approval merge pr configuration""".split()
)
_EXTRA_ROLES = frozenset("operator operators supervisor supervisors".split())
_TOKEN_SRC = r"@[\w.-]*\w|[^\W\d_][\w'’-]*|[,;:()\[\]?!—–]"

# A verb of responding: a clause whose agent does this is a step of the response.
_RESPONSE = frozenset(
    """rolled reverted restored rebuilt recovered paged escalated acknowledged mitigated fixed
    found noticed spotted reported detected caught confirmed verified raised added wrote led
    coordinated helped followed handled paused informed announced asked proposed tested
    investigated identified diagnosed flagged alerted warned suggested recommended
    re-enabled enabled rotated revoked replaced rebalanced resolved closed opened filed
    thanked documented updated created built implemented improved pointed kept waited
    checked reviewed""".split()
)
_VERBISH_SRC = (
    r"(?:ed|n't)$|^(?:is|was|were|are|has|had|have|did|does|do|should|would|could|"
    r"ran|made|took|broke|let|left|put|set|shut|hit|cut|got|went|came|kept|brought|forgot|"
    r"knew|thought|wrote|sent|chose|drove|gave|told|tends|keeps)$"
)

_AUX = frozenset(
    """never not also then just later still again always repeatedly went ran made took
    should would could must can will may might simply""".split()
)
OUTCOME_SRC = (
    r"\b(?:(?:took|taking|takes|brought|bringing|knocked) (?:(?:[\w-]+ ){0,4}?(?:down|offline)|"
    r"(?:[\w-]+ ){1,4}?over)|broke|corrupt(?:ed|ing)|wiped|erased|truncated|destroyed|deleted|"
    r"dropped (?:the|a|an|all|every)|lost|losing|leak(?:ed|ing)|expos(?:ed|ing)|"
    r"expired|lapsed|crash(?:ed|ing)|outage|data loss|went (?:dark|down|offline)|"
    r"(?:made|making) (?:things|it|matters|recovery|the \w+) (?:\w+ )?(?:worse|slower|longer)|"
    r"charged [\w ]{0,30}twice|locked|overwr(?:ote|itten|iting)|filling (?:up )?the disk|"
    r"caus(?:ed|ing)|led to|resulted in|turned (?:a|the) [\w ]{0,30}into|"
    r"failure to|failed to|dragged on|(?:lasted|took) [\w ]{0,20}longer)\b",
    re.I,
)
_DUTY_SRC = (
    r"\b(?:did not|didn'?t|never|had not|hadn'?t|has not|hasn'?t|have not|haven'?t|"
    r"forgot to|forgetting to|neglected to|failed to|without(?:\s+(?:a|an|any|the))?)\s+"
    r"(?:\w+ly\s+)?(?:even\s+)?"
    r"(?P<verb>[a-z-]+)",
    re.I,
)
# Verbs whose negation is a gap in what a person had, not a duty left undone.
_STATIVE = frozenset(
    """have had know knew feel felt think thought want wanted understand understood believe
    intend mean need needed receive received get got exist appear seem expect expected
    realise realize see saw hear heard been be any a an the notice noticing anyone anybody
    warning access permission downtime impact issue issues problem problems errors error
    incident interruption loss delay""".split()
)
JUDGED_SRC = (
    r"\b(?:poor|bad|wrong|hasty|hastily|hurried(?:ly)?|rushed|untested|unreviewed|"
    r"unfiltered|unsupervised|unapproved|unauthori[sz]ed|unfinished|too (?:slow|late|hasty|"
    r"quick)|mistakes?|misconfiguration|misconfigur(?:ed|ing)|misread|misjudg(?:ed|es|e|ing|e?ments?)|"
    r"lapse|panick(?:ed|ing)|typo|stale|careless(?:ly|ness)?|sloppy|"
    r"bypass(?:ed|ing)|force-?push(?:ed|ing)|hard-?coded|skipp(?:ed|ing)|ignor(?:ed|ing)|"
    r"should(?:n'?t| not| never)? have|(?:needs?|has|have) to be more (?:careful|attentive|"
    r"vigilant)|(?:was|were) the (?:one|person) (?:who|that) (?!noticed|spotted|found|caught|"
    r"fixed|restored|reported|raised|rolled|reverted|escalated|paged|helped|led)[a-z]+)\b",
    re.I,
)
_GOOD_SRC = (
    r"\b(?:recover\w*|resum\w*|came back|back to normal|restor\w*|resolv\w*|mitigat\w*|"
    r"fixed|relie\w*|stabili[sz]\w*|succeed\w*|successful\w*|ended|ending|safely|"
    r"as the runbook says|as planned|per the runbook|following the runbook|"
    r"so (?:that )?[^,;.]{0,40}?\b(?:could|can|would|will)|"
    r"to (?:free|stop|speed|reduce|prevent|protect|avoid|limit|clear|"
    r"unblock|drain|ease|contain|fix|restore|relieve|recover))\b",
    re.I,
)
# A cause link whose value is the agent: what comes right before it.
_CAUSE_CORE = (
    r"(?:\btraced? (?:\w+ )?(?:back )?to|\bpoints? to|\bpointed to|"
    r"\b(?:all |comes? |came )?down to|"
    r"\bdue to|\bbecause of|\b(?:result|fault|doing) of|\bcaused by|\bintroduced by|"
    r"\b(?:cause|reason|problem|culprit|trigger|factor|source)s?\s*(?:(?:was|is)\b|[:=—–])|"
    r"\b(?:is|was) (?:all |entirely |squarely )?on)"
)
_CAUSE_LINK_SRC = (_CAUSE_CORE + r"\s*(?:(?:the|our|a|an) )?(?:[\w-]+ ){0,2}$", re.I)
_SPLIT_SRC = (
    r"[,;:()\[\]?!—–]+|\b(?=(?:and|but|so|because|since|although|though|while|whereas|which|"
    r"who|whom|when|after|before|until|till|once|if|that|then|yet|or)\b)",
    re.I,
)
_CAPITAL_SRC = r"@[\w.-]*\w(?:['’]s\b)?|(?<![\w'’@.-])[^\W\d_a-z][\w'’-]*"
_WORD_SRC = r"@[\w.-]*\w(?:['’]s\b)?|[^\W\d_][\w'’-]*"
_BY_SRC = (r"\b(?:by|(?:came|comes|come) from)\s+(?:the |our |a |an )?$", re.I)


class _Patterns:
    """The module's patterns by short name (`_rx().outcome` is OUTCOME_SRC), each compiled
    when first used: most texts never get here, and a cold check pays only for what it
    reads."""

    def __getattr__(self, name: str) -> re.Pattern[str]:
        g = globals()
        source = g.get(f"_{name.upper()}_SRC") or g[f"{name.upper()}_SRC"]
        rx = re.compile(source) if isinstance(source, str) else re.compile(*source)
        setattr(self, name, rx)
        return rx


@cache
def _rx() -> _Patterns:
    return _Patterns()


def _is_agent(tokens: list[str], i: int, start: bool = False, alone: bool = False) -> bool:
    """Token `i` names a person: an @handle, a name-like capitalised word, initials, a role
    noun (a head that needs one, with a modifier), he/she/someone."""
    w = tokens[i]
    if w[0] == "@":
        return True
    bare = w
    if "'" in w or "’" in w:
        bare = w.replace("’", "'")
        bare = bare[:-2] if bare.endswith("'s") else bare.rstrip("'")
    low = bare.lower()
    if low == bare and low not in _LOWER_AGENTS:
        return False  # most words: lower case and no person word
    if low in _PRONOUN_AGENTS:
        return True
    if low in ROLE_NOUNS or low in TEAM_NOUNS or low in _EXTRA_ROLES:
        if alone:
            return True  # whether its modifier makes it a person is asked in its clause
        if low in _EXTRA_ROLES:
            return i > 0 and _modifier(tokens[i - 1].lower())  # "the shift supervisor"
        if low in _NEED_MODIFIER or low in TEAM_NOUNS:
            return (
                i > 0
                and tokens[i - 1][:1].isalpha()
                and tokens[i - 1].lower()
                not in (
                    "the",
                    "a",
                    "an",
                    "our",
                    "this",
                    "that",
                    "every",
                    "each",
                    "no",
                    "any",
                )
            )
        return True
    if bare[:1].isupper():
        # (A name that is also an English word, "Will", is left to blame.py's rules, which
        # ask for a failure verb: here it would be every capitalised word of a heading.)
        # Shapes only here (the text's vocabulary is asked once a clause blames: see
        # _confirmed), so a sentence full of product names costs no lookups.
        return _initials_shape(bare) or name_shaped(bare)
    return False


_LOWER_AGENTS = _PRONOUN_AGENTS | ROLE_NOUNS | TEAM_NOUNS | _EXTRA_ROLES


class _Clauses:
    """The clauses of a sentence: spans split at marks and before opening words, each
    clause's words read only when asked for (a long table row has many clauses, few of
    which hold anything to judge)."""

    def __init__(self, s: str) -> None:
        self.s = s
        spans: list[tuple[int, int]] = []
        at = 0
        for m in _rx().split.finditer(s):
            if m.start() == m.end() and not _splits(s, at, m.start()):
                continue
            if m.start() > at or m.end() > at:
                if _rx().word.search(s, at, m.start()):
                    spans.append((at, m.start()))
                at = m.end()
        if _rx().word.search(s, at):
            spans.append((at, len(s)))
        self.spans = spans
        self._words: dict[int, list[tuple[int, str]]] = {}

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, k: int) -> tuple[int, int, list[tuple[int, str]]]:
        start, end = self.spans[k]
        toks = self._words.get(k)
        if toks is None:
            toks = [(m.start(), m.group(0)) for m in _rx().word.finditer(self.s, start, end)]
            self._words[k] = toks
        return start, end, toks


def _splits(s: str, at: int, word_at: int) -> bool:
    """Whether an opening word at `word_at` starts a new clause after the text from `at`:
    not right after another opening word ("and then ignored"), and "that" not right after
    a verb ("wrote that script")."""
    before = s[at:word_at].split()
    if not before or before[-1].lower() in _BOUNDARY_WORDS:
        return False
    if s.startswith(("that", "That"), word_at) and _rx().verbish.search(before[-1].lower()):
        return False
    return True


@lru_cache(maxsize=256)
def _role_rx(roles: frozenset[str]) -> re.Pattern[str]:
    """The role words and pronouns `roles` (lower case), possessive or not, as words."""
    alternatives = "|".join(sorted(map(re.escape, roles), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’@-])(?:{alternatives})(?:['’]s?)?(?![\w'’-])")


def _lead_ok(lead: list[str]) -> bool:
    """The words before a clause's agent (lower case) leave it the subject: openers,
    adverbs, determiners and role modifiers ("Frankly, the night shift supervisor"), or
    "it was" ("It was Ngaio's typo ...")."""
    if lead[:2] in (["it", "was"], ["it", "is"]):
        return True
    return len(lead) <= 5 and all(
        x in _LEAD or x.endswith("ly") or x in ROLE_NOUNS or _modifier(x) for x in lead
    )


@lru_cache(maxsize=4096)
def _capitalised_shape(word: str, sentence_start: bool = False) -> bool:
    """A capitalised word that may be a name also an English word (agents.capitalised_agent
    without the text's vocabulary)."""
    shape = _agent_shape(word.replace("’", "'").removesuffix("'s"))
    return shape is not None and (not sentence_start or shape)


@lru_cache(maxsize=4096)
def _initials_shape(word: str) -> bool:
    """blame._initials without the text's vocabulary."""
    from pm_tui.language.agents import TECH_WORDS
    from pm_tui.language.blame import _ABBREVIATIONS

    if len(word) != 2 or not word.isupper() or not word.isalpha() or not word.isascii():
        return False
    return word.lower() not in _ABBREVIATIONS and word.lower() not in TECH_WORDS


def _confirmed(word: str, sentence_start: bool) -> bool:
    """A capitalised agent found by its shape is no word the text uses as a thing."""
    if word[0] == "@" or not word[:1].isupper():
        return True
    from pm_tui.language.blame import _initials

    bare = word.replace("’", "'").removesuffix("'s").rstrip("'")
    if bare.lower() in _LOWER_AGENTS:
        return True
    return (
        name_like(bare) or _initials(bare) or capitalised_agent(bare, sentence_start=sentence_start)
    )


def _judge(window: str, duty_only: bool = False) -> str:
    """What in `window` ties its agent to a bad outcome: the words, or ""."""
    for d in _rx().duty.finditer(window):
        # A duty left undone is one whatever the outcome ("never checked whether the
        # backups restored").
        verb = d.group("verb").lower()
        if verb not in _STATIVE and verb.rstrip("ed") not in _STATIVE:
            return d.group(0)
    if duty_only or _rx().good.search(window):
        return ""
    m = _rx().outcome.search(window) or _rx().judged.search(window)
    return m.group(0) if m else ""


_LONGEST = 400


def agent_outcome(s: str, words: set[str] | frozenset[str] = frozenset()) -> str:
    """A finding's detail when a clause of `s` ties a person to a bad outcome, else "".
    `words`: the sentence's words in lower case, when the caller has them."""
    if len(s) > _LONGEST:
        return ""  # a table row or a run-on list, not a sentence to read clause by clause
    if words and ("'" in s or "’" in s):
        words = {w.replace("’", "'").removesuffix("'s").rstrip("'") for w in words}
    # Only words that may name a person are looked at in their clause: capitalised words
    # and handles of a name's shape, and the role words and pronouns the sentence has.
    cands = [
        (m.start(), m.group(0))
        for m in _rx().capital.finditer(s)
        if m.group(0)[0] == "@"
        or (
            m.group(0)[0].isupper()
            and (
                _is_agent([m.group(0)], 0, start=m.start() == 0, alone=True)
                or _capitalised_shape(m.group(0))
            )
        )
    ]
    roles = _LOWER_AGENTS if not words else words & _LOWER_AGENTS
    if roles:
        cands += [(m.start(), m.group(0)) for m in _role_rx(frozenset(roles)).finditer(s)]
        cands.sort()
    if not cands:
        return ""  # no role, pronoun, @handle or name: most sentences
    clauses: _Clauses | None = None
    for cand_start, _cand in cands:
        if clauses is None:
            clauses = _Clauses(s)
            starts = [a for a, _ in clauses.spans]
        ci = bisect_right(starts, cand_start) - 1
        if ci < 0:
            continue
        cstart, cend, toks = clauses[ci]
        words = [t for _, t in toks]
        i = next((k for k, (o, _) in enumerate(toks) if o == cand_start), -1)
        if i < 0:
            continue
        off, w = toks[i]
        lead = [x.lower() for x in words[:i]]
        if not _is_agent(words, i, start=cstart == 0 and i == 0):
            # A name that is also an English word ("Pedro", "Will") only as a subject.
            if not (
                _lead_ok(lead) and _capitalised_shape(w, sentence_start=cstart == 0 and i == 0)
            ):
                continue
        agent = w
        before = s[:off]
        # The value of a cause link, or the agent of a passive or of a fault noun.
        link = _rx().cause_link.search(before[-60:])
        if link:
            from pm_tui.language.blame import _owns_component

            if re.search(r"['’]s$", w) and _owns_component(words[i + 1 : i + 4]):
                continue  # "Root cause: Apollo's retry loop ...": a part of a system
            rest = s[off:cend]
            if not _rx().good.search(s[cstart:cend]):
                if _confirmed(w, cstart == 0 and i == 0):
                    return _detail(agent, rest.split(" ", 1)[-1][:40], link.group(0).strip())
            continue
        if _rx().by.search(before) and i > 0:
            window = s[cstart:cend]
            if ci + 1 < len(clauses) and clauses[ci + 1][2][:1]:
                nstart, nend, ntoks = clauses[ci + 1]
                if ntoks[0][1].lower() == "who":  # "... came from Radhika, who did not test it"
                    window = s[cstart:nend]
            found = _judge(window)
            if found:
                if _confirmed(w, cstart == 0 and i == 0):
                    return _detail(agent, s[cstart:off].strip(" ,")[:40], found)
            continue
        # Otherwise the agent must be the clause's subject (or own it).
        if not _lead_ok(lead):
            continue
        j = i + 1
        while j < len(words) and (_is_agent(words, j) or words[j][:1].isupper()):
            j += 1  # "Xiu Mei", "SRE lead"
        agent = " ".join(words[i:j])  # "teammate Kwabena", "Xiu Mei's"
        tail = _rx().role_tail.match(s, toks[j - 1][0] + len(toks[j - 1][1]))
        pstart = tail.end() if tail else (toks[j][0] if j < len(toks) else cend)
        predicate = s[pstart:cend]
        nxt = ci + 1
        skipped = 0
        while not predicate.strip() and nxt < len(clauses) and skipped < 3:
            # "Tomasz, who was covering for the usual on-call, ignored the page"
            nstart, nend, ntoks = clauses[nxt]
            first = ntoks[0][1]
            if (
                first.lower() in ("who", "as", "which", "whom")
                or len(ntoks) == 1
                or (first[:1].isupper() and name_like(first))
            ):
                nxt += 1
                skipped += 1
                continue
            predicate = s[nstart:nend]
            nxt += 1
        if not predicate.strip():
            continue
        verb = _rx().token.search(predicate)
        vword = verb.group(0).lower() if verb else ""
        if vword in _RESPONSE:
            # A response ("wrote the runbook") blames only with a duty left undone
            # ("wrote that script and never tested it").
            found = _judge(predicate, duty_only=True)
            if found:
                if _confirmed(w, cstart == 0 and i == 0):
                    return _detail(agent, " ".join(predicate.split()[:6]), found)
            continue
        from pm_tui.language.blame import _ITS, _SYSTEM_ACT

        if w[:1].isupper() and (_ITS.search(s, off) or _SYSTEM_ACT.match(predicate.lstrip())):
            continue  # a service named like a person ("Heimdall ... its certificate")
        owner = any(re.search(r"['’]s?$", x) for x in words[i:j])
        if owner and not any(
            x.lower() in _ACT_NOUNS or _rx().judged.fullmatch(x) for x in words[j : j + 3]
        ):
            continue  # owns a thing, not an act ("the intern's laptop")
        if not owner and not (_rx().verbish.search(vword) or vword.endswith("ly") or vword in _AUX):
            continue  # "MS Migration tool did not ...": a modifier, not a subject
        window = predicate
        while nxt < len(clauses):
            # "... turned it off and never switched it back on": the same subject.
            nstart, nend, ntoks = clauses[nxt]
            if (
                len(ntoks) >= 2
                and ntoks[0][1].lower() in ("while", "when", "after")
                and (ntoks[1][1].endswith("ing"))
            ):
                nxt += 1  # "... turned it off while debugging and never switched ..."
                continue
            if len(ntoks) < 2 or ntoks[0][1].lower() not in ("and", "but"):
                break
            second = ntoks[1][1].lower()
            if not (_rx().verbish.search(second) or second in _AUX):
                break
            window = s[pstart:nend]
            nxt += 1
        if nxt < len(clauses):
            # ", which broke search" / "and it took the API down": the act's consequence.
            nstart, nend, ntoks = clauses[nxt]
            if ntoks[0][1].lower() in (
                "which",
                "that",
                "who",
                "and",
                "so",
            ) and _rx().outcome.search(s[nstart:nend]):
                window = s[pstart:nend]
            elif ntoks[0][1].lower() == "so" and _rx().good.search(s[nstart:nend]):
                window = s[pstart:nend]  # "... so the namespace could terminate": a purpose
        found = _judge(window)
        if found:
            act = " ".join(predicate.split()[:6])
            if _confirmed(w, cstart == 0 and i == 0):
                return _detail(agent, act, found)
    return ""


@cache
def _modifier_words() -> frozenset[str]:
    return frozenset(
        """shift on-call oncall duty release network storage platform database ops web qa
        data vendor support incident sre devops night day our new junior senior lead
        security mobile backend frontend payments billing""".split()
    )


def _modifier(word: str) -> bool:
    return word in _modifier_words()


def _detail(agent: str, act: str, outcome: str) -> str:
    agent = agent.replace("’", "'").removesuffix("'s").rstrip("'")
    return f' (agent "{agent}", act "{act.strip()}", tied to "{outcome.strip()}")'
