"""A weighed reading of action items: is this action checkable, read by its structure.

The shape rules in actions.py match phrasings; writers who never saw them phrase vague
actions in ways no list holds ("Modernise the deploy tooling over time", "K8s + Istio +
ArgoCD golden-path alignment"). This layer reads what makes an action checkable: the class
of its leading verb (doing, improving, intending, or none), whether its object is a
specific thing (an identifier, a quoted name, a number with a unit) or an abstraction ("hygiene", "resilience", "strategy"), whether there is a
threshold, a deadline or a done-when in the action itself (not in its owner/due
metadata), and whether open scope words or comparatives without a target leave it open.
Each feature has a weight learned by bench/train_vague_model.py from labelled actions of
many writers; the weights ship as JSON (data/vague_weights.json). A finding names the
features that weighed most, so a reader sees why and what is missing.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from pm_tui.language.logistic import sigmoid

WEIGHTS = Path(__file__).with_name("data") / "vague_weights.json"

# --- metadata around an action: tags, ticket keys, owners, due dates, table cells --------

_TAGS = re.compile(
    r"^\W*(?:(?:\[[^\]]{0,40}\]|\((?:p[0-4]|sev-?\d|high|medium|low)\))\s*|"
    r"(?:todo|p[0-4]|sev-?\d|action(?: item)?|ai|ongoing|follow[- ]?up|next step)\s*[:\-–—|]\s*|"
    r"(?:jira|gh|github|linear|ticket|issue)?\s*#?[A-Z][A-Za-z0-9]*-#?\d+\s*(?:[:\-–—|]\s*)?|"
    r"(?:jira|gh|github|linear|ticket|issue)?\s*#?[A-Za-z]*[A-Z][A-Za-z0-9]*#?\d+\s*[:\-–—|]\s*|"
    r"(?:gh|github)\s*#\d+\s*[:\-–—|]\s*)+",
    re.I,
)
_OWNER = re.compile(
    r"\s*[(\[—–-]+\s*(?:owner|owners|assignee|assigned to|due|eta|deadline|priority|who|when)"
    r"\b[^()\[\]]*[)\]]?\s*$|\s*(?:owner|owners|assignee|due|eta|deadline)\s*[:=][^()\[\]]*$|\s*\((?:@[\w.-]+|[^()]*\d{4}-\d\d-\d\d[^()]*)\)\s*$|"
    r"\s+[—–-]+\s+@[\w.-]+.*$",
    re.I,
)


_OWNER_HINT = re.compile(r"(?i)owner|assign|due|eta|deadline|priority|who|when|@|\)$")


def action_body(text: str) -> str:
    """The action itself: tags, ticket keys, owner and due metadata and table cells read
    past ("AI-7 | Dmitri | 2027-01-15 | Review our approach" -> "Review our approach")."""
    body = text.strip()
    if body.count("|") >= 2:
        cells = [c.strip() for c in body.strip("|").split("|") if c.strip()]
        if cells:
            body = max(cells, key=lambda c: len(c.split()))
    for _ in range(2):
        body = _TAGS.sub("", body, count=1) or body
        if _OWNER_HINT.search(body):
            body = _OWNER.sub("", body) or body
        if "://" in body:
            body = _LINK_AFTER.sub("", body) or body  # "... <https://github.com/o/r/issues/91>"
    return body.strip(" \t*-•>.;,")


def without_link(text: str) -> str:
    """`text` without a link after the action ("... <https://github.com/o/r/issues/91>",
    "... (see https://...)"); a bare link stays."""
    return _LINK_AFTER.sub("", text) or text


# "**Separate node groups per zone**: Will allow more organic scheduling ...": a bold title
# is the action, what follows the colon says why or what is under way.
_TITLE = re.compile(r"\s*\*\*([^*]{3,200}?)\*\*\s*[:—–-]\s+\S")


def judged_text(text: str) -> str:
    """The part of an action item that is judged: without a link after it, and the bold
    title alone when a title leads an explanation (the explanation says why). Offsets into
    the result are offsets into `text`."""
    if "://" in text:
        text = without_link(text)
    if text.lstrip().startswith("**"):
        m = _TITLE.match(text)
        if m and _acts(m.group(1)):
            return text[: m.end(1) + 2]  # "**Title**"
    return text


def _acts(title: str) -> bool:
    """A title that is an action: three words or more, led by a verb ("**Implement
    priority-classes for critical workloads**"), not a label ("**Time to repair**")."""
    words = title.split()
    return len(words) >= 3 and stem_class(words[0].strip("`'\"")) is not None


# A link after the action says where it is tracked, not what it changes.
_LINK_AFTER = re.compile(
    r"[\s—–-]*[(\[<]?\s*(?:see|cf\.?|tracked in|ticket|issue|pr|for example|e\.g\.,?)?\s*:?\s*<?https?://\S+?[>)\]]?[.,;]?\s*$",
    re.I,
)


# --- words -------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"`[^`]*`|\"[^\"]+\"|“[^”]+”|'[^' ]+(?: [^' ]+){0,4}'|[\w][\w'’./:=@#*<>%±+-]*|[<>≤≥+/&]"
)
_LEAD = frozenset(
    """we i you they the team should must need needs to will could might may want plan
    have has ought shall would probably maybe perhaps possibly also then please definitely
    really still try aim strive attempt continue start begin going is are be it
    long-term short-term ideally eventually""".split()
)
# Verb classes: the stems a leading verb starts with. Doing changes something one can see
# changed; improving moves in a direction; intending studies, plans or talks.
_DO = tuple(
    """add set enabl disabl remov delet rotat revok pin creat writ wrote publish send sent
    email page alert block requir cap move migrat replac renam rout split return renew label
    tag archiv configur upgrad downgrad schedul reschedul instal uninstal roll revert restrict
    grant backfill rebuild restart emit log expos deprecat decommission retir merg deploy ship
    releas run file open clos updat chang switch point limit fix shar document post draft
    prepar provision attach annotat link record bump drop truncat purg expir invalidat flush warm convert import export load
    sav stor mov split turn let shard partition replicat failover promot demot alter apply
    patch edit put insert mark assign notif rerun re-run replay resend resubmit sign accept
    reject deny allow whitelist allowlist blocklist denylist mount unmount resiz scal
    throttl rate-limit retry test verif validat check confirm measur benchmark load-test
    drill rehears exercis generat print show display surfac render implement modif collect
    ask build introduc integrat wire hook gate fail refus requir enforc separat isolat giv buy purchas subscrib
    activat deactivat""".split()
)
_IMPROVE = tuple(
    """improv enhanc harden strengthen stabili optimi tighten refin streamlin bolster
    modernis moderniz evolv matur mature rework revamp overhaul simplif rational
    rationalis consolidat standardi unif tidy clean polish fine-tun tun tweak adjust
    minimi maximi boost better make get bring cut driv speed reinforc upskil level lower
    rais increas decreas reduc shorten lengthen extend""".split()
)
_INTEND = tuple(
    """investigat look explor research evaluat assess reassess review revisit rethink
    re-think reconsider consider think discuss talk meet sync align understand figur find
    determin analy dig monitor watch track observ follow circl touch check-in learn
    brainstorm plan propos explor socializ socialis communicat educat train coach teach
    encourag promot foster champion embrac adopt establish defin identif work collaborat
    coordinat engag partner reach reflect agree compar benchmark- iterat continu ensur prioriti address tackl handl deal
    strive aim focus invest keep do explor scop spik prototyp pilot trial experiment gain build
    develop design""".split()
)
# Kinds of work: an action names one when it names no signal, page or test of that kind.
_KINDS = frozenset(
    """monitoring alerting logging testing documentation docs training tooling automation
    coverage observability o11y""".split()
)
# Nouns of abstraction: what an action names when it names no thing.
_ABSTRACT_SUFFIXES = ("ness", "ity", "ance", "ence", "ency", "ancy", "ism", "ship", "hood")
_ABSTRACT = frozenset(
    """process processes practice practices approach approaches strategy strategies story
    roadmap vision initiative effort plan plans hygiene culture posture mindset quality
    performance security safety visibility observability awareness communication comms
    alignment ownership coverage tooling automation toil debt situation issue issues problem
    problems things stuff everything anything area areas aspects side way ways path setup
    stack landscape health experience knowledge context learnings learning handling
    management governance discipline rigor rigour best practices guardrails safeguards
    improvements improvement architecture design framework model flows flow cadence
    hygiene o11y monitoring alerting logging testing documentation docs training
    resilience reliability robustness stability scalability efficiency maturity
    capacity fatigue noise friction pain concept journey uplift program programme adoption
    consolidation modernisation modernization transformation evolution direction
    discussion discussions meeting meetings conversation conversations chat workshop
    measures arrangements concern concerns gaps weaknesses""".split()
)
_OPEN = re.compile(
    r"\b(?:where(?:ver)? (?:possible|feasible|practical|appropriate|needed|it makes sense)|"
    r"as (?:needed|appropriate|required|time permits|possible)|if (?:needed|necessary|possible)|"
    r"when (?:possible|needed|time allows|appropriate)|over time|going forward|long[- ]term|"
    r"short[- ]term|eventually|at some point|in (?:the )?(?:near )?future|moving forward|"
    r"more (?:broadly|widely|consistently|generally|systematically|seriously|closely)|"
    r"appropriately|properly|adequately|sufficiently|somehow|somewhere|"
    r"(?:when|as|if) (?:time|capacity|bandwidth) (?:allows?|permits?)|tbd|etc\.?|"
    r"and so on|or similar|and similar|path forward|next steps?|fit for purpose|"
    r"best practices?|(?:this|that|similar|such) (?:class|kind|type)|incidents like this|"
    r"(?:this|it) (?:doesn'?t|does not|won'?t|never) (?:happen|recur))\b",
)
_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|further|better|worse|earlier|sooner|faster|safer|smarter|"
    r"simpler|easier|cheaper|quicker|closer|tighter|stronger|leaner|lower|higher|"
    r"[a-z]{3,}ier)\b(?! than \S*\d)",
)
_PURPOSE = re.compile(
    r"\b(?:so that|so they|so it|in order to|to (?:better|help|avoid|allow|catch|prevent|"
    r"identify|detect|spot|stop|make sure|ensure))\b",
)
# A change from one named state to another: "NUnit -> XUnit", "from /status to /healthz".
_TRANSITION = re.compile(r"\S\s*(?:->|→|=>)\s*\S|\bfrom\s+\S+(?:\s+\S+){0,3}?\s+to\s+\S")
# The event an alert or a guard fires on: "when the CVE database is updated".
_TRIGGER = re.compile(
    r"\b(?:when|whenever|once|if)\s+(?:the\s+|a\s+|an\s+|any\s+)?[\w/.-]+(?:\s+[\w/.-]+){0,3}"
    r"\s+(?:is|are|gets|goes|drops|exceeds|fails|falls|rises|expires|changes|reaches|returns|"
    r"has|stops)\b"
)
_THAN_TARGET = re.compile(r"\bthan\s+\S*\d|\b(?:from|to)\s+\S*\d")
# A figure; "8D", "5S", "2FA" are names (a capital right after the digits that is not a
# unit's: K, M, G, T as in 10K, 5M, 12GB, 2TB).
_NUMBER = re.compile(r"(?<![\w-])\d[\d,.]*(?![A-FH-JL-SU-Z])")
_UNIT = re.compile(
    r"(?<![\w.-])[<>≤≥±~]?\d+(?:[,.]\d+)*\s?(?:%|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|"
    r"days?|weeks?|months?|[kmgt]i?b|bytes?|[kmgt]|rps|qps|req|requests?|rows?|connections?|"
    r"replicas?|pods?|nodes?|retries|times|x|people|messages?|events?|errors?|items?|keys?|"
    r"percent|gb|mb|tb|cores?|vcpus?|m)\b",
)
_THRESHOLD = re.compile(
    r"(?:\b(?:above|below|under|over|exceeds?|exceeding|at least|at most|no more than|"
    r"fewer than|less than|more than|greater than|within|reaches|passes|up to)\s+\S*\d|"
    r"[<>≤≥]\s*\d)",
)
_DATE = re.compile(
    r"\b(?:\d{4}-\d\d-\d\d|(?:by|before|until|on)\s+(?:the\s+)?(?:end of|eod|eow|next|"
    r"mon|tue|wed|thu|fri|sat|sun|q[1-4]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"\d))",
)
_DONE_WHEN = re.compile(
    r"\b(?:done when|so that|such that|until|and (?:post|record|write|send|share|report|"
    r"publish|link|attach|file)|decid\w*|decision|record the|sign-off|go/no-go|"
    r"(?:in|to) (?:ticket|the ticket|jira|the tracker))\b",
)
_VAGUE_AMOUNT = re.compile(
    r"\b(?:certain|appropriate|reasonable|sensible|acceptable|right|proper|some|high|low|"
    r"enough|sufficient|adequate|healthy|safe)\s+(?:threshold|level|limit|number|amount|value|"
    r"percentage|rate|size|count|margin|buffer)s?\b",
)
_QUESTION = re.compile(r"\b(?:whether|if we|how (?:we|to)|what (?:we|can|to)|why)\b")
_PARTY = re.compile(
    r"\b(?:with|between) (?:the )?(?:[\w-]+ ){0,2}(?:team|teams|folks|group|guild|squads?|"
    r"vendor|product|security|management|leadership|stakeholders|everyone|people)\b",
)
_BROAD = re.compile(
    r"\b(?:all|every|any|across|everywhere|everything|whole|entire|overall|generally|"
    r"in general|whoever)\b",
)
_OPEN_LEAD = re.compile(
    r"(?:over time|long[- ]term|short[- ]term|eventually|in the long run|at some point|"
    r"going forward|moving forward|ideally|later|someday|next year)\s*[,:;—–-]?\s*"
)
_TOPICS = re.compile(r"[(:]\s*[^(),:;]{2,40}(?:,\s*[^(),:;]{2,40}){2,}\)?")
_SOFT = re.compile(
    r"\b(?:proper|appropriate|adequate|sufficient|sustainable|solid|good|right|reasonable|"
    r"meaningful|clear|robust|resilient|mature|modern|holistic|comprehensive|consistent|"
    r"necessary)\b"
)
_LIST = re.compile(r"\s\+\s|\w/\w+/\w|\w ?& ?\w")
_TO_FIGURE = re.compile(r"\b(?:to|below|under|above|at most|at least)\s+[<>≤≥~]?\d")
_SECOND_DO = re.compile(r"(?:,|;|\band\b|\bthen\b)\s+(?:then\s+)?([a-z][\w-]*)")


def stem_class(word: str) -> str | None:
    """ "do", "improve" or "intend": the class of a verb by its stem; None for other words."""
    low = word.lower()
    for cls, stems in (("do", _DO), ("improve", _IMPROVE), ("intend", _INTEND)):
        if low.startswith(stems):
            return cls
    if low.startswith("re") and len(low) >= 5 and low[2:].lstrip("-").startswith(_DO):
        return "do"  # doing again is doing: "re-enable", "redeploy", "reconfigure"
    return None


def _english(low: str) -> bool:
    from pm_tui.language.agents import _english as english

    return english(low)


def _identifier(tok: str) -> bool:
    """A code-like token: snake_case, a path, a dotted key, kebab-case, camelCase, a host."""
    if tok.isalpha() and tok[1:].islower():
        return False  # most words: "alert", "Traefik"
    core = tok.strip(".,;:!?()'\"")
    if len(core) < 3 or not any(c.isalpha() for c in core):
        return False
    if core.startswith("`") or any(c in core[1:-1] for c in "_/=.:@#*<>"):
        return True
    if "-" in core.strip("-") and core.lower() == core and not core.startswith("re-"):
        parts = core.split("-")
        return not all(_english(p) for p in parts if p) or any(ch.isdigit() for ch in core)
    return core[0].islower() and any(c.isupper() for c in core[1:])


# Features each shown by a pattern's first match, in this order (a finding lists them so):
# (feature, pattern, read on the text as written rather than lower-cased). What the action
# measures or names, and what leaves it open ("open-scope" before the comparatives, the rest
# after them).
_MEASURES = (
    ("transition", _TRANSITION, False),
    ("trigger", _TRIGGER, False),
    ("number", _NUMBER, True),
    ("number-unit", _UNIT, False),
    ("threshold", _THRESHOLD, False),
    ("deadline", _DATE, False),
    ("done-when", _DONE_WHEN, False),
    ("open-scope", _OPEN, False),
)
_LOOSE = (
    ("vague-amount", _VAGUE_AMOUNT, False),
    ("question", _QUESTION, False),
    ("party", _PARTY, False),
    ("broad", _BROAD, False),
)


def _first_matches(feats: dict[str, str], table, body: str, low: str) -> None:
    for name, pattern, as_written in table:
        m = pattern.search(body if as_written else low)
        if m:
            feats[name] = m.group(0)


def features(text: str) -> dict[str, str]:
    """Readable features of one action item: feature name -> the words that showed it."""
    body = action_body(text)
    feats: dict[str, str] = {}
    if body != text.strip().strip(" \t*-•>.;,"):
        feats["metadata"] = text.strip()[: max(0, len(text.strip()) - len(body))][:30]
    low = body.lower()
    opening = _OPEN_LEAD.match(low)  # "Over time, move ...", "Long term: get rid of ..."
    toks = _TOKEN.findall(body[opening.end() :] if opening else body)
    words = [t for t in toks if t[:1].isalnum()]
    # the leading verb, past modals and hedges
    i = 0
    hedged = []
    while i < len(words) - 1 and words[i].lower() in _LEAD:
        hedged.append(words[i])
        i += 1
    if any(w.lower() in _HEDGES for w in hedged):
        feats["hedged"] = " ".join(hedged)
    lead = words[i] if i < len(words) else ""
    cls = stem_class(lead) if lead and lead[:1].isalpha() else None
    if lead and lead[:1].isupper() and lead[1:].lower() != lead[1:] and not _english(lead.lower()):
        cls = None  # "ArgoCD golden-path ...", "K8s + Istio": a name leads, no verb
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    if cls == "do" and (
        after in _INQUIRY
        or (
            lead.lower().startswith(_ASKING)
            and any(w.lower() in _QUESTION_WORDS for w in words[i + 2 : i + 5])
        )
    ):
        cls = "intend"  # "check whether ...", "check with the DB team", "ask X if we should"
    low_lead = lead.lower()
    if cls == "do" and after in ("towards", "toward"):
        cls = "improve"  # "move towards GitOps-first delivery": a direction, not a move
    if cls != "do" and low_lead in _GUARDS and _GUARD_FROM.search(low):
        cls = "do"  # "Prevent EKS add-ons from being included with other changes"
    contact = 0
    if low_lead in _CONTACT and [w.lower() for w in words[i + 1 : i + 3]][
        : len(_CONTACT[low_lead])
    ] == list(_CONTACT[low_lead]):
        cls, contact = "do", len(_CONTACT[low_lead])  # "reach out to", "get in touch with"
        after = words[i + 1 + contact].lower() if i + 1 + contact < len(words) else ""
    if cls is None and lead.isalpha() and lead[1:].islower() and _english(lead.lower()):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if (
            after in _DETS
            or after in _PARTICLES
            or after in _NUMBER_WORDS
            or (nxt and (nxt[:1].isdigit() or _identifier(nxt) or nxt[:1] in "\"“'`"))
        ):
            # "Give the depot ...", "Buy two spare boards", "Use batch_id as the key": a word
            # no list holds, acting as a verb on a thing
            feats["verb:other"] = lead
        else:
            feats["verb:none"] = lead  # "Platform paved-road v2 ...": a noun phrase
    elif cls is None:
        feats["verb:none"] = lead
    else:
        feats[f"verb:{cls}"] = lead
    rest = words[i + 1 + contact :]
    if contact:
        feats["contact"] = " ".join(words[i : i + 1 + contact])
        if rest and rest[0].lower() in ("to", "with"):
            rest = rest[1:]  # the audience is the object: "reach out to <the teams> with ..."
    elif rest and rest[0].lower() in _PARTICLES:  # "put in place", "put together", "set up"
        rest = (
            rest[2:]
            if rest[0].lower() == "in" and len(rest) > 1 and rest[1].lower() == "place"
            else rest[1:]
        )
    if lead and lead.lower() in ("make", "get", "bring", "keep", "be", "let", "have"):
        feats["verb:make"] = lead
        for w in rest[1:6]:
            if stem_class(w) == "do" and not w.lower().endswith(("er", "ed")):
                feats["verb:make-do"] = f"{lead} ... {w}"  # "make the playbook fail ..."
                break
    # the object: up to the first preposition or clause break
    obj: list[str] = []
    for w in rest:
        lw = w.lower()
        if lw in _OBJ_END or len(obj) >= 6:
            break
        obj.append(w)
    content = [w for w in obj if w.lower() not in _DETS]
    cut = len(obj) >= 6 and len(rest) > 6 and rest[6].lower() not in _OBJ_END
    if content:
        # the head of the object, unless the object runs on past six words ("its own
        # health check": "health" is no head)
        head = "" if cut else content[-1].lower().strip(".,;:")
        if head in _KINDS:
            feats["object:kind"] = head  # "monitoring", "documentation": of what, saying what?
            if cls == "do":
                feats["do+kind"] = head  # "Implement monitoring on Kyverno"
        elif head in _ABSTRACT or (head.endswith(_ABSTRACT_SUFFIXES) and len(head) > 5):
            feats["object:abstract"] = head
            if cls == "do":
                feats["do+abstract"] = head  # "Write a disaster recovery strategy"
        if len(content) >= 3:
            feats["object:long"] = " ".join(content)
        elif len(content) == 1:
            feats["object:bare"] = content[0]
        # attached somewhere: "... in the edge runbook", "... to the auth service"
        k = len(obj)
        if k < len(rest) and rest[k].lower() in _PLACES:
            place = [w for w in rest[k + 1 : k + 5] if w.lower() not in _DETS]
            if place and place[0].lower() not in _ABSTRACT and place[0].lower() not in _OBJ_END:
                feats["object:placed"] = " ".join(rest[k : k + 4])
    else:
        feats["object:none"] = lead
    abstract = [w for w in words if w.lower() in _ABSTRACT]
    if len(abstract) >= 2:
        feats["abstract:many"] = " ".join(abstract[:3])
    # specific things
    ids = [t for t in toks if _identifier(t)]
    if ids:
        feats["identifier"] = ids[0]
        if len(ids) >= 2:
            feats["identifier:2"] = ids[1]
    quoted = [t for t in toks if t[:1] in "\"“'`" and len(t) > 2]
    if quoted:
        feats["quoted"] = quoted[0]
    caps = [w for w in words[i + 1 :] if w[:1].isupper()]
    if caps:
        acr = [w for w in caps if w.rstrip("s").isupper()]
        if acr:
            feats["acronym"] = acr[0]
        named = [w for w in caps if not w.rstrip("s").isupper()]
        if named:
            feats["capitalised"] = named[0]
    _first_matches(feats, _MEASURES, body, low)
    if cls == "intend":
        feats.pop("trigger", None)  # "look into if this is also an issue": a question
    main = _PURPOSE.split(low, maxsplit=1)[0]  # "..., to better identify X" says why
    comps = [c for c in _COMPARATIVE.findall(main) if c not in _NOT_COMPARATIVE]
    if comps and not _THAN_TARGET.search(low):
        feats["comparative"] = comps[0]
    _first_matches(feats, _LOOSE, body, low)
    if cls is None and _LIST.search(body):
        feats["noun-list"] = " ".join(words[:4])
    m = _TOPICS.search(body)
    if m:
        feats["topic-list"] = m.group(0)  # "(Backstage templates, Crossplane, Flux)"
    if cls is None and ("topic-list" in feats or "noun-list" in feats):
        feats["topics-only"] = feats.get("topic-list") or feats["noun-list"]
    m = _SOFT.search(low)
    if m:
        feats["soft-adjective"] = m.group(0)
    for m in _SECOND_DO.finditer(low, low.find(lead.lower()) + len(lead) if lead else 0):
        second = stem_class(m.group(1))
        if second == "do" or (second == "improve" and _TO_FIGURE.search(low, m.end())):
            feats["then-do"] = m.group(1)  # "review X and lower Y from 1h to 60s"
            break
    specific = [k for k in _SPECIFIC if k in feats]
    verb = next(k for k in feats if k.startswith("verb:"))[5:]
    feats[f"{verb}+{'specific' if specific else 'plain'}"] = (
        feats[specific[0]] if specific else lead
    )
    if verb != "intend" and any(k in feats for k in _OPEN_SIGNS):
        feats[f"{verb}+open"] = lead  # "Eventually migrate ...", "Make X more robust"
    if verb in ("intend", "improve"):
        # a named thing under a verb of studying or improving says what, not how far
        for k in _DETAIL:
            if k in feats:
                feats["open|" + k] = feats.pop(k)
    if "then-do" in feats:
        feats[f"{verb}+then-do"] = feats["then-do"]  # "look into X and re-enable Y, ..."
    n = len(words)
    feats[
        "len:" + ("short" if n <= 4 else "mid" if n <= 9 else "long" if n <= 16 else "very-long")
    ] = str(n)
    return feats


_OPEN_SIGNS = ("vague-amount", "open-scope", "comparative", "hedged")
# Verbs that keep a thing from happening: a change when they say to what and from what
# ("stop the autoscaler from scaling down ..."), a wish when the thing is a recurrence.
_GUARDS = frozenset("prevent prevents stop stops block keep forbid disallow".split())
_GUARD_FROM = re.compile(
    r"\bfrom\s+(?!(?:happening|occurring|recurring|repeating|reoccurring|breaking)\b)[a-z-]+ing\b"
)
# Phrasal verbs of contacting people: a message, checkable by its audience and content.
_CONTACT = {"reach": ("out",), "get": ("in", "touch")}
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten both".split())
_PLACES = frozenset("to in on into onto for from at".split())
_HEDGES = frozenset(
    "should need needs want try aim probably maybe perhaps possibly ideally eventually could "
    "might".split()
)
_PARTICLES = frozenset("in up together out down off back on over".split())
_INQUIRY = frozenset("whether if how what why with about".split())
_ASKING = ("ask", "check", "verif", "confirm")
_QUESTION_WORDS = frozenset("whether if how why".split())
_SPECIFIC = ("identifier", "quoted", "number-unit", "threshold", "deadline", "transition")
_DETAIL = ("identifier", "identifier:2", "quoted", "capitalised", "acronym", "number")
_OBJ_END = frozenset(
    """to in on for with from into onto at by of that which who when so and or before after
    until unless if as via through per across over within under above below than where
    wherever whenever""".split()
)
_DETS = frozenset(
    "a an the our their its this that these those every each all some any more".split()
)
_NOT_COMPARATIVE = frozenset(("carrier", "barrier", "tier", "frontier"))


@cache
def _model() -> tuple[dict[str, float], float, float, float]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data["weights"], data["bias"], data["threshold"], data.get("veto", 0.0)


def score(feats: dict[str, str]) -> float:
    """The probability the model gives to "not checkable", from the features' weights."""
    weights, bias = _model()[:2]
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return sigmoid(z)


def threshold() -> float:
    return _model()[2]


def veto() -> float:
    """Below this probability a shape rule's flag is dropped: the action reads as checkable
    by everything else it holds (a verb of doing, an identifier, a number with a unit)."""
    return _model()[3]


def vetoes(p: float, feats: dict[str, str]) -> bool:
    """The model is sure the action is checkable and nothing in it reads as open."""
    return p < veto() and not any(k in feats for k in _OPEN_SIGNS)


def names_an_abstraction(text: str) -> bool:
    """A word near the start of `text` is an abstraction ("strategy", "vision",
    "resilience"): a cheap test before asking the model about an action the rules found
    checkable."""
    return any(
        w in _ABSTRACT or (len(w) > 5 and w.endswith(_ABSTRACT_SUFFIXES))
        for w in _LETTERS.findall(text.lower())[1:8]  # where the object stands
    )


_LETTERS = re.compile(r"[a-z]+")


def overrules_checkable(feats: dict[str, str]) -> bool:
    """What the rules took for a specific object is an abstraction: "write a disaster
    recovery strategy", "put together a capacity vision"."""
    return "do+abstract" in feats


def weigh(text: str) -> tuple[float, dict[str, str]]:
    """The model's probability that the action is not checkable, and its features; 0 for a
    bare reference ("#2127", "See https://...", "OPS-12"): the ticket holds the action."""
    if _REFERENCE_ONLY.match(text):
        return 0.0, {}
    feats = features(text)
    return score(feats), feats


# A statement of fact, not an action: what went wrong ("The change took effect after hours",
# "There is no test for that path", "We do not offer 24/7 support") or a record line ("Time
# to detection: 371 minutes"). Real action lists carry contributing factors, lessons and
# stats under the same heading; there is nothing to do in them, so nothing to call vague.
_FACT = re.compile(
    r"^\W*(?:there\s+(?:is|are|was|were|has\s+been|have\s+been)\b|"
    r"(?:we|they|it|this|that|he|she)\s+(?:(?:do|does|did|have|has|had|is|are|was|were)"
    r"(?:\s+not|n'?t)|did|had)\b|"
    r"(?:(?:a|an|the|one\s+of|our|their|its)\s+)(?:[\w/.-]+\s+){1,6}?"
    r"(?:was|were|is|are|has\s+been|had\s+been|had|did\s+not|could\s+not|\w+ed)\b)",
    re.I,
)
_DIRECTED = re.compile(
    r"\b(?:should|must|need|needs|will|shall|have to|has to|let'?s|please|ought)\b", re.I
)
_RECORD = re.compile(
    r"^\W*[A-Z][a-z]+(?:\s+[a-z]+){0,3}:\s+(\d[\d.,]*(?:\s*[a-z%]+)?|[A-Z][\w-]*)\W*$"
)


# A line of initials (who attended: "RF SC AN MN EC"): nothing asked of anyone.
_INITIALS = re.compile(r"^\W*(?:[A-Z]{1,3}[\s,;/&]+){2,}[A-Z]{1,3}\W*$")


# A timeline row ("2021-09-06 07:30 | Roll back performed by hand"): what happened when.
_TIMELINE_ROW = re.compile(r"^\W*\d{4,5}-\d\d-\d\d(?:(?:[ T]+\d\d?:\d\d)?\s*\||[ T]+\d\d?:\d\d\b)")
# A subject, then "was/were ..." before any verb of the action: what was, not what to do.
_WAS = re.compile(r" (?:was|were|ha(?:s|ve) been)\b")
_FIRST_WORD = re.compile(r"\W*([A-Za-z][\w-]*)")


def states_a_fact(text: str) -> bool:
    """The item states what is or was, or lists initials, and asks nothing: not an action to
    judge."""
    body = text.strip()
    if body[:2].isupper() and _INITIALS.match(body):
        return True
    if body.lstrip("|*-• ")[:1].isdigit() and _TIMELINE_ROW.match(body):
        return True
    was = _WAS.search(body)
    if was and body.count(" ", 0, was.start()) <= 6:  # a subject of seven words at most
        said = _FIRST_WORD.match(body)
        if said and stem_class(said.group(1)) is None and said.group(1).lower() not in _LEAD:
            return not _DIRECTED.search(body)  # "No resource limits were set on the chart"
    if _FACT.match(body):
        return not _DIRECTED.search(body)
    record = _RECORD.match(body)
    return bool(record) and not (
        record.group(1)[:1].isalpha() and _english(record.group(1).lower())
    )


_REFERENCE_ONLY = re.compile(
    r"^\W*(?:(?:see|cf\.?|tracked in|ticket|issue)\s*:?\s*)?(?:<?https?://\S+>?|#\d+|"
    r"[A-Z][A-Z0-9]+-\d+)[\s.,;)]*$",
    re.I,
)


_READABLE = {
    "verb:intend": "'{}' studies, talks or intends, and changes nothing one can check",
    "verb:improve": "it leads with '{}', a verb of improving with no point to reach",
    "verb:none": "no verb of doing leads it ('{}')",
    "verb:make": "'{}' names a state to reach, not a change to make",
    "intend+plain": "'{}' studies, talks or intends, and changes nothing one can check",
    "improve+plain": "it leads with '{}', a verb of improving with no point to reach",
    "none+plain": "no verb of doing leads it ('{}')",
    "do+plain": "'{}' has no specific object",
    "object:abstract": "its object '{}' is an abstraction, not a thing one can point at",
    "object:bare": "its object '{}' is one bare word",
    "object:none": "it names no object after '{}'",
    "abstract:many": "it speaks in abstractions ('{}')",
    "open-scope": "'{}' leaves the scope open",
    "comparative": "'{}' has no target to reach",
    "hedged": "'{}' hedges it",
    "vague-amount": "'{}' is an amount nobody can check",
    "party": "'{}' is a conversation, not a change",
    "broad": "'{}' sets no boundary",
    "question": "'{}' asks a question without saying what answers it",
    "noun-list": "it lists topics ('{}') without an action",
    "topic-list": "it lists topics {} without saying what to do with each",
    "topics-only": "it names topics and no action on them: {}",
    "soft-adjective": "'{}' is a judgement nobody can check",
    "do+open": "'{}' comes with words that leave it open",
    "do+abstract": "what it asks for, a '{}', has no content one could check",
    "do+kind": "'{}' names a kind of work, not the signal, page or test to add",
    "object:kind": "'{}' names a kind of work, not the signal, page or test to add",
    "improve+open": "'{}' comes with words that leave it open",
    "len:short": "it is {} words long",
}


def reasons(feats: dict[str, str], n: int = 3) -> list[str]:
    """What the `n` features that weighed most towards "not checkable" saw, readably."""
    weights = _model()[0]
    ranked = sorted(feats, key=lambda f: weights.get(f, 0.0), reverse=True)
    out: list[str] = []
    seen: list[str] = []  # the words already explained: one reason per piece of the text
    for f in ranked:
        if weights.get(f, 0.0) <= 0:
            break
        template = _READABLE.get(f)
        if not template:
            continue
        words = feats[f].lower()
        said = [j for j, w in enumerate(seen) if words in w or w in words]
        if not said and len(out) < n:
            out.append(template.format(feats[f]))
            seen.append(words)
        elif said and all(len(words) > len(seen[j]) for j in said):
            # it says more of the same words ("it names topics: Grafana Loki Tempo" over
            # "no verb leads it ('Grafana')"): in the place of the first, the others dropped
            out[said[0]], seen[said[0]] = template.format(feats[f]), words
            for j in reversed(said[1:]):
                del out[j], seen[j]
    return out


def missing(feats: dict[str, str]) -> str:
    """What would make the action checkable, from what it lacks."""
    wants = []
    if not any(
        k in feats
        for k in (
            "identifier",
            "quoted",
            "capitalised",
            "open|identifier",
            "open|quoted",
            "open|capitalised",
        )
    ):
        wants.append(
            "the specific thing to change (a service, metric, alert, dashboard, runbook "
            "or config key by name)"
        )
    if not any(k in feats for k in ("threshold", "number-unit", "done-when")):
        wants.append(
            "the end state to check (a threshold, a setting's new value, or what 'done' produces)"
        )
    if "deadline" not in feats and not wants:
        wants.append("when it is done")
    if feats.get("verb:intend") or feats.get("verb:improve") or "verb:none" in feats:
        wants.insert(0, "a verb of doing (add, set, remove, alert on, write ... to)")
    return "Name " + "; ".join(wants) + "."
